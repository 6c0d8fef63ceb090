/// CEL equality and ordering over runtime values.
///
/// Numbers compare by mathematical value across `int`, `uint` and `double` (`1 == 1.0`,
/// `1u < 2`), also inside lists and maps; strings compare by code point, never by Swift's
/// canonical equivalence (which would make "é" and "e\u{301}" equal).
enum Equality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return CodePoints.equal(x, y)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for index in x.indices where !equal(x[index], y[index]) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y.lookup(key), equal(value, other) else { return false }
            }
            return true
        case (.date(let x), .date(let y)): return x == y
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.type(let x), .type(let y)): return x == y
        default:
            return numericCompare(a, b) == 0
        }
    }

    /// -1, 0 or 1 for two numbers of any kind; nil when either is not a number or is NaN.
    static func numericCompare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.uint(let x), .uint(let y)): return sign(x, y)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : sign(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : sign(x, UInt64(y))
        case (.int(let x), .double(let y)): return compare(int: x, double: y)
        case (.double(let x), .int(let y)): return compare(int: y, double: x).map { -$0 }
        case (.uint(let x), .double(let y)): return compare(uint: x, double: y)
        case (.double(let x), .uint(let y)): return compare(uint: y, double: x).map { -$0 }
        default: return nil
        }
    }

    private static func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }

    /// Exact comparison without rounding the integer to a double.
    private static func compare(int x: Int64, double y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = y.rounded(.towardZero)
        let integral = Int64(whole)
        if x != integral { return sign(x, integral) }
        return whole == y ? 0 : (y > whole ? -1 : 1)
    }

    private static func compare(uint x: UInt64, double y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 18_446_744_073_709_551_616.0 { return -1 }
        if y < 0 { return 1 }
        let whole = y.rounded(.towardZero)
        let integral = UInt64(whole)
        if x != integral { return sign(x, integral) }
        return whole == y ? 0 : (y > whole ? -1 : 1)
    }

    /// Ordering for `<`, `<=`, `>`, `>=`; throws for values with no order between them.
    static func compare(_ a: Value, _ b: Value, operator symbol: String) throws(EvalError) -> Int {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            // UTF-8 byte order is code point order.
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (x.utf8.elementsEqual(y.utf8) ? 0 : 1)
        case (.bytes(let x), .bytes(let y)):
            return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.date(let x), .date(let y)): return sign(x, y)
        case (.timestamp(let x), .timestamp(let y)): return sign(x, y)
        case (.duration(let x), .duration(let y)): return sign(x, y)
        default:
            if let result = numericCompare(a, b) { return result }
            if case .double(let x) = a, x.isNaN { return 2 }
            if case .double(let y) = b, y.isNaN { return 2 }
            throw EvalError.noOverload("_\(symbol)_", [a, b])
        }
    }
}
