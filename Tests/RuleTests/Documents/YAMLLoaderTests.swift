import Testing
@testable import RuleDSL

@Suite("YAML loader")
struct YAMLLoaderTests {
    static let located = """
        kind: case
        woman:
          age: 34
          name: "Æblegrød"
        children:
          - child_id: c1
            age: 9
          - child_id: c2
        flow: [x, {k: v}]
        æøå: værdi
        by: [Århus, Ølstykke, x]
        note: |
          line one
        end: true
        """

    struct LocatedNode: Sendable, CustomTestStringConvertible {
        var path: [DocStep]
        var line: Int
        var column: Int
        var testDescription: String { "\(path) at \(line):\(column)" }
    }

    @Test("nodes know the line and column they start at", arguments: [
        LocatedNode(path: [], line: 1, column: 1),
        LocatedNode(path: ["kind"], line: 1, column: 7),
        LocatedNode(path: ["woman"], line: 3, column: 3),
        LocatedNode(path: ["woman", "age"], line: 3, column: 8),
        LocatedNode(path: ["woman", "name"], line: 4, column: 9),
        LocatedNode(path: ["children"], line: 6, column: 3),
        LocatedNode(path: ["children", 0], line: 6, column: 5),
        LocatedNode(path: ["children", 0, "child_id"], line: 6, column: 15),
        LocatedNode(path: ["children", 0, "age"], line: 7, column: 10),
        LocatedNode(path: ["children", 1], line: 8, column: 5),
        LocatedNode(path: ["flow"], line: 9, column: 7),
        LocatedNode(path: ["flow", 0], line: 9, column: 8),
        LocatedNode(path: ["flow", 1], line: 9, column: 11),
        LocatedNode(path: ["flow", 1, "k"], line: 9, column: 15),
        // Columns count code points, not bytes: æøå are two bytes each in UTF-8.
        LocatedNode(path: ["æøå"], line: 10, column: 6),
        LocatedNode(path: ["by", 0], line: 11, column: 6),
        LocatedNode(path: ["by", 1], line: 11, column: 13),
        LocatedNode(path: ["by", 2], line: 11, column: 23),
        LocatedNode(path: ["note"], line: 12, column: 7),
    ])
    func nodeLocations(_ expected: LocatedNode) throws {
        let root = try docSingleYAML(Self.located)
        let node = try #require(docNode(root, expected.path))
        #expect(docLineColumn(node.location) == [expected.line, expected.column])
        #expect(node.location.file == "test.yaml")
    }

    @Test("keys know their own location", arguments: [
        ([DocStep](), "kind", 1, 1),
        ([], "woman", 2, 1),
        (["woman"], "name", 4, 3),
        (["children", 0], "age", 7, 5),
        (["flow", 1], "k", 9, 12),
        ([], "æøå", 10, 1),
        ([], "by", 11, 1),
    ] as [([DocStep], String, Int, Int)])
    func keyLocations(_ path: [DocStep], _ key: String, _ line: Int, _ column: Int) throws {
        let root = try docSingleYAML(Self.located)
        let keyNode = try #require(docKey(docNode(root, path), key))
        #expect(docLineColumn(keyNode.location) == [line, column])
    }

    @Test("scalar text and style are kept as written")
    func scalarsAsWritten() throws {
        let root = try docSingleYAML(Self.located)
        #expect(root["woman"]?["name"]?.scalar == Scalar("Æblegrød", style: .doubleQuoted))
        #expect(root["woman"]?["age"]?.scalar == Scalar("34"))
        #expect(root["note"]?.scalar == Scalar("line one\n", style: .literal))
        #expect(root["æøå"]?.scalar?.text == "værdi")
        #expect(root["children"]?.sequenceItems?.count == 2)
        #expect(root.mappingEntries?.map { $0.key.scalar?.text ?? "?" }
            == ["kind", "woman", "children", "flow", "æøå", "by", "note", "end"])
    }

    @Test("every document of a stream is read, with lines counted over the whole file")
    func multiDocument() throws {
        let loaded = docLoadYAML("""
            ---
            kind: case
            ---
            kind: shelter
            a: b
            ...
            ---
            - x
            """)
        #expect(loaded.diagnostics.isEmpty)
        try #require(loaded.documents.count == 3)
        #expect(loaded.documents[0]["kind"]?.scalar?.text == "case")
        #expect(docLineColumn(loaded.documents[1].location) == [4, 1])
        #expect(docLineColumn(loaded.documents[1]["a"]?.location) == [5, 4])
        #expect(docLineColumn(loaded.documents[2].location) == [8, 1])
    }

    @Test("empty input and comment-only input hold no documents and no errors", arguments: ["", "# only a comment\n", "\n\n"])
    func emptyInput(_ text: String) {
        let loaded = docLoadYAML(text)
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test("a duplicate key is an error at the second key, naming the first one's line")
    func duplicateKey() throws {
        let diagnostic = try docSingleYAMLDiagnostic("""
            kind: case
            woman:
              age: 3
              sex: female
              age: 4
            """)
        #expect(diagnostic.code == "yaml.duplicate-key")
        #expect(diagnostic.isError)
        #expect(docLineColumn(diagnostic.location) == [5, 3])
        #expect(diagnostic.message.contains("'age'"))
        #expect(diagnostic.hint?.contains("line 3") == true)
    }

    @Test("the same key in two different mappings is not a duplicate")
    func sameKeyInSiblings() throws {
        let root = try docSingleYAML("""
            a:
              date: 2025-01-01
            b:
              date: 2025-01-02
            """)
        #expect(root["b"]?["date"]?.scalar?.text == "2025-01-02")
    }

    @Test("a syntax error in the middle document of three loses only that document")
    func syntaxErrorInMiddleDocument() throws {
        let loaded = docLoadYAML("""
            kind: case
            case_id: a
            ---
            kind: case
            case_id: b: c
            ---
            kind: case
            case_id: d
            """)
        #expect(loaded.documents.map { $0["case_id"]?.scalar?.text } == ["a", "d"])
        try #require(loaded.diagnostics.count == 1)
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.code == "yaml.syntax")
        #expect(docLineColumn(diagnostic.location) == [5, 11])
        #expect(docLineColumn(loaded.documents[1]["case_id"]?.location) == [8, 10])
    }

    @Test("an unclosed bracket is reported, and the next document is still read")
    func unclosedBracket() throws {
        let loaded = docLoadYAML("""
            kind: case
            tags: [a, b
            woman: x
            ---
            kind: case
            case_id: z
            """)
        #expect(loaded.documents.map { $0["case_id"]?.scalar?.text } == ["z"])
        try #require(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].code == "yaml.syntax")
        // libyaml notices the missing ']' only at the `---`; the message names where the list began.
        #expect(loaded.diagnostics[0].message.contains("line 2"))
    }

    @Test("a tab used for indentation is a located syntax error with a hint about tabs")
    func tabIndentation() throws {
        let diagnostic = try docSingleYAMLDiagnostic("kind: case\nwoman:\n\tage: 3\n")
        #expect(diagnostic.code == "yaml.syntax")
        #expect(docLineColumn(diagnostic.location) == [3, 1])
        #expect(diagnostic.hint?.contains("tab") == true)
    }

    @Test("invalid UTF-8 is an encoding error at the offending byte")
    func invalidUTF8() throws {
        let bytes = Array("kind: case\nname: ab".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let loaded = docLoadYAML(bytes: bytes)
        try #require(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].code == "input.encoding")
        #expect(docLineColumn(loaded.diagnostics[0].location) == [2, 9])
        #expect(loaded.documents.isEmpty)
    }

    @Test("an encoding error in one document of a stream loses only that document", arguments: [
        [0xFF] as [UInt8], [0x00],
    ])
    func encodingErrorInMiddleDocument(_ bad: [UInt8]) throws {
        let bytes = Array("kind: case\ncase_id: a\n---\nkind: case\ncase_id: b".utf8) + bad
            + Array("\n---\nkind: case\ncase_id: c\n".utf8)
        let loaded = docLoadYAML(bytes: bytes)
        try #require(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].code == "input.encoding")
        #expect(docLineColumn(loaded.diagnostics[0].location) == [5, 11])
        do {
            #expect(loaded.documents.map { $0["case_id"]?.scalar?.text } == ["a", "c"])
        }
        #expect(loaded.documents.last?["case_id"]?.scalar?.text == "c")
    }

    @Test("a NUL byte is an encoding error naming the NUL byte")
    func nulByte() throws {
        let bytes = Array("kind: case\nname: a".utf8) + [0x00] + Array("b\n".utf8)
        let loaded = docLoadYAML(bytes: bytes)
        try #require(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].code == "input.encoding")
        #expect(loaded.diagnostics[0].message.contains("NUL"))
        #expect(docLineColumn(loaded.diagnostics[0].location) == [2, 8])
    }

    @Test("a byte-order mark and CRLF line ends read fine, with the right lines and columns")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kind: case\r\ncase_id: x1\r\nwoman:\r\n  age: 3\r\n".utf8)
        let loaded = docLoadYAML(bytes: bytes)
        #expect(loaded.diagnostics.isEmpty)
        let root = try #require(loaded.documents.first)
        #expect(docLineColumn(docKey(root, "kind")?.location) == [1, 1])
        #expect(root["case_id"]?.scalar?.text == "x1")
        #expect(docLineColumn(root["case_id"]?.location) == [2, 10])
        #expect(docLineColumn(root["woman"]?["age"]?.location) == [4, 8])
        #expect(root["woman"]?["age"]?.scalar?.text == "3")
    }

    @Test("after a byte-order mark, an encoding error on line 1 has the same columns as the nodes")
    func bomEncodingErrorColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("k: ab".utf8) + [0xFF] + Array("\n".utf8)
        let loaded = docLoadYAML(bytes: bytes)
        #expect(loaded.diagnostics.map(\.code) == ["input.encoding"])
        // Without the BOM the bad byte is column 6; the BOM is not a character of the line.
        do {
            #expect(docLineColumn(loaded.diagnostics.first?.location) == [1, 6])
        }
        let clean = docLoadYAML(bytes: Array("k: ab".utf8) + [0xFF])
        #expect(docLineColumn(clean.diagnostics.first?.location) == [1, 6])
    }

    @Test("an alias copies its anchor's node and takes the alias's location")
    func aliases() throws {
        let root = try docSingleYAML("""
            base: &b {age: 3}
            copy: *b
            """)
        let copy = try #require(root["copy"])
        #expect(copy["age"]?.scalar?.text == "3")
        #expect(docLineColumn(copy.location) == [2, 7])
    }

    @Test("an alias with no anchor is a located error")
    func undefinedAlias() throws {
        let diagnostic = try docSingleYAMLDiagnostic("a: 1\nb: *nope\n")
        #expect(diagnostic.code == "yaml.alias")
        #expect(docLineColumn(diagnostic.location) == [2, 4])
        #expect(diagnostic.message.contains("*nope"))
    }

    @Test("core tags are kept; other tags are located errors", arguments: [
        ("x: !!str 12", nil as String?),
        ("x: !!int 12", nil),
        ("x: !!binary aGVsbG8=", "yaml.tag"),
        ("x: !custom y", "yaml.tag"),
    ])
    func tags(_ text: String, _ code: String?) throws {
        let loaded = docLoadYAML(text)
        #expect(loaded.diagnostics.map(\.code) == (code.map { [$0] } ?? []))
        if code != nil {
            #expect(docLineColumn(loaded.diagnostics.first?.location) == [1, 4])
        }
    }

    @Test("!!str makes a number text")
    func strTag() throws {
        let root = try docSingleYAML("x: !!str 12")
        #expect(root["x"]?.scalar?.resolved == .string("12"))
    }

    @Test("a list used as a key is a located error")
    func complexKey() throws {
        let diagnostic = try docSingleYAMLDiagnostic("a: 1\n? [x, y]\n: z\n")
        #expect(diagnostic.code == "yaml.key")
        #expect(docLineColumn(diagnostic.location) == [2, 3])
    }
}
