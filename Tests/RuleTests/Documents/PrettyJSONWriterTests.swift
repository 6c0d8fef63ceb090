import Testing
@testable import RuleDSL

/// `PrettyJSONWriter` must write exactly the bytes of `JSONValue.pretty(nestedAt:)` for the
/// value it describes, at any depth (its indentation is copied from a fixed run of spaces up to
/// 32 levels and written space by space beyond).
@Suite struct PrettyJSONWriterTests {
    /// Writes `value` member by member, as a reporter does.
    static func write(_ value: JSONValue, into out: inout PrettyJSONWriter) {
        switch value {
        case .null: out.null()
        case .bool(let flag): out.bool(flag)
        case .int(let number): out.int(number)
        case .string(let text): out.string(text)
        case .double: out.value(value)
        case .array(let items):
            out.openArray()
            for item in items {
                out.item()
                write(item, into: &out)
            }
            out.closeArray()
        case .object(let members):
            out.openObject()
            for (key, member) in members {
                out.key(key)
                write(member, into: &out)
            }
            out.closeObject()
        }
    }

    static func nested(_ depth: Int) -> JSONValue {
        var value: JSONValue = .object([("n", .int(-3)), ("rule", .string("GP-C01")), ("empty", .array([])), ("none", .object([]))])
        for level in 0..<depth {
            value = level.isMultiple(of: 2)
                ? .object([("rule", .bool(true)), ("k\"ey \(level)", value), ("after", .null)])
                : .array([.double(1.5), value, .string("tekst med æ")])
        }
        return value
    }

    /// Numbers and dates are written as digits where they go, not through a string.
    @Test("whole numbers and dates are written as JSON writes them", arguments: [
        Int64.min, Int64.min + 1, -1_000_000, -10, -9, -1, 0, 1, 9, 10, 99, 100, 12_345, Int64.max,
    ])
    func numbersAndDates(_ number: Int64) throws {
        var out = PrettyJSONWriter()
        out.raw("[")
        out.int(number)
        out.raw(", ")
        let date = try #require(CivilDate(iso: "0987-06-05"))
        out.date(date)
        #expect(String(decoding: out.written, as: UTF8.self) == "[\(number), \"0987-06-05\"")
        #expect(String(decoding: PrettyJSONWriterTests.written(.int(number)), as: UTF8.self) == JSONValue.int(number).pretty(nestedAt: 0))
    }

    static func written(_ value: JSONValue) -> [UInt8] {
        var out = PrettyJSONWriter()
        write(value, into: &out)
        return out.written
    }

    @Test(arguments: [0, 1, 5, 31, 40])
    func writesTheBytesOfPretty(_ depth: Int) {
        let value = Self.nested(depth)
        for level in [0, 2, 7] {
            var out = PrettyJSONWriter(level: level)
            Self.write(value, into: &out)
            #expect(String(decoding: out.written, as: UTF8.self) == value.pretty(nestedAt: level))
        }
    }
}
