import Testing
@testable import RuleDSL

@Suite("JSON reader")
struct JSONReaderTests {
    static let located = """
        {
          "kind": "case",
          "woman": {"age": 34, "anonymous": true},
          "children": [
            {"child_id": "c1"},
            {"child_id": "c2", "age": 9}
          ],
          "æø": "x", "by": ["Århus", null, 1.5]
        }
        """

    @Test("nodes know the line and column they start at", arguments: [
        ([DocStep](), 1, 1),
        (["kind"], 2, 11),
        (["woman"], 3, 12),
        (["woman", "age"], 3, 20),
        (["woman", "anonymous"], 3, 37),
        (["children"], 4, 15),
        (["children", 0], 5, 5),
        (["children", 0, "child_id"], 5, 18),
        (["children", 1, "age"], 6, 31),
        // Columns count code points: "æø" and "Århus" take fewer columns than bytes.
        (["æø"], 8, 9),
        (["by"], 8, 20),
        (["by", 0], 8, 21),
        (["by", 1], 8, 30),
        (["by", 2], 8, 36),
    ] as [([DocStep], Int, Int)])
    func nodeLocations(_ path: [DocStep], _ line: Int, _ column: Int) throws {
        let root = try docJSON(Self.located)
        let node = try #require(docNode(root, path))
        #expect(docLineColumn(node.location) == [line, column])
        #expect(node.location.file == "test.json")
    }

    @Test("keys know their own location", arguments: [
        ([DocStep](), "kind", 2, 3),
        (["woman"], "anonymous", 3, 24),
        (["children", 1], "age", 6, 24),
        ([], "æø", 8, 3),
        ([], "by", 8, 14),
    ] as [([DocStep], String, Int, Int)])
    func keyLocations(_ path: [DocStep], _ key: String, _ line: Int, _ column: Int) throws {
        let root = try docJSON(Self.located)
        let keyNode = try #require(docKey(docNode(root, path), key))
        #expect(docLineColumn(keyNode.location) == [line, column])
    }

    @Test("strings are double-quoted scalars, literals and numbers plain ones")
    func styles() throws {
        let root = try docJSON(Self.located)
        #expect(root["kind"]?.scalar == Scalar("case", style: .doubleQuoted))
        #expect(root["woman"]?["anonymous"]?.scalar == Scalar("true"))
        #expect(root["by"]?.sequenceItems?.map(\.scalar) == [Scalar("Århus", style: .doubleQuoted), Scalar("null"), Scalar("1.5")])
    }

    @Test("escapes are decoded", arguments: [
        (#""a\"b""#, "a\"b"), (#""\\\/""#, "\\/"), (#""\n\t\r\b\f""#, "\n\t\r\u{8}\u{C}"),
        (#""\u00e6\u00F8""#, "æø"), (#""\ud83d\ude00""#, "😀"), (#""æ€""#, "æ€"),
    ])
    func escapes(_ json: String, _ expected: String) throws {
        #expect(try docJSON(json).scalar?.text == expected)
    }

    @Test("firstLine numbers the text's first line (JSON Lines)")
    func firstLine() throws {
        let result = JSONReader().read(Array("{\"a\":\n 1}".utf8)[...], file: "x.jsonl", firstLine: 7)
        let node = try result.get()
        #expect(docLineColumn(node["a"]?.location) == [8, 2])
    }

    @Test("a byte-order mark at the start is allowed and not counted as a column")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)
        let node = try JSONReader().read(bytes[...], file: "bom.json").get()
        #expect(docLineColumn(node["a"]?.location) == [1, 7])
    }

    @Test("a duplicate key is an error at the second key, naming the first one's line")
    func duplicateKey() throws {
        let diagnostic = try docJSONError("""
            {
              "case_id": "a",
              "woman": {"age": 3},
              "case_id": "b"
            }
            """)
        #expect(diagnostic.code == "json.duplicate-key")
        #expect(docLineColumn(diagnostic.location) == [4, 3])
        #expect(diagnostic.message.contains("'case_id'"))
        #expect(diagnostic.hint?.contains("line 2") == true)
    }

    @Test("keys are compared after decoding escapes")
    func duplicateEscapedKey() throws {
        let diagnostic = try docJSONError(#"{"a": 1, "\u0061": 2}"#)
        #expect(diagnostic.code == "json.duplicate-key")
        #expect(docLineColumn(diagnostic.location) == [1, 10])
    }

    struct BadJSON: Sendable, CustomTestStringConvertible {
        var text: String
        var code: String
        var line: Int
        var column: Int
        var hint: String? = nil
        var testDescription: String { text }
    }

    @Test("syntax errors are located", arguments: [
        BadJSON(text: "{\"a\": 1,}", code: "json.syntax", line: 1, column: 9, hint: "double quotes"),
        BadJSON(text: "[1, 2,]", code: "json.syntax", line: 1, column: 7),
        BadJSON(text: "{'a': 1}", code: "json.syntax", line: 1, column: 2, hint: "double quotes"),
        BadJSON(text: "{\"a\": 'x'}", code: "json.syntax", line: 1, column: 7, hint: "double quotes"),
        BadJSON(text: "{\"a\": True}", code: "json.syntax", line: 1, column: 7),
        BadJSON(text: "{\"a\": nul}", code: "json.syntax", line: 1, column: 7, hint: "lower case"),
        BadJSON(text: "{\"a\": 012}", code: "json.syntax", line: 1, column: 7, hint: "quote it"),
        BadJSON(text: "{\"a\": 1.}", code: "json.syntax", line: 1, column: 9),
        BadJSON(text: "{\"a\": 1e}", code: "json.syntax", line: 1, column: 9),
        BadJSON(text: "{\"a\": \n  1\n  \"b\": 2}", code: "json.syntax", line: 3, column: 3),
        BadJSON(text: "{\"a\": \"x", code: "json.syntax", line: 1, column: 9, hint: "cut off"),
        BadJSON(text: "{\"a\": 1", code: "json.syntax", line: 1, column: 8, hint: "cut off"),
        BadJSON(text: "{\"a\": 1} x", code: "json.syntax", line: 1, column: 10),
        BadJSON(text: "", code: "json.syntax", line: 1, column: 1, hint: "cut off"),
        BadJSON(text: "{\"a\": \"x\ty\"}", code: "json.syntax", line: 1, column: 9),
        BadJSON(text: "{\"a\": \"\\x\"}", code: "json.syntax", line: 1, column: 10),
        BadJSON(text: "{\"a\": \"\\ud800\"}", code: "json.syntax", line: 1, column: 14),
        BadJSON(text: "{\"a\": \"\\u0000\"}", code: "input.encoding", line: 1, column: 14),
        BadJSON(text: "{\"æø\": x}", code: "json.syntax", line: 1, column: 8),
    ])
    func syntaxErrors(_ bad: BadJSON) throws {
        let diagnostic = try docJSONError(bad.text)
        #expect(diagnostic.code == bad.code)
        #expect(diagnostic.isError)
        #expect(docLineColumn(diagnostic.location) == [bad.line, bad.column])
        if let hint = bad.hint {
            #expect(diagnostic.hint?.contains(hint) == true, "hint: \(diagnostic.hint ?? "none")")
        }
    }

    @Test("invalid UTF-8 inside a string is an encoding error")
    func invalidUTF8() throws {
        let diagnostic = try docJSONError(bytes: Array("{\n\"a\": \"x".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
        #expect(diagnostic.code == "input.encoding")
        #expect(diagnostic.location?.line == 2)
    }

    @Test("a raw NUL byte is an encoding error at its column")
    func nulByte() throws {
        let diagnostic = try docJSONError(bytes: Array("{\"a\": \"x".utf8) + [0x00] + Array("\"}".utf8))
        #expect(diagnostic.code == "input.encoding")
        #expect(docLineColumn(diagnostic.location) == [1, 9])
        #expect(diagnostic.message.contains("NUL"))
    }

    @Test("a NUL byte outside a string is a syntax error naming it")
    func nulOutsideString() throws {
        let diagnostic = try docJSONError(bytes: Array("{\"a\": ".utf8) + [0x00] + Array("}".utf8))
        #expect(docLineColumn(diagnostic.location) == [1, 7])
        #expect(diagnostic.message.contains("NUL"))
    }

    @Test("numbers keep their text, so typing is left to the schema")
    func numbersAsWritten() throws {
        let root = try docJSON(#"[-0, 1.50, 9223372036854775808, -9223372036854775808, 1E+2]"#)
        #expect(root.sequenceItems?.map { $0.scalar?.text ?? "" } == ["-0", "1.50", "9223372036854775808", "-9223372036854775808", "1E+2"])
        #expect(root.sequenceItems?[2].scalar?.resolved == .integerOverflow("9223372036854775808"))
        #expect(root.sequenceItems?[3].scalar?.resolved == .int(Int64.min))
    }
}
