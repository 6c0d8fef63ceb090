import Testing
@testable import RuleDSL

@Suite("Scalar resolution (YAML 1.2 core schema)")
struct ScalarResolutionTests {
    @Test("only true and false in three casings are booleans", arguments: [
        ("true", ResolvedScalar.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")), ("yes", .string("yes")), ("no", .string("no")),
        ("on", .string("on")), ("off", .string("off")), ("y", .string("y")), ("n", .string("n")),
        ("Yes", .string("Yes")), ("NO", .string("NO")),
    ])
    func booleans(_ text: String, _ expected: ResolvedScalar) {
        #expect(Scalar(text).resolved == expected)
    }

    @Test("null, ~ and the empty scalar are null", arguments: ["null", "Null", "NULL", "~", ""])
    func nulls(_ text: String) {
        #expect(Scalar(text).resolved == .null)
    }

    @Test("quoted scalars and !!str are always text", arguments: [
        Scalar("null", style: .doubleQuoted), Scalar("null", style: .singleQuoted), Scalar("true", style: .doubleQuoted),
        Scalar("12", style: .singleQuoted), Scalar("", style: .doubleQuoted), Scalar("1.5", style: .literal),
        Scalar("~", tag: "tag:yaml.org,2002:str"), Scalar("0x1F", tag: "tag:yaml.org,2002:str"),
    ])
    func quotedIsText(_ scalar: Scalar) {
        #expect(scalar.resolved == .string(scalar.text))
    }

    @Test("integers: decimal, hex, octal and the 64-bit bounds", arguments: [
        ("0", Int64(0)), ("12", 12), ("+12", 12), ("-12", -12), ("012", 12),
        ("0x1F", 31), ("0xff", 255), ("0o17", 15), ("0o0", 0),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ("0x7FFFFFFFFFFFFFFF", Int64.max), ("0o777777777777777777777", Int64.max),
    ])
    func integers(_ text: String, _ expected: Int64) {
        #expect(Scalar(text).resolved == .int(expected))
    }

    @Test("integers outside 64 bits are an overflow, never wrapped or rounded", arguments: [
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999",
        "0x8000000000000000", "0xFFFFFFFFFFFFFFFFF", "18446744073709551616",
    ])
    func overflow(_ text: String) {
        #expect(Scalar(text).resolved == .integerOverflow(text))
    }

    @Test("floats", arguments: [
        ("1.5", 1.5), ("-2.5e3", -2500), (".5", 0.5), ("1.", 1), ("1e3", 1000), ("+0.25", 0.25),
        ("6.02E+23", 6.02e23), (".inf", Double.infinity), ("-.Inf", -Double.infinity), ("+.INF", Double.infinity),
    ])
    func floats(_ text: String, _ expected: Double) {
        #expect(Scalar(text).resolved == .double(expected))
    }

    @Test(".nan in three casings is not-a-number", arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(_ text: String) throws {
        guard case .double(let value) = Scalar(text).resolved else {
            Issue.record("expected a double for \(text), got \(Scalar(text).resolved)")
            return
        }
        #expect(value.isNaN)
    }

    @Test("look-alikes of numbers stay text", arguments: [
        "1_000", "-0x1F", "+0x1F", "0x", "0o8", "0b101", "1.2.3", "e3", ".", "-", "1e", "1e+", "12abc",
        "2025-03-03", "010190-1234", "0101901234x", " 12", "inf", "nan", "NaN",
    ])
    func textLookAlikes(_ text: String) {
        #expect(Scalar(text).resolved == .string(text))
    }

    @Test("descriptions used in messages", arguments: [
        (Scalar("yes"), "the text 'yes'"), (Scalar("12"), "the number 12"), (Scalar("0x10"), "the number 16"),
        (Scalar("1.50"), "the number 1.50"), (Scalar("~"), "null"), (Scalar("True"), "the boolean true"),
        (Scalar("12", style: .doubleQuoted), "the text '12'"),
        (Scalar("99999999999999999999"), "the number 99999999999999999999"),
        (Scalar(String(repeating: "æ", count: 41)), "the text '\(String(repeating: "æ", count: 37))...'"),
        (Scalar(String(repeating: "a", count: 40)), "the text '\(String(repeating: "a", count: 40))'"),
    ])
    func descriptions(_ scalar: Scalar, _ expected: String) {
        #expect(scalar.kindDescription == expected)
    }

    @Test("YAML documents type their scalars the same way")
    func throughTheLoader() throws {
        let root = try docSingleYAML("""
            a: yes
            b: True
            c: ~
            d:
            e: "null"
            f: 0x1F
            g: 9223372036854775808
            h: 2.5
            i: 'true'
            """)
        let resolved = ["a", "b", "c", "d", "e", "f", "g", "h", "i"].map { root[$0]?.scalar?.resolved }
        #expect(resolved == [
            .string("yes"), .bool(true), .null, .null, .string("null"), .int(31),
            .integerOverflow("9223372036854775808"), .double(2.5), .string("true"),
        ])
    }

    @Test("JSON strings are text and JSON literals are typed")
    func throughTheJSONReader() throws {
        let root = try docJSON(#"{"a": "true", "b": true, "c": null, "d": "null", "e": 12, "f": "12", "g": -1.5e2}"#)
        let resolved = ["a", "b", "c", "d", "e", "f", "g"].map { root[$0]?.scalar?.resolved }
        #expect(resolved == [.string("true"), .bool(true), .null, .string("null"), .int(12), .string("12"), .double(-150)])
    }
}
