import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("CPR redaction")
struct CPRRedactionTests {
    @Test("CPR-shaped values are replaced by [CPR]", arguments: [
        ("010190-1234", "[CPR]"),
        ("0101901234", "[CPR]"),
        ("cpr 010190-1234.", "cpr [CPR]."),
        ("a0101901234b", "a[CPR]b"),
        ("æ0101901234ø", "æ[CPR]ø"),
        ("3112991234 and 290200-0000", "[CPR] and [CPR]"),
        ("3004901234", "[CPR]"),           // 30 April
        ("2902901234", "[CPR]"),           // 29 February: the century is unknown
        ("found the text '010190-1234'", "found the text '[CPR]'"),
        ("id=010190-1234-x", "id=[CPR]-x"),
    ])
    func redacted(_ text: String, _ expected: String) {
        #expect(CPRRedaction.redact(text) == expected)
        #expect(CPRRedaction.containsCPR(text))
    }

    @Test("values that are not CPR-shaped are left alone", arguments: [
        "3201901234",        // day 32
        "0013901234",        // month 0
        "0113901234",        // month 13
        "3104901234",        // 31 April
        "3002901234",        // 30 February
        "0001901234",        // day 0
        "01019012345",       // 11 digits
        "10101901234",       // 11 digits, CPR-shaped tail
        "010190123",         // 9 digits
        "010190-12345",      // five-digit serial
        "010190-123",        // three-digit serial
        "0101-90-1234",
        "2025-03-03",
        "2025-03-03 and 2024-02-29",
        "AAR-2025-017",
        "010190 1234",
        "",
    ])
    func notRedacted(_ text: String) {
        #expect(CPRRedaction.redact(text) == text)
        #expect(!CPRRedaction.containsCPR(text))
    }

    /// The search passes over eight bytes at a time where there is no digit: a number is found
    /// wherever it starts against those blocks, and digits across a block's edge still count
    /// as one run (so the 11-digit run stays unredacted).
    @Test("a CPR number is found at every offset in surrounding text", arguments: 0..<20)
    func everyOffset(_ offset: Int) {
        let before = String(repeating: "æ", count: offset % 3) + String(repeating: "x", count: offset)
        for form in Self.cprForms {
            #expect(CPRRedaction.redact(before + form + " tail text") == before + "[CPR] tail text")
            #expect(CPRRedaction.redact(before + form) == before + "[CPR]")
            #expect(CPRRedaction.containsCPR(before + form + "!"))
        }
        #expect(CPRRedaction.redact(before + "10101901234 text") == before + "10101901234 text")
        #expect(CPRRedaction.redact(before + "7 0101901234") == before + "7 [CPR]")
        #expect(!CPRRedaction.containsCPR(before + "no digits anywhere in this text, only letters"))
    }

    static let cprForms = ["010190-1234", "0101901234"]

    /// No diagnostic text may show the number in either form.
    static func expectNoCPR(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = inputAllText(diagnostics)
        for form in cprForms + ["010190"] {
            #expect(!text.contains(form), "leaked in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test("a CPR-shaped case_id is rejected and never shown", arguments: [
        ("yaml", "kind: case\ncase_id: 010190-1234\nshelter_id: s\n"),
        ("yaml", "kind: case\ncase_id: '0101901234'\nshelter_id: s\n"),
        ("jsonl", #"{"case_id": "010190-1234", "shelter_id": "s"}"#),
        ("json", #"{"kind": "case", "case_id": "0101901234", "shelter_id": "s"}"#),
        ("export", "kind: case-export\nshelter_id: s\nexported_at: 2025-01-01\ncases:\n  - case_id: 010190-1234\n"),
    ])
    func cprCaseID(_ format: String, _ text: String) throws {
        let batch: InputBatch
        switch format {
        case "jsonl": batch = inputRead(text, file: "t.jsonl", format: .jsonLines)
        case "json": batch = inputRead(text, file: "t.json", format: .json)
        default: batch = inputRead(text)
        }
        #expect(batch.records.isEmpty)
        #expect(batch.recordsRejected == 1)
        #expect(batch.errors.contains { $0.code == "input.cpr" })
        Self.expectNoCPR(batch.errors + batch.warnings)
    }

    @Test("a CPR-shaped value echoed by an error message is redacted", arguments: [
        ("enum", inputCaseYAML("contact:\n  referred_by: 010190-1234\n"), "input.enum"),
        ("date", inputCaseYAML("admission:\n  date: '0101901234'\n"), "input.date"),
        ("type", inputCaseYAML("woman:\n  age: 010190-1234\n"), "input.type"),
        ("bool", inputCaseYAML("woman:\n  anonymous: '0101901234'\n"), "input.type"),
        ("kind", "kind: 010190-1234\ncase_id: a\n", "input.kind"),
        ("duplicate key", inputCaseYAML("010190-1234: a\n010190-1234: b\n"), "yaml.duplicate-key"),
        ("export header", "kind: case-export\nshelter_id: s\nexported_at: 010190-1234\ncases:\n  - case_id: a\n", "input.date"),
    ])
    func echoedValues(_ name: String, _ yaml: String, _ code: String) throws {
        let batch = inputRead(yaml)
        #expect(batch.errors.map(\.code).contains(code), "\(batch.errors)")
        #expect(inputAllText(batch.errors).contains(CPRRedaction.placeholder))
        Self.expectNoCPR(batch.errors + batch.warnings)
    }

    @Test("a CPR-shaped case_id is reported even when the case has other errors")
    func cprIDWithOtherErrors() throws {
        let batch = inputRead("kind: case\ncase_id: 010190-1234\nshelter_id: s\nwoman: {age: x}\n")
        #expect(batch.records.isEmpty)
        #expect(batch.errors.map(\.code).contains("input.type"))
        Self.expectNoCPR(batch.errors)
        do {
            #expect(batch.errors.map(\.code).contains("input.cpr"))
        }
    }

    @Test("an unknown key shaped like a CPR number is redacted in the warning")
    func unknownKey() throws {
        let batch = inputRead(inputCaseYAML("0101901234: x\n"))
        #expect(batch.records.count == 1)
        #expect(batch.warnings.map(\.code) == ["input.unknown-key"])
        #expect(batch.warnings.first?.message == "unknown key '[CPR]' is ignored")
        Self.expectNoCPR(batch.warnings)
    }

    @Test("a JSON syntax error quoting a CPR-shaped number is redacted")
    func jsonSyntax() throws {
        let batch = inputRead(#"{"case_id": 0101901234, "shelter_id": "s"}"#, file: "t.jsonl", format: .jsonLines)
        #expect(batch.errors.map(\.code) == ["json.syntax"])
        #expect(batch.errors.first?.message.contains("[CPR]") == true)
        Self.expectNoCPR(batch.errors)
    }

    @Test("the CPR in a long value cut short for a message is not half shown")
    func abbreviated() throws {
        // Abbreviation keeps 37 characters; the number straddles the cut.
        let value = String(repeating: "x", count: 31) + "0101901234"
        let batch = inputRead(inputCaseYAML("contact:\n  referred_by: \(value)\n"))
        #expect(batch.errors.map(\.code) == ["input.enum"])
        let text = inputAllText(batch.errors)
        #expect(!text.contains("0101901234"))
        do {
            #expect(!text.contains("010190"))
        }
    }

    @Test("a file path shaped like a CPR number is not echoed by a file error")
    func filePath() throws {
        let batch = InputReader().read(paths: ["/nonexistent/0101901234.yaml"])
        #expect(batch.errors.map(\.code) == ["input.file"])
        do {
            #expect(!(batch.errors.first?.message.contains("0101901234") ?? true))
        }
    }

    /// The rule written out plainly, position by position: a run of digits that starts with a
    /// plausible day and month and is ten digits long, or six, a hyphen and four.
    static func referenceRedaction(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
        func plausible(_ start: Int) -> Bool {
            let day = Int(bytes[start] - 48) * 10 + Int(bytes[start + 1] - 48)
            let month = Int(bytes[start + 2] - 48) * 10 + Int(bytes[start + 3] - 48)
            let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            return (1...12).contains(month) && day >= 1 && day <= longest[month - 1]
        }
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if digit(index), !digit(index - 1), (0..<6).allSatisfy({ digit(index + $0) }), plausible(index) {
                if (6..<10).allSatisfy({ digit(index + $0) }), !digit(index + 10) {
                    output += Array("[CPR]".utf8)
                    index += 10
                    continue
                }
                if index + 6 < bytes.count, bytes[index + 6] == UInt8(ascii: "-"), (7..<11).allSatisfy({ digit(index + $0) }), !digit(index + 11) {
                    output += Array("[CPR]".utf8)
                    index += 11
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Texts made of digits, hyphens, letters and a non-ASCII letter in every mix and length,
    /// so that runs of digits meet word boundaries at every offset.
    @Test("redaction agrees with the rule written out plainly on many mixed texts")
    func agreesWithTheRule() {
        let pieces = ["0", "1", "3", "9", "-", "a", " ", "æ", "0101", "90", "1234", "2025-03-03", "3112", "29029", "010190-1234", "0101901234"]
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            #expect(CPRRedaction.redact(text) == Self.referenceRedaction(text), "\(text)")
            #expect(CPRRedaction.containsCPR(text) == (Self.referenceRedaction(text) != text), "\(text)")
        }
    }
}
