import Foundation
import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Input reader")
struct InputReaderTests {
    static func fixture(_ path: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent("input").appendingPathComponent(path).path
    }

    /// Every result's id (nil when rejected) and line, in order.
    static func outline(_ batch: InputBatch) -> [String] {
        batch.results.map { "\($0.record?.id ?? "rejected")@\($0.location.line)" }
    }

    // MARK: YAML

    @Test("a syntax error in the middle document of three still yields the other two records")
    func syntaxErrorInMiddleDocument() throws {
        let batch = inputRead("""
            kind: case
            case_id: a
            shelter_id: s
            ---
            kind: case
            case_id: b: oops
            shelter_id: s
            ---
            kind: case
            case_id: c
            shelter_id: s
            """)
        #expect(Self.outline(batch) == ["a@1", "rejected@6", "c@9"])
        #expect(batch.recordsRead == 3)
        #expect(batch.recordsRejected == 1)
        #expect(batch.errors.map(\.code) == ["yaml.syntax"])
        #expect(batch.errors.first?.location == RuleDSL.SourceLocation(file: "test.yaml", line: 6, column: 11))
    }

    @Test("a case with a duplicate key is rejected at the second key")
    func duplicateKeyYAML() throws {
        let batch = inputRead(inputCaseYAML("woman:\n  age: 3\ncase_id: again\n"))
        #expect(batch.records.isEmpty)
        #expect(batch.errors.map(\.code) == ["yaml.duplicate-key"])
        #expect(docLineColumn(batch.errors.first?.location) == [6, 1])
        #expect(batch.errors.first?.hint?.contains("line 2") == true)
    }

    @Test("a case with a duplicate key in JSON is rejected at the second key")
    func duplicateKeyJSON() throws {
        let batch = inputRead("{\"kind\": \"case\",\n \"case_id\": \"a\",\n \"shelter_id\": \"s\",\n \"case_id\": \"b\"}",
            file: "dup.json", format: .json)
        #expect(batch.records.isEmpty)
        #expect(batch.errors.map(\.code) == ["json.duplicate-key"])
        #expect(batch.errors.first?.location == RuleDSL.SourceLocation(file: "dup.json", line: 4, column: 2))
        #expect(batch.errors.first?.hint?.contains("line 2") == true)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var code: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "YAML syntax error", bytes: Array(inputCaseYAML("woman: [age: 3\n").utf8) + Array("---\n".utf8),
                 code: "yaml.syntax", line: 5, column: 1),
        BadInput(name: "tab indentation", bytes: Array(inputCaseYAML("woman:\n\tage: 3\n").utf8),
                 code: "yaml.syntax", line: 5, column: 1),
        BadInput(name: "invalid UTF-8", bytes: Array(inputCaseYAML("home_municipality: K").utf8) + [0xF8] + Array("ge\n".utf8),
                 code: "input.encoding", line: 4, column: 21),
        BadInput(name: "NUL byte", bytes: Array(inputCaseYAML("home_municipality: ").utf8) + [0] + Array("x\n".utf8),
                 code: "input.encoding", line: 4, column: 20),
        BadInput(name: "unknown kind", bytes: Array("case_id: a\nshelter_id: s\nkind: cse\n".utf8),
                 code: "input.kind", line: 3, column: 7),
        BadInput(name: "missing kind", bytes: Array("case_id: a\nshelter_id: s\n".utf8),
                 code: "input.kind", line: 1, column: 1),
        BadInput(name: "wrong type", bytes: Array(inputCaseYAML("woman:\n  age: [34]\n").utf8),
                 code: "input.type", line: 5, column: 8),
        BadInput(name: "bool given as yes", bytes: Array(inputCaseYAML("psychologist:\n  offered: yes\n").utf8),
                 code: "input.type", line: 5, column: 12),
        BadInput(name: "impossible date", bytes: Array(inputCaseYAML("admission:\n  date: 2025-02-30\n").utf8),
                 code: "input.date", line: 5, column: 9),
        BadInput(name: "enum typo", bytes: Array(inputCaseYAML("contact:\n  referred_by: polise\n").utf8),
                 code: "input.enum", line: 5, column: 16),
        BadInput(name: "overflowing number", bytes: Array(inputCaseYAML("woman:\n  age: 9223372036854775808\n").utf8),
                 code: "input.overflow", line: 5, column: 8),
        BadInput(name: "null where a list item is expected", bytes: Array(inputCaseYAML("charges: [null]\n").utf8),
                 code: "input.null", line: 4, column: 11),
    ]

    @Test("every bad-input class is one rejected record with an error at the right place", arguments: badInputs)
    func badInput(_ bad: BadInput) throws {
        let batch = inputRead(bytes: bad.bytes, file: "bad.yaml")
        #expect(batch.records.isEmpty)
        #expect(batch.recordsRead == 1)
        #expect(batch.recordsRejected == 1)
        try #require(batch.errors.count == 1, "\(batch.errors)")
        #expect(batch.errors[0].code == bad.code)
        #expect(batch.errors[0].location == RuleDSL.SourceLocation(file: "bad.yaml", line: bad.line, column: bad.column))
    }

    @Test("a kind typo suggests the right kind")
    func kindSuggestion() throws {
        let batch = inputRead("kind: shleter\nshelter_id: s\n")
        #expect(batch.errors.first?.hint == "did you mean 'shelter'?")
    }

    @Test("a bool field given yes tells the user to write true or false")
    func yesHint() throws {
        let batch = inputRead(inputCaseYAML("woman:\n  anonymous: yes\n"))
        #expect(batch.errors.first?.hint?.contains("true or false") == true)
    }

    @Test("a byte-order mark and CRLF line ends read fine")
    func bomCRLF() throws {
        let batch = InputReader().read(paths: [try Self.fixture("bom-crlf.yaml")])
        #expect(batch.errors.isEmpty)
        #expect(batch.warnings.isEmpty)
        let record = try #require(batch.records.first)
        #expect(record.id == "fx-bom")
        guard case .map(let woman)? = record.fields["woman"] else {
            Issue.record("expected woman")
            return
        }
        #expect(woman["age"] == .int(41))
        #expect(woman["sex"] == .string("female"))
    }

    @Test("CRLF without a BOM reads with the same lines as LF")
    func crlfLines() throws {
        let batch = inputRead("kind: case\r\ncase_id: a\r\nshelter_id: s\r\nwoman:\r\n  age: x\r\n")
        #expect(batch.errors.map(\.code) == ["input.type"])
        #expect(docLineColumn(batch.errors.first?.location) == [5, 8])
    }

    @Test("unknown keys are warnings that do not reject the record")
    func unknownKeyWarning() throws {
        let batch = inputRead(inputCaseYAML("departur:\n  date: 2025-06-20\n"))
        #expect(batch.records.map(\.id) == ["c1"])
        #expect(batch.errors.isEmpty)
        #expect(batch.warnings.map(\.code) == ["input.unknown-key"])
        #expect(batch.warnings.first?.hint?.hasPrefix("did you mean 'departure'?") == true)
        #expect(docLineColumn(batch.warnings.first?.location) == [4, 1])
    }

    // MARK: JSON and JSON Lines

    @Test("a broken JSON Lines line between good ones rejects only that line")
    func brokenJSONLine() throws {
        let text = """
            {"case_id": "a", "shelter_id": "s"}
            {"case_id": "b", "shelter_id": "s",

            {"kind": "case", "case_id": "c", "shelter_id": "s"}
            {"case_id": "d", "shelter_id": "s", "woman": {"age": "x"}}
            """
        let batch = inputRead(text, file: "t.jsonl", format: .jsonLines)
        #expect(Self.outline(batch) == ["a@1", "rejected@2", "c@4", "rejected@5"])
        #expect(batch.recordsRead == batch.records.count + batch.recordsRejected)
        #expect(batch.recordsRead == 4)
        #expect(batch.errors.map(\.code) == ["json.syntax", "input.type"])
        #expect(batch.errors.map { docLineColumn($0.location) } == [[2, 36], [5, 54]])
        #expect(batch.errors.first?.hint == "the record looks cut off")
    }

    @Test("JSON Lines: blank lines are skipped, CRLF and a BOM are fine, line numbers stay true")
    func jsonLinesDetails() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"case_id\": \"a\", \"shelter_id\": \"s\"}\r\n  \r\n\r\n{\"case_id\": \"b\", \"shelter_id\": 5, \"x\": 1}\r\n".utf8)
        let batch = inputRead(bytes: bytes, file: "t.ndjson", format: .jsonLines)
        #expect(Self.outline(batch) == ["a@1", "b@4"])
        #expect(batch.warnings.map { docLineColumn($0.location) } == [[4, 35]])
        #expect(batch.records.last?.shelterID == "5")
    }

    @Test("a JSON Lines line may be a shelter when it says so, and must be an object")
    func jsonLinesKinds() throws {
        let batch = inputRead("{\"kind\": \"shelter\", \"shelter_id\": \"s\"}\n[1]\n\"text\"\n", file: "t.jsonl", format: .jsonLines)
        #expect(batch.records.map(\.kind) == [.shelter])
        #expect(batch.errors.map(\.code) == ["input.document", "input.document"])
        #expect(inputLines(batch.errors) == [2, 3])
    }

    @Test("a JSON file holds one document or an array of documents")
    func jsonDocuments() throws {
        let one = inputRead(#"{"kind": "case", "case_id": "a", "shelter_id": "s"}"#, file: "one.json", format: .json)
        #expect(one.records.map(\.id) == ["a"])
        let many = inputRead("""
            [
              {"kind": "shelter", "shelter_id": "s"},
              {"kind": "case", "case_id": "a", "shelter_id": "s"},
              {"kind": "case", "case_id": "b", "shelter_id": "s", "admission": {"date": "2025-02-30"}}
            ]
            """, file: "many.json", format: .json)
        #expect(Self.outline(many) == ["s@2", "a@3", "rejected@4"])
        #expect(docLineColumn(many.errors.first?.location) == [4, 77])
    }

    @Test("a JSON syntax error rejects the file as one record, located")
    func jsonSyntaxError() throws {
        let batch = inputRead("{\n  \"kind\": \"case\",\n  \"case_id\": 'a'\n}", file: "bad.json", format: .json)
        #expect(batch.recordsRead == 1)
        #expect(batch.recordsRejected == 1)
        #expect(batch.errors.first?.location == RuleDSL.SourceLocation(file: "bad.json", line: 3, column: 14))
    }

    // MARK: files

    @Test("a directory is read file by file in sorted order; other extensions are skipped")
    func directory() throws {
        let directory = try Self.fixture("mixed")
        let batch = InputReader().read(paths: [directory])
        #expect(batch.filesRead == 4)
        #expect(batch.results.map { ($0.location.file as NSString).lastPathComponent } == [
            "a-shelter.yaml", "b-cases.jsonl", "b-cases.jsonl", "b-cases.jsonl", "c-export.json", "c-export.json", "d-case.yml",
        ])
        #expect(Self.outline(batch) == ["fx-shelter@2", "fx-1@1", "rejected@2", "fx-3@3", "fx-4@6", "fx-5@7", "rejected@1"])
        #expect(batch.records.map(\.shelterID) == ["fx-shelter", "fx-shelter", "fx-shelter", "fx-shelter", "fx-other"])
        #expect(batch.recordsRead == 7)
        #expect(batch.recordsRejected == 2)
        #expect(batch.recordsRead == batch.records.count + batch.recordsRejected)
        #expect(batch.errors.map(\.code) == ["json.syntax", "input.type"])
        #expect(batch.errors.map { docLineColumn($0.location) } == [[2, 66], [5, 14]])
        #expect(batch.errors.first?.location?.file == directory + "/b-cases.jsonl")
    }

    @Test("the same files named twice, or in another order, are read once in the same order")
    func pathsDeduplicated() throws {
        let shelter = try Self.fixture("mixed/a-shelter.yaml")
        let cases = try Self.fixture("mixed/sub/d-case.yml")
        let first = InputReader().read(paths: [cases, shelter, cases])
        let second = InputReader().read(paths: [shelter, cases])
        #expect(first.filesRead == 2)
        #expect(Self.outline(first) == Self.outline(second))
    }

    @Test("a missing path and a file of unknown type are file errors", arguments: [
        ("does-not-exist.yaml", "expected a file or directory"),
        ("mixed/notes.txt", "expected a .yaml, .yml, .json, .jsonl or .ndjson file"),
    ])
    func fileErrors(_ path: String, _ message: String) throws {
        let full = try Self.fixture(path)
        let batch = InputReader().read(paths: [full])
        #expect(batch.filesRead == 0)
        #expect(batch.recordsRead == 0)
        #expect(batch.fileDiagnostics.map(\.code) == ["input.file"])
        #expect(batch.errors.first?.message.hasPrefix(message) == true)
        #expect(batch.errors.first?.location == RuleDSL.SourceLocation(file: full, line: 1, column: 1))
    }

    @Test("input formats are chosen by extension, in any case", arguments: [
        ("a.yaml", InputFormat.yaml as InputFormat?), ("a.YML", .yaml), ("a.json", .json), ("a.jsonl", .jsonLines),
        ("a.NDJSON", .jsonLines), ("a.txt", nil), ("yaml", nil),
    ])
    func formats(_ path: String, _ format: InputFormat?) {
        #expect(InputFormat(path: path) == format)
    }
}
