/// What a rule can be about: a named subject and the documents bound while judging it.
public struct SubjectDefinition: Sendable {
    public struct Variable: Sendable {
        public var name: String
        public var schema: ObjectSchema

        public init(name: String, schema: ObjectSchema) {
            self.name = name
            self.schema = schema
        }
    }

    public var name: String
    /// The subject's own document first, then any context documents (a child's case).
    public var variables: [Variable]
    /// The date that decides which legal references are cited (e.g. the admission date);
    /// `nil` means the evaluation date.
    public var referenceDate: String?

    public init(name: String, variables: [Variable], referenceDate: String? = nil) {
        self.name = name
        self.variables = variables
        self.referenceDate = referenceDate
    }
}

/// Everything a domain hands the engine: its subjects and its functions. The engine itself
/// knows no subject and no calendar.
public struct RuleContext: Sendable {
    public var subjects: [SubjectDefinition]
    public var functions: FunctionRegistry
    /// Parameters every rule sees as `params.NAME` unless it sets its own.
    public var packParams: [(name: String, value: Value)]
    /// The evaluation date of examples that give none, so that they never depend on today.
    public var defaultExampleDate: CivilDate

    public init(
        subjects: [SubjectDefinition], functions: FunctionRegistry, packParams: [(name: String, value: Value)] = [],
        defaultExampleDate: CivilDate
    ) {
        self.subjects = subjects
        self.functions = functions
        self.packParams = packParams
        self.defaultExampleDate = defaultExampleDate
    }

    public func subject(named name: String) -> SubjectDefinition? {
        subjects.first { $0.name == name }
    }
}
