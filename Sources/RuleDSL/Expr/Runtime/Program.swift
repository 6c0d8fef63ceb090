/// A compiled expression: a tree of closures over slot-indexed variables. Immutable, `Sendable`
/// and reentrant: each evaluation gets its own frame, so one program can serve many threads.
/// A class so that handing it around (once per rule judged) costs one reference, not one per field.
public final class Program: Sendable {
    let root: Planner.Step
    public let resultType: CELType
    let frameSize: Int
    let variableCount: Int
    /// The field paths the expression reads, deepest only, in source order
    /// (`case.admission.date`, `case.children[].age`): what a report can show as evidence.
    public let referencedPaths: [String]
    /// What the expression can read of each variable, by variable name (see `FieldReads`).
    public let reads: [String: FieldSelection]

    init(root: @escaping Planner.Step, resultType: CELType, frameSize: Int, variableCount: Int, referencedPaths: [String],
         reads: [String: FieldSelection]) {
        self.root = root
        self.resultType = resultType
        self.frameSize = frameSize
        self.variableCount = variableCount
        self.referencedPaths = referencedPaths
        self.reads = reads
    }

    /// Evaluates with the given bindings; an absent or failing part surfaces as `EvalError`.
    public func evaluate(_ bindings: Bindings) throws(EvalError) -> Value {
        try Frame.with(bindings.values, size: frameSize) { frame in run(frame) }.get()
    }

    /// `evaluate` as a `Result`, for callers that keep errors as values.
    public func result(_ bindings: Bindings) -> Result<Value, EvalError> {
        Frame.with(bindings.values, size: frameSize) { frame in run(frame) }
    }

    /// Runs in a frame the caller made (at least `frameSize` slots, variables bound), so that
    /// several programs of one rule share one frame.
    func run(_ frame: Frame) -> Result<Value, EvalError> {
        do {
            return .success(try root(frame))
        } catch {
            return .failure(error)
        }
    }
}
