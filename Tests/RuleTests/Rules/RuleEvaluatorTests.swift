import Testing
@testable import RuleDSL

/// The engine on a made-up domain, so these tests pin the outcome semantics without the
/// Grundpakke pack: a "task" with a start date, two ways of being done, and flags.
@Suite struct RuleEvaluatorTests {
    static let task = ObjectSchema(name: "task", fields: [
        FieldSchema("id", .string, nullable: false, required: true, doc: LocalizedText(da: "id", en: "id")),
        FieldSchema("start", .date, doc: LocalizedText(da: "", en: "")),
        FieldSchema("done", .date, doc: LocalizedText(da: "", en: "")),
        FieldSchema("done_other", .date, doc: LocalizedText(da: "", en: "")),
        FieldSchema("a", .bool, doc: LocalizedText(da: "", en: "")),
        FieldSchema("b", .bool, doc: LocalizedText(da: "", en: "")),
        FieldSchema("n", .int, doc: LocalizedText(da: "", en: "")),
    ])

    static let context = RuleContext(
        subjects: [SubjectDefinition(name: "task", variables: [.init(name: "task", schema: task)], referenceDate: "task.start")],
        functions: .standard, defaultExampleDate: date("2025-06-30"))

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(iso: text) else { preconditionFailure(text) }
        return date
    }

    static func compile(_ yaml: String) throws -> CompiledRule {
        let (rule, problems) = RuleLoader().load(Array(yaml.utf8), file: "rule.yaml")
        #expect(problems.isEmpty, "\(problems)")
        let loaded = try #require(rule)
        let (compiled, compileProblems) = RuleCompiler(context: context).compile(loaded)
        #expect(compileProblems.isEmpty, "\(compileProblems)")
        return try #require(compiled)
    }

    static func rule(_ body: String) -> String {
        """
        id: T-1
        level: requirement
        subject: task
        section: Test
        title: {da: Titel, en: Title}
        message: {da: Besked, en: Message}
        legal_basis:
          - {law: Old Act, provision: § 1, valid_to: 2023-12-31}
          - {law: New Act, provision: § 2, valid_from: 2024-01-01}
        \(body)
        """
    }

    static func record(_ fields: [(String, Value)]) -> Value {
        .map(MapValue(stringKeyed: [("id", .string("t"))] + fields))
    }

    static let deadline = rule("""
        deadline:
          due: task.start + days(3)
          done: [task.done, task.done_other]
        """)

    struct DeadlineCase: Sendable, CustomTestStringConvertible {
        let name: String
        let fields: [(String, Value)]
        let asOf: String
        let outcome: Outcome
        let daysLate: Int?
        let missing: [String]
        var testDescription: String { name }
    }

    static let deadlineCases: [DeadlineCase] = [
        .init(name: "done on the due date", fields: [("start", .date(date("2025-03-03"))), ("done", .date(date("2025-03-06"))), ("done_other", .null)], asOf: "2025-04-01", outcome: .compliant, daysLate: nil, missing: []),
        .init(name: "done two days late", fields: [("start", .date(date("2025-03-03"))), ("done", .date(date("2025-03-08"))), ("done_other", .null)], asOf: "2025-04-01", outcome: .noncompliant, daysLate: 2, missing: []),
        .init(name: "the earliest of two counts", fields: [("start", .date(date("2025-03-03"))), ("done", .date(date("2025-03-20"))), ("done_other", .date(date("2025-03-05")))], asOf: "2025-04-01", outcome: .compliant, daysLate: nil, missing: []),
        .init(name: "overdue while not done", fields: [("start", .date(date("2025-03-03"))), ("done", .null), ("done_other", .null)], asOf: "2025-03-10", outcome: .noncompliant, daysLate: 4, missing: []),
        .init(name: "pending on the due date", fields: [("start", .date(date("2025-03-03"))), ("done", .null), ("done_other", .null)], asOf: "2025-03-06", outcome: .pending, daysLate: nil, missing: []),
        .init(name: "one on time decides despite the other absent", fields: [("start", .date(date("2025-03-03"))), ("done", .date(date("2025-03-04")))], asOf: "2025-04-01", outcome: .compliant, daysLate: nil, missing: []),
        .init(name: "a late one with the other absent stays open", fields: [("start", .date(date("2025-03-03"))), ("done", .date(date("2025-03-20")))], asOf: "2025-04-01", outcome: .incomplete, daysLate: nil, missing: ["done_other"]),
        .init(name: "nothing recorded", fields: [("start", .date(date("2025-03-03")))], asOf: "2025-04-01", outcome: .incomplete, daysLate: nil, missing: ["done", "done_other"]),
        .init(name: "no start date", fields: [("done", .null), ("done_other", .null)], asOf: "2025-04-01", outcome: .incomplete, daysLate: nil, missing: ["start"]),
    ]

    @Test(arguments: deadlineCases)
    func deadlineOutcomes(_ item: DeadlineCase) throws {
        let compiled = try Self.compile(Self.deadline)
        let result = compiled.evaluate([Self.record(item.fields)], asOf: Self.date(item.asOf))
        #expect(result.outcome == item.outcome)
        #expect(result.daysLate == item.daysLate)
        #expect(result.missing == item.missing)
        if item.fields.contains(where: { $0.0 == "start" }) {
            #expect(result.due == Self.date("2025-03-06"))
        }
    }

    struct ConditionCase: Sendable, CustomTestStringConvertible {
        let fields: [(String, Value)]
        let outcome: Outcome
        let missing: [String]
        var testDescription: String { "\(fields.map { "\($0.0)=\($0.1)" }) → \(outcome)" }
    }

    static let conditionCases: [ConditionCase] = [
        .init(fields: [("a", .bool(true)), ("b", .bool(true))], outcome: .compliant, missing: []),
        .init(fields: [("a", .bool(true)), ("b", .bool(false))], outcome: .noncompliant, missing: []),
        .init(fields: [("a", .bool(false))], outcome: .noncompliant, missing: []),
        .init(fields: [("b", .bool(false))], outcome: .noncompliant, missing: []),
        .init(fields: [("a", .bool(true))], outcome: .incomplete, missing: ["b"]),
        .init(fields: [], outcome: .incomplete, missing: ["a", "b"]),
        .init(fields: [("a", .null), ("b", .bool(true))], outcome: .noncompliant, missing: []),
    ]

    @Test(arguments: conditionCases)
    func missingDataIsDecidedByTheDataThatIsThere(_ item: ConditionCase) throws {
        let compiled = try Self.compile(Self.rule("require: task.a && task.b"))
        let result = compiled.evaluate([Self.record(item.fields)], asOf: Self.date("2025-01-01"))
        #expect(result.outcome == item.outcome)
        #expect(result.missing == item.missing)
    }

    @Test func applicabilityComesFirst() throws {
        let compiled = try Self.compile(Self.rule("when: task.a\nrequire: task.b"))
        #expect(compiled.evaluate([Self.record([("a", .bool(false))])], asOf: Self.date("2025-01-01")).outcome == .notApplicable)
        #expect(compiled.evaluate([Self.record([("b", .bool(true))])], asOf: Self.date("2025-01-01")).outcome == .incomplete)
        #expect(compiled.evaluate([Self.record([("a", .null), ("b", .bool(false))])], asOf: Self.date("2025-01-01")).outcome == .notApplicable)
    }

    @Test func anExpressionFailureIsARuleErrorNeverCompliant() throws {
        let compiled = try Self.compile(Self.rule("require: 10 / task.n > 1 || true"))
        let result = compiled.evaluate([Self.record([("n", .int(0))])], asOf: Self.date("2025-01-01"))
        // `true` absorbs the error in CEL, so this one holds...
        #expect(result.outcome == .compliant)
        let strict = try Self.compile(Self.rule("require: 10 / task.n > 1"))
        let failed = strict.evaluate([Self.record([("n", .int(0))])], asOf: Self.date("2025-01-01"))
        #expect(failed.outcome == .error)
        #expect(failed.errorMessage?.contains("require") == true)
    }

    @Test(arguments: [("2023-12-31", "Old Act"), ("2024-01-01", "New Act")])
    func legalBasisCitesWhatIsInForceOnTheReferenceDate(_ start: String, _ law: String) throws {
        let compiled = try Self.compile(Self.rule("require: task.a"))
        let result = compiled.evaluate([Self.record([("start", .date(Self.date(start))), ("a", .bool(true))])], asOf: Self.date("2025-06-01"))
        #expect(result.legalBasis.map(\.law) == [law])
    }

    @Test func evidenceShowsRecordedValuesAndLeavesAbsentOnesEmpty() throws {
        let compiled = try Self.compile(Self.rule("require: task.a\nevidence: [task.a, task.start]"))
        let result = compiled.evaluate([Self.record([("a", .bool(true))])], asOf: Self.date("2025-06-01"))
        #expect(result.evidence.map(\.path) == ["a", "start"])
        #expect(result.evidence.first?.value == .bool(true))
        #expect(result.evidence.last?.value == nil)
    }
}
