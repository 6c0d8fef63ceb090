import Testing
@testable import RuleDSL

/// Rules of one subject judged in one shared frame (as the audit judges them) give exactly what
/// each rule judged alone gives: outcome, due date, days late and missing paths. The rules mix
/// parameters, `when`, deadlines with one and two done dates, comprehensions and paths of one to
/// four levels, over records with absent fields, null records and wrong shapes.
@Suite struct SharedFrameTests {
    static let note = ObjectSchema(name: "note", fields: [
        FieldSchema("date", .date, doc: LocalizedText(da: "", en: "")),
        FieldSchema("by", .object(ObjectSchema(name: "by", fields: [
            FieldSchema("name", .string, doc: LocalizedText(da: "", en: "")),
        ])), doc: LocalizedText(da: "", en: "")),
    ])
    static let item = ObjectSchema(name: "item", fields: [
        FieldSchema("kind", .string, doc: LocalizedText(da: "", en: "")),
        FieldSchema("amount", .int, doc: LocalizedText(da: "", en: "")),
    ])
    static let parent = ObjectSchema(name: "parent", fields: [
        FieldSchema("id", .string, nullable: false, required: true, doc: LocalizedText(da: "id", en: "id")),
        FieldSchema("start", .date, doc: LocalizedText(da: "", en: "")),
        FieldSchema("flag", .bool, doc: LocalizedText(da: "", en: "")),
        FieldSchema("notes", .object(ObjectSchema(name: "notes", fields: [
            FieldSchema("first", .object(note), doc: LocalizedText(da: "", en: "")),
            FieldSchema("second", .object(note), doc: LocalizedText(da: "", en: "")),
        ])), doc: LocalizedText(da: "", en: "")),
        FieldSchema("items", .list(.object(item)), doc: LocalizedText(da: "", en: "")),
    ])
    static let kid = ObjectSchema(name: "kid", fields: [
        FieldSchema("age", .int, doc: LocalizedText(da: "", en: "")),
        FieldSchema("seen", .date, doc: LocalizedText(da: "", en: "")),
    ])

    static let context = RuleContext(
        subjects: [
            SubjectDefinition(name: "parent", variables: [.init(name: "parent", schema: parent)], referenceDate: nil),
            SubjectDefinition(name: "kid", variables: [.init(name: "kid", schema: kid), .init(name: "parent", schema: parent)],
                              referenceDate: nil),
        ],
        functions: .standard, defaultExampleDate: date("2025-06-30"))

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(iso: text) else { preconditionFailure(text) }
        return date
    }

    static func compile(_ id: String, subject: String, _ body: String) throws -> CompiledRule {
        let yaml = """
            id: \(id)
            level: requirement
            subject: \(subject)
            section: Test
            title: {da: Titel, en: Title}
            message: {da: Besked, en: Message}
            legal_basis:
              - {law: Act, provision: § 1}
            \(body)
            """
        let (rule, problems) = RuleLoader().load(Array(yaml.utf8), file: "\(id).yaml")
        #expect(problems.isEmpty, "\(problems)")
        let (compiled, compileProblems) = RuleCompiler(context: context).compile(try #require(rule))
        #expect(compileProblems.isEmpty, "\(compileProblems)")
        return try #require(compiled)
    }

    static func parentRules() throws -> [CompiledRule] {
        [
            try compile("P-1", subject: "parent", """
                params: {days: 3}
                when: parent.flag
                deadline:
                  due: parent.start + days(params.days)
                  done: [parent.notes.first.date, parent.notes.second.date]
                """),
            try compile("P-2", subject: "parent", """
                require: parent.notes.first.date != null || parent.start < as_of
                """),
            try compile("P-3", subject: "parent", """
                params: {limit: 10}
                require: '!parent.items.exists(i, i.kind == "fee" && i.amount > params.limit)'
                """),
            try compile("P-4", subject: "parent", """
                when: has(parent.notes.first.by)
                require: parent.notes.first.by.name == 'staff' && parent.notes.second.by.name == 'staff'
                """),
            try compile("P-5", subject: "parent", """
                deadline:
                  due: parent.start
                  done: parent.notes.second.date
                """),
        ]
    }

    static func kidRules() throws -> [CompiledRule] {
        [
            try compile("K-1", subject: "kid", """
                when: kid.age >= 6
                deadline:
                  due: parent.start
                  done: "kid.seen == null ? null : parent.start"
                """),
            try compile("K-2", subject: "kid", """
                require: kid.seen >= parent.start || parent.notes.first.date != null
                """),
        ]
    }

    static func note(_ date: String?, by name: String?) -> Value {
        var fields: [(String, Value)] = []
        if let date { fields.append(("date", date == "null" ? .null : .date(Self.date(date)))) }
        if let name { fields.append(("by", name == "null" ? .null : .map(MapValue(stringKeyed: [("name", .string(name))])))) }
        return .map(MapValue(stringKeyed: fields))
    }

    /// Parents with every field in turn absent, null or recorded, and a few wrong shapes.
    static let parents: [Value] = {
        let starts: [Value?] = [nil, .null, .date(date("2025-03-03")), .date(date("2025-06-20"))]
        let notes: [Value?] = [
            nil, .null,
            .map(MapValue(stringKeyed: [])),
            .map(MapValue(stringKeyed: [("first", note("2025-03-05", by: "staff")), ("second", note("2025-03-09", by: "staff"))])),
            .map(MapValue(stringKeyed: [("first", note("2025-03-20", by: nil)), ("second", .null)])),
            .map(MapValue(stringKeyed: [("first", note("null", by: "null")), ("second", note(nil, by: "other"))])),
            .map(MapValue(stringKeyed: [("first", .string("not a record"))])),
        ]
        let items: [Value?] = [
            nil,
            .list([]),
            .list([.map(MapValue(stringKeyed: [("kind", .string("fee")), ("amount", .int(20))]))]),
            .list([.map(MapValue(stringKeyed: [("kind", .string("fee"))])), .map(MapValue(stringKeyed: [("kind", .string("food")), ("amount", .int(5))]))]),
        ]
        var parents: [Value] = []
        for (position, start) in starts.enumerated() {
            for (notePosition, note) in notes.enumerated() {
                for item in items {
                    var fields: [(String, Value)] = [("id", .string("p"))]
                    if let start { fields.append(("start", start)) }
                    if (position + notePosition) % 3 != 0 { fields.append(("flag", .bool(notePosition % 2 == 0))) }
                    if let note { fields.append(("notes", note)) }
                    if let item { fields.append(("items", item)) }
                    parents.append(.map(MapValue(stringKeyed: fields)))
                }
            }
        }
        return parents
    }()

    static let kids: [Value] = [
        .map(MapValue(stringKeyed: [])),
        .map(MapValue(stringKeyed: [("age", .int(8))])),
        .map(MapValue(stringKeyed: [("age", .int(8)), ("seen", .date(date("2025-03-04")))])),
        .map(MapValue(stringKeyed: [("age", .int(3)), ("seen", .null)])),
        .map(MapValue(stringKeyed: [("age", .null), ("seen", .date(date("2025-01-01")))])),
    ]

    static let asOf = date("2025-04-01")

    static func same(_ a: RuleResult, _ b: RuleResult) -> Bool {
        a.outcome == b.outcome && a.due == b.due && a.daysLate == b.daysLate && a.missing == b.missing
            && a.errorMessage == b.errorMessage
    }

    static func describe(_ result: RuleResult) -> String {
        "\(result.outcome) due=\(String(describing: result.due)) late=\(String(describing: result.daysLate)) missing=\(result.missing) error=\(result.errorMessage ?? "-")"
    }

    @Test func parentRulesInOneFrameGiveWhatEachGivesAlone() throws {
        let rules = try Self.parentRules()
        var outcomes = Set<Outcome>()
        for (position, parent) in Self.parents.enumerated() {
            var shared: [Int: RuleResult] = [:]
            CompiledRule.judge(rules, Array(rules.indices), parent, context: nil, asOf: Self.asOf) { shared[$0] = $1 }
            #expect(shared.count == rules.count)
            for (index, rule) in rules.enumerated() {
                let alone = rule.judge([parent], asOf: Self.asOf)
                let together = try #require(shared[index])
                outcomes.insert(alone.outcome)
                #expect(Self.same(alone, together),
                        "\(rule.rule.id) parent #\(position): alone \(Self.describe(alone)), shared \(Self.describe(together))")
            }
        }
        // The records reach every outcome, so the comparison covers each way a rule decides.
        #expect(outcomes == Set(Outcome.allCases))
    }

    @Test func kidRulesInOneFrameGiveWhatEachGivesAlone() throws {
        let rules = try Self.kidRules()
        for parent in Self.parents.prefix(40) {
            for (position, kid) in Self.kids.enumerated() {
                var shared: [Int: RuleResult] = [:]
                CompiledRule.judge(rules, [1, 0], kid, context: parent, asOf: Self.asOf) { shared[$0] = $1 }
                for (index, rule) in rules.enumerated() {
                    let alone = rule.judge([kid, parent], asOf: Self.asOf)
                    let together = try #require(shared[index])
                    #expect(Self.same(alone, together),
                            "\(rule.rule.id) kid #\(position): alone \(Self.describe(alone)), shared \(Self.describe(together))")
                }
            }
        }
    }

    @Test func missingPathsAreRelativeToTheSubjectSortedAndListedOnce() throws {
        let rules = try Self.parentRules()
        let parent = Value.map(MapValue(stringKeyed: [("id", .string("p")), ("flag", .bool(true))]))
        let result = rules[0].judge([parent], asOf: Self.asOf)
        #expect(result.outcome == .incomplete)
        #expect(result.missing == ["start"])
        let undated = Value.map(MapValue(stringKeyed: [
            ("id", .string("p")), ("flag", .bool(true)), ("start", .date(Self.date("2025-03-03"))),
            ("notes", .map(MapValue(stringKeyed: [("first", Self.note(nil, by: nil)), ("second", Self.note(nil, by: nil))]))),
        ]))
        #expect(rules[0].judge([undated], asOf: Self.asOf).missing == ["notes.first.date", "notes.second.date"])
        let kidRule = try Self.kidRules()[1]
        let kid = Value.map(MapValue(stringKeyed: [("age", .int(8))]))
        let kidResult = kidRule.judge([kid, .map(MapValue(stringKeyed: [("id", .string("p"))]))], asOf: Self.asOf)
        // The kid's own paths lose `kid.`; its parent's keep `parent.`.
        #expect(kidResult.missing == ["parent.notes", "seen"])
    }

    @Test func rulesOfOneSubjectShareALayoutAndOthersDoNot() throws {
        let parents = try Self.parentRules(), kids = try Self.kidRules()
        #expect(parents.allSatisfy { $0.sharesFrame(with: parents[0]) && $0.layoutCode != nil })
        #expect(kids[0].sharesFrame(with: kids[1]))
        #expect(!kids[0].sharesFrame(with: parents[0]))
        #expect(CompiledRule.layoutCode(variableSlots: [0, 1], asOfSlot: 2) != CompiledRule.layoutCode(variableSlots: [1, 0], asOfSlot: 2))
        #expect(CompiledRule.layoutCode(variableSlots: [0], asOfSlot: 1) != CompiledRule.layoutCode(variableSlots: [0, 1], asOfSlot: 1))
        // Layouts too large to pack have no code and are compared in full.
        #expect(CompiledRule.layoutCode(variableSlots: [0, 300], asOfSlot: 1) == nil)
        #expect(CompiledRule.layoutCode(variableSlots: Array(0..<7), asOfSlot: 7) == nil)
    }
}
