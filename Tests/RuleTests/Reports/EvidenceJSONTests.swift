import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// Evidence values are written straight to the report's bytes; they must come out exactly as
/// their `JSONValue` form would, whatever their kind and depth.
@Suite struct EvidenceJSONTests {
    static let leapDay: Value = CivilDate(year: 2024, month: 2, day: 29).map(Value.date) ?? .null

    static let values: [Value] = [
        .null, .bool(true), .bool(false), .int(0), .int(-42), .int(Int64.max),
        .string(""), .string("plain"), .string("quote \" and \\ and\nnewline"), .string("Ærø og Vrå"),
        .string("cpr 010190-1234 here"), leapDay,
        .double(1.5), .uint(7), .list([.int(1), .string("a"), .null]),
        .map(MapValue(stringKeyed: [("date", .string("2025-01-02")), ("nested", .list([]))])),
    ]

    @Test(arguments: values)
    func writtenAsTheirJSONValueForm(_ value: Value) {
        for level in [0, 2, 3] {
            var direct = PrettyJSONWriter(level: level)
            JSONReporter.write(value, level: level, into: &direct)
            var viaJSONValue = PrettyJSONWriter(level: level)
            viaJSONValue.value(JSONReporter.json(value))
            #expect(direct.written == viaJSONValue.written)
        }
    }

    @Test func aCPRNumberInEvidenceIsHidden() {
        var out = PrettyJSONWriter(level: 0)
        JSONReporter.write(.string("cpr 010190-1234 here"), level: 0, into: &out)
        #expect(!String(decoding: out.written, as: UTF8.self).contains("010190-1234"))
    }
}
