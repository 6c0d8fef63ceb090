import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Record builder")
struct RecordBuilderTests {
    @Test("a case becomes a record with its id, shelter and location")
    func caseRecord() throws {
        let results = try inputRecords(inputCaseYAML(id: "AAR-2025-017", shelter: "kc-aarhus", """
            woman:
              age: 34
            children:
              - child_id: AAR-2025-017-c1
                age: 9
            """))
        try #require(results.count == 1)
        let record = try #require(results[0].record)
        #expect(record.kind == .case)
        #expect(record.id == "AAR-2025-017")
        #expect(record.shelterID == "kc-aarhus")
        #expect(record.location == RuleDSL.SourceLocation(file: "test.yaml", line: 1, column: 1))
        #expect(record.children.count == 1)
        #expect(record.children.first?["age"] == .int(9))
        #expect(results[0].diagnostics.isEmpty)
    }

    @Test("a shelter's id is its shelter_id")
    func shelterRecord() throws {
        let results = try inputRecords("""
            kind: shelter
            shelter_id: kc-aarhus
            admits_men: false
            capacity:
              places_women: 12
            """)
        let record = try #require(results.first?.record)
        #expect(record.kind == .shelter)
        #expect(record.id == "kc-aarhus")
        #expect(record.shelterID == "kc-aarhus")
        #expect(record.fields["admits_men"] == .bool(false))
        #expect(record.children.isEmpty)
    }

    @Test("a document without kind is rejected at the document", arguments: [
        "case_id: c1\nshelter_id: s1\n",
    ])
    func missingKind(_ yaml: String) throws {
        let results = try inputRecords(yaml)
        try #require(results.count == 1)
        #expect(results[0].isRejected)
        #expect(results[0].diagnostics.map(\.code) == ["input.kind"])
        #expect(docLineColumn(results[0].diagnostics.first?.location) == [1, 1])
        #expect(results[0].diagnostics.first?.hint?.contains("kind: case") == true)
    }

    @Test("an unknown kind is rejected at the kind, with a did-you-mean", arguments: [
        ("cas", "did you mean 'case'?" as String?), ("Case", "did you mean 'case'?"), ("shelterr", "did you mean 'shelter'?"),
        ("case_export", "did you mean 'case-export'?"), ("caseexport", "did you mean 'case-export'?"), ("stay", nil),
    ])
    func unknownKind(_ kind: String, _ hint: String?) throws {
        let results = try inputRecords("case_id: c1\nkind: \(kind)\n")
        try #require(results.count == 1)
        #expect(results[0].isRejected)
        let diagnostic = try #require(results[0].diagnostics.first)
        #expect(diagnostic.code == "input.kind")
        #expect(docLineColumn(diagnostic.location) == [2, 7])
        #expect(diagnostic.message == "expected kind to be shelter, case or case-export, found the text '\(kind)'")
        #expect(diagnostic.hint == hint)
    }

    @Test("a document that is not a mapping is rejected", arguments: ["- a\n- b\n", "just text\n"])
    func notAMapping(_ yaml: String) throws {
        let results = try inputRecords(yaml)
        #expect(results.map(\.isRejected) == [true])
        #expect(results.first?.diagnostics.map(\.code) == ["input.document"])
    }

    @Test("an empty document holds no record")
    func emptyDocument() {
        let loaded = docLoadYAML("---\n---\nkind: case\ncase_id: a\nshelter_id: s\n")
        #expect(loaded.documents.flatMap(RecordBuilder().records(fromDocument:)).compactMap(\.record?.id) == ["a"])
    }

    @Test("missing ids are located errors", arguments: [
        ("kind: case\nshelter_id: s1\n", "expected the key 'case_id', found none"),
        ("kind: case\ncase_id: c1\n", "expected the key 'shelter_id', found none"),
        ("kind: shelter\nname: x\n", "expected the key 'shelter_id', found none"),
    ])
    func missingIDs(_ yaml: String, _ message: String) throws {
        let results = try inputRecords(yaml)
        #expect(results.map(\.isRejected) == [true])
        #expect(results.first?.diagnostics.map(\.message) == [message])
        #expect(results.first?.diagnostics.first?.code == "input.required")
    }

    @Test("wrong types reject the case at each wrong value")
    func wrongTypes() throws {
        let results = try inputRecords(inputCaseYAML("""
            woman:
              age: thirty
              anonymous: yes
            admission:
              date: 2025-02-30
            departure:
              destination: own_hom
            """))
        #expect(results.map(\.isRejected) == [true])
        let diagnostics = try #require(results.first?.diagnostics)
        #expect(diagnostics.map(\.code) == ["input.type", "input.type", "input.date", "input.enum"])
        #expect(inputLines(diagnostics) == [5, 6, 8, 10])
        #expect(diagnostics[1].hint?.contains("true or false") == true)
        #expect(diagnostics[3].hint == "did you mean 'own_home'?")
    }

    @Test("warnings ride along on accepted records")
    func warningsOnAcceptedRecord() throws {
        let results = try inputRecords(inputCaseYAML("departur:\n  date: 2025-06-20\n"))
        let record = try #require(results.first?.record)
        // The misspelt key is dropped, so departure counts as absent, which the data model
        // defines as null (the stay is ongoing).
        #expect(record.fields["departur"] == nil)
        #expect(record.fields["departure"] == .null)
        #expect(results.first?.diagnostics.map(\.code) == ["input.unknown-key"])
        #expect(results.first?.diagnostics.first?.hint?.hasPrefix("did you mean 'departure'?") == true)
    }

    @Test("absent fields are missing from the record, null ones are present as null")
    func absentVersusNull() throws {
        let results = try inputRecords(inputCaseYAML("""
            notices:
              home_municipality:
                date: null
            admission:
              safety_assessment_date: ~
            """))
        let fields = try #require(results.first?.record?.fields)
        #expect(fields["woman"] == nil)
        #expect(fields["stay_plan"] == nil)
        guard case .map(let notices)? = fields["notices"], case .map(let home)? = notices["home_municipality"],
              case .map(let admission)? = fields["admission"] else {
            Issue.record("expected notices and admission maps in \(fields)")
            return
        }
        #expect(home["date"] == .null)
        #expect(home["included_name"] == nil)
        #expect(notices["payment_contact"] == nil)
        #expect(admission["safety_assessment_date"] == .null)
        #expect(admission["date"] == nil)
    }

    @Test("a departure that is absent or null both mean the stay is ongoing (null)", arguments: ["", "departure: null\n", "departure:\n"])
    func departureAbsentMeansNull(_ extra: String) throws {
        let record = try #require(try inputRecords(inputCaseYAML(extra)).first?.record)
        #expect(record.fields["departure"] == .null)
    }

    @Test("children keep their own locations")
    func childLocations() throws {
        let results = try inputRecords(inputCaseYAML("""
            children:
              - child_id: k1
              - {child_id: k2}
            """))
        let record = try #require(results.first?.record)
        #expect(record.childLocations.map(docLineColumn) == [[5, 5], [6, 5]])
    }

    // MARK: case exports

    static let export = """
        kind: case-export
        shelter_id: kc-east
        exported_at: 2025-06-30
        cases:
          - case_id: e1
            woman: {age: 30}
          - case_id: e2
            shelter_id: kc-west
          - kind: case
            case_id: e3
        """

    @Test("cases in an export inherit its shelter_id, and a case's own shelter_id wins")
    func exportInheritance() throws {
        let results = try inputRecords(Self.export)
        #expect(results.map(\.record?.id) == ["e1", "e2", "e3"])
        #expect(results.map(\.record?.shelterID) == ["kc-east", "kc-west", "kc-east"])
        #expect(results.map(\.record?.fields["shelter_id"]) == [.string("kc-east"), .string("kc-west"), .string("kc-east")])
        #expect(results.map { $0.location.line } == [5, 7, 9])
        #expect(results.allSatisfy { $0.diagnostics.isEmpty })
    }

    @Test("a bad case inside an export rejects only that case")
    func badCaseInExport() throws {
        let results = try inputRecords("""
            kind: case-export
            shelter_id: kc-east
            exported_at: 2025-06-30
            cases:
              - case_id: e1
              - case_id: e2
                woman:
                  age: old
              - case_id: e3
            """)
        #expect(results.map(\.record?.id) == ["e1", nil, "e3"])
        #expect(results[1].diagnostics.map(\.code) == ["input.type"])
        #expect(inputLines(results[1].diagnostics) == [8])
        #expect(results[1].location.line == 6)
    }

    @Test("an export's items must be cases", arguments: [
        ("  - just text\n", "input.document"),
        ("  - kind: shelter\n    shelter_id: x\n", "input.kind"),
    ])
    func exportItems(_ item: String, _ code: String) throws {
        let results = try inputRecords("kind: case-export\nshelter_id: s\nexported_at: 2025-01-01\ncases:\n  - case_id: ok\n" + item)
        #expect(results.map(\.record?.id) == ["ok", nil])
        #expect(results[1].diagnostics.map(\.code) == [code])
        #expect(results[1].diagnostics.first?.location?.line == 6)
    }

    @Test("an export with a broken header rejects each of its cases by name")
    func brokenExportHeader() throws {
        let results = try inputRecords("""
            kind: case-export
            shelter_id: s
            exported_at: 2025-02-30
            cases:
              - case_id: a
              - case_id: b
            """)
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.isRejected })
        #expect(results[0].diagnostics.map(\.code) == ["input.date", "input.export"])
        #expect(results[1].diagnostics.map(\.code) == ["input.export"])
        #expect(results.map { $0.location.line } == [5, 6])
        #expect(results[1].diagnostics.first?.hint?.contains("line 1") == true)
    }

    @Test("an export header's own problems", arguments: [
        ("kind: case-export\nshelter_id: s\nexported_at: 2025-01-01\n", "input.required", 1),
        ("kind: case-export\nshelter_id: s\nexported_at: 2025-01-01\ncases: none\n", "input.type", 4),
        ("kind: case-export\nexported_at: 2025-01-01\ncases: []\n", "input.required", 1),
    ])
    func exportHeaderErrors(_ yaml: String, _ code: String, _ line: Int) throws {
        let results = try inputRecords(yaml)
        #expect(results.map(\.isRejected) == [true])
        #expect(results.first?.diagnostics.map(\.code) == [code])
        #expect(results.first?.diagnostics.first?.location?.line == line)
    }

    @Test("an empty export with a sound header holds no records")
    func emptyExport() throws {
        #expect(try inputRecords("kind: case-export\nshelter_id: s\nexported_at: 2025-01-01\ncases: []\n").isEmpty)
    }

    // MARK: JSON Lines

    @Test("a JSON Lines line is a case unless it says otherwise")
    func lines() throws {
        let builder = RecordBuilder()
        let noKind = try docJSON(#"{"case_id": "a", "shelter_id": "s"}"#)
        #expect(builder.records(fromLine: noKind).map(\.record?.kind) == [.case])
        let shelter = try docJSON(#"{"kind": "shelter", "shelter_id": "s"}"#)
        #expect(builder.records(fromLine: shelter).map(\.record?.kind) == [.shelter])
        let array = try docJSON(#"[1, 2]"#)
        #expect(builder.records(fromLine: array).first?.diagnostics.map(\.code) == ["input.document"])
    }

    // MARK: CPR

    @Test("a CPR-shaped id rejects the record without showing the number", arguments: [
        ("case_id: 010190-1234\nshelter_id: s1\n", "case_id", 2),
        ("case_id: \"0101901234\"\nshelter_id: s1\n", "case_id", 2),
        ("case_id: c1\nshelter_id: 3112991234\n", "shelter_id", 3),
        ("case_id: c1\nshelter_id: s1\nchildren:\n  - child_id: 010190-1234\n", "children[0].child_id", 5),
    ])
    func cprIDs(_ body: String, _ path: String, _ line: Int) throws {
        let results = try inputRecords("kind: case\n" + body)
        try #require(results.count == 1)
        #expect(results[0].isRejected)
        let diagnostics = results[0].diagnostics
        #expect(diagnostics.map(\.code) == ["input.cpr"])
        #expect(diagnostics.first?.message == "\(path): expected a pseudonymous id, found a value shaped like a CPR number (not shown)")
        let text = inputAllText(diagnostics)
        for digits in ["010190", "0101901234", "3112991234", "1234"] {
            #expect(!text.contains(digits))
        }
        do {
            #expect(diagnostics.first?.location?.line == line)
        }
    }
}
