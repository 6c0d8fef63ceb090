/// A compiled expression: a tree of closures over slot-indexed variables. Immutable, `Sendable`
/// and reentrant: each evaluation gets its own frame, so one program can serve many threads.
public struct Program: Sendable {
    let root: Planner.Step
    public let resultType: CELType
    let frameSize: Int
    let variableCount: Int
    /// The field paths the expression reads, deepest only, in source order
    /// (`case.admission.date`, `case.children[].age`): what a report can show as evidence.
    public let referencedPaths: [String]

    /// Evaluates with the given bindings; an absent or failing part surfaces as `EvalError`.
    public func evaluate(_ bindings: Bindings) throws(EvalError) -> Value {
        let frame = Frame(bindings.values, size: frameSize)
        return try root(frame)
    }

    /// `evaluate` as a `Result`, for callers that keep errors as values.
    public func result(_ bindings: Bindings) -> Result<Value, EvalError> {
        do {
            return .success(try evaluate(bindings))
        } catch {
            return .failure(error)
        }
    }
}

/// Variable storage of one evaluation. A class so comprehension steps can write their loop
/// variable without copying; it never outlives the `evaluate` call that made it.
final class Frame {
    var slots: [Value?]

    init(_ bound: [Value?], size: Int) {
        slots = bound
        if size > bound.count { slots.append(contentsOf: repeatElement(nil, count: size - bound.count)) }
    }
}
