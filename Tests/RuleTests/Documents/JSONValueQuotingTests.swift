import Testing
@testable import RuleDSL

@Suite("JSON string quoting")
struct JSONValueQuotingTests {
    @Test("strings are escaped exactly where JSON and JavaScript need it", arguments: [
        ("plain", #""plain""#),
        ("Århus € – ok", #""Århus € – ok""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("a\\b", #""a\\b""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("\u{08}\u{0C}", #""\b\f""#),
        ("\u{01}\u{1F}\u{7F}", #""\u0001\u001f\u007f""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("", #""""#),
    ])
    func quoted(_ text: String, _ expected: String) {
        var output = ""
        JSONValue.quote(text, into: &output)
        #expect(output == expected)
        var bytes: [UInt8] = []
        JSONValue.quote(text, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test("a character to escape is found wherever it sits in a long text", arguments: ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}"])
    func foundAnywhere(_ special: String) {
        for length in [7, 8, 9, 23, 40] {
            for position in 0...length {
                let text = String(repeating: "æb", count: position / 2) + String(repeating: "a", count: position % 2) + special
                    + String(repeating: "z", count: length - position)
                var expected = ""
                JSONValue.quote(text, into: &expected)
                var bytes: [UInt8] = []
                JSONValue.quote(text, into: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == expected)
                #expect(expected.contains("\\"), "\(text.debugDescription) must be escaped")
            }
        }
        var plain = ""
        JSONValue.quote(String(repeating: "Ærø – ~ ", count: 9), into: &plain)
        #expect(!plain.dropFirst().dropLast().contains("\\"))
    }

    /// The word-at-a-time check says yes exactly when some byte needs a look: every byte value
    /// at every place of texts of 1 to 20 bytes (the last word of a text of eight or more
    /// overlaps the one before it).
    @Test func escapeCheckMatchesByteByByte() {
        func byByte(_ bytes: [UInt8]) -> Bool {
            bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }
        }
        for length in 1...20 {
            for position in 0..<length {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = UInt8(value)
                    let found = bytes.withUnsafeBufferPointer { JSONValue.needsEscaping($0) }
                    if found != byByte(bytes) { Issue.record("byte \(value) at \(position) of \(length)") }
                }
            }
        }
        #expect([UInt8]().withUnsafeBufferPointer { JSONValue.needsEscaping($0) } == false)
    }
}

@Suite("JSON pieces of a larger document")
struct JSONValueNestingTests {
    @Test("a value printed nested is byte for byte its part of the whole document")
    func nestedMatchesWhole() {
        let inner = JSONValue.object([("a", .array([.int(1), .object([("b", .string("x\ny"))]), .array([])])), ("c", .object([]))])
        let whole = JSONValue.object([("k", .array([inner, inner]))]).pretty
        let pieced = "{\n  \"k\": [\n    " + inner.pretty(nestedAt: 2) + ",\n    " + inner.pretty(nestedAt: 2) + "\n  ]\n}\n"
        #expect(pieced == whole)
    }
}
