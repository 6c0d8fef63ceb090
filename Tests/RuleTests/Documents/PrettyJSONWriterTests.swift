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

    @Test(arguments: [0, 1, 5, 31, 40])
    func writesTheBytesOfPretty(_ depth: Int) {
        let value = Self.nested(depth)
        for level in [0, 2, 7] {
            var out = PrettyJSONWriter(level: level)
            Self.write(value, into: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == value.pretty(nestedAt: level))
        }
    }
}
