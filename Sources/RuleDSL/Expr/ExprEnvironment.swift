/// What expressions may refer to: typed variables and functions. Compiling checks an expression
/// against it; the resulting `Program` then runs with `Bindings` made by the same environment.
///
/// ```swift
/// var env = ExprEnvironment()
/// env.declare("case", schema: caseSchema)
/// env.declare("as_of", type: .date)
/// let program = try env.compile("case.admission.date <= as_of", origin: origin)
/// var bindings = env.makeBindings()
/// bindings["case"] = record
/// bindings["as_of"] = .date(today)
/// let result = program.result(bindings)
/// ```
public struct ExprEnvironment: Sendable {
    public var functions: FunctionRegistry
    public var limits: ExprLimits
    private var slots: [String: Int] = [:]
    private var types: [CELType] = []
    private(set) var variableNames: [String] = []
    /// Values fixed before compiling, by slot (see `fix(_:to:)`).
    private var known: [Int: Value] = [:]

    public init(functions: FunctionRegistry = .standard, limits: ExprLimits = .standard) {
        self.functions = functions
        self.limits = limits
    }

    /// Declares (or redeclares with a new type) a variable.
    public mutating func declare(_ name: String, type: CELType) {
        if let slot = slots[name] {
            types[slot] = type
        } else {
            slots[name] = types.count
            types.append(type)
            variableNames.append(name)
        }
    }

    /// Declares a variable holding documents described by `schema`.
    public mutating func declare(_ name: String, schema: SchemaType) {
        declare(name, type: CELType(schema: schema))
    }

    var variableCount: Int { types.count }

    /// Fixes a declared variable's value for every expression compiled from now on: reading it
    /// (and fields of it) is then done once, when compiling. Bindings should still bind the
    /// same value, for callers that evaluate with them.
    public mutating func fix(_ name: String, to value: Value) {
        if let slot = slots[name] { known[slot] = value }
    }

    func variable(named name: String) -> (slot: Int, type: CELType)? {
        slots[name].map { ($0, types[$0]) }
    }

    /// The declared type of a variable.
    public func type(of name: String) -> CELType? { slots[name].map { types[$0] } }

    /// Empty bindings for this environment's variables.
    public func makeBindings() -> Bindings { Bindings(slots: slots) }

    /// Parses and checks `text`; when `expecting` is given the result type must be assignable to it.
    public func compile(_ text: String, origin: SourceOrigin = .standalone,
                        expecting: CELType? = nil) throws(ExprCompileError) -> Program {
        let ast: ASTNode
        do {
            ast = try Parser.parse(text, limits: limits)
        } catch {
            throw ExprCompileError(diagnostics: [error], source: text, origin: origin)
        }
        var checker = Checker(environment: self)
        let checked = checker.check(ast)
        var diagnostics = checker.diagnostics
        if let expecting, diagnostics.isEmpty, !checked.type.isAssignable(to: expecting) {
            diagnostics.append(ExprDiagnostic("expected a \(expecting) expression, but this is \(checked.type)",
                                              at: checked.offset))
        }
        guard diagnostics.isEmpty else {
            throw ExprCompileError(diagnostics: diagnostics.sorted { $0.offset < $1.offset }, source: text, origin: origin)
        }
        // Keep only the deepest paths: `case.woman.sex` makes `case.woman` redundant.
        let paths = checker.selectedPaths
        let leaves = paths.filter { path in !paths.contains { $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") } }
        return Program(root: Planner.plan(KnownValues.substitute(checked, known)), resultType: checked.type, frameSize: checker.nextSlot,
                       variableCount: variableCount, referencedPaths: leaves,
                       reads: FieldReads.of(checked))
    }
}

/// Values for an environment's variables, by slot. Names are looked up here, once per binding,
/// never while an expression runs.
public struct Bindings: Sendable {
    private let slotsByName: [String: Int]
    var values: [Value?]

    init(slots: [String: Int]) {
        slotsByName = slots
        values = Array(repeating: nil, count: slots.count)
    }

    /// The value bound to a declared variable; setting an undeclared name is ignored.
    public subscript(name: String) -> Value? {
        get { slotsByName[name].flatMap { values[$0] } }
        set {
            if let slot = slotsByName[name] { values[slot] = newValue }
        }
    }

    /// The slot of a declared variable, to rebind it quickly in a loop over records.
    public func slot(of name: String) -> Int? { slotsByName[name] }

    public subscript(slot slot: Int) -> Value? {
        get { values[slot] }
        set { values[slot] = newValue }
    }
}
