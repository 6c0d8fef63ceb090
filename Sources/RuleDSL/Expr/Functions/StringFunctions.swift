/// `size`, `contains`, `startsWith`, `endsWith`, `matches`. Strings are sequences of Unicode
/// code points: sizes count scalars and searches compare UTF-8 bytes, never grapheme clusters
/// or canonical equivalence.
extension FunctionRegistry {
    mutating func addStringFunctions() {
        let size: @Sendable (Value) throws(EvalError) -> Value = { value throws(EvalError) in
            switch value {
            case .string(let string): return .int(Int64(string.unicodeScalars.count))
            case .bytes(let bytes): return .int(Int64(bytes.count))
            case .list(let list): return .int(Int64(list.count))
            case .map(let map): return .int(Int64(map.count))
            default: throw EvalError.noOverload("size", [value])
            }
        }
        for type in [CELType.string, .bytes, .list(.dyn), .map(key: .dyn, value: .dyn)] {
            register("size", FunctionOverload(parameters: [type], result: .int, implementation: .unary(size)))
            register("size", FunctionOverload(parameters: [type], result: .int, isMember: true, implementation: .unary(size)))
        }
        addStringPredicate("contains") { $0.utf8.count >= $1.utf8.count && Self.find(Array($1.utf8), in: Array($0.utf8)) }
        addStringPredicate("startsWith") { $0.utf8.starts(with: $1.utf8) }
        addStringPredicate("endsWith") { $0.utf8.reversed().starts(with: $1.utf8.reversed()) }

        let matches: @Sendable (Value, Value) throws(EvalError) -> Value = { text, pattern throws(EvalError) in
            guard case .string(let string) = text, case .string(let regex) = pattern else {
                throw EvalError.noOverload("matches", [text, pattern])
            }
            return .bool(try RegexMatcher.matches(string, pattern: regex))
        }
        register("matches", parameters: (.string, .string), result: .bool, member: true, matches)
        register("matches", parameters: (.string, .string), result: .bool, matches)
    }

    private mutating func addStringPredicate(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool) {
        register(name, parameters: (.string, .string), result: .bool, member: true) { a, b throws(EvalError) in
            guard case .string(let x) = a, case .string(let y) = b else { throw EvalError.noOverload(name, [a, b]) }
            return .bool(test(x, y))
        }
    }

    /// Substring search on UTF-8 bytes; valid UTF-8 cannot match in the middle of a character.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var index = 1
            while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }
}
