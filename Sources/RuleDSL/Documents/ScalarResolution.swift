/// A scalar typed by YAML 1.2's core schema.
public enum ResolvedScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    /// An integer literal outside the 64-bit range: an error, never a silent wrap or rounding.
    case integerOverflow(String)
}

extension Scalar {
    static let coreTagPrefix = "tag:yaml.org,2002:"

    /// Types the scalar by YAML 1.2's core schema: only `true`/`false` (in three casings) are
    /// booleans, so YAML 1.1's `yes`, `no`, `on`, `off` stay text; `null`, `~` and the empty
    /// scalar are null; quoted scalars and `!!str` are always text.
    public var resolved: ResolvedScalar {
        if isQuoted || tag == Scalar.coreTagPrefix + "str" { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        if let integer = ScalarGrammar.integer(text) { return integer }
        if ScalarGrammar.isFloat(text), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    /// A short description for error messages: "the text 'yes'", "the number 12", "null".
    public var kindDescription: String {
        switch resolved {
        case .null: return "null"
        case .bool(let value): return "the boolean \(value)"
        case .int(let value): return "the number \(value)"
        case .double: return "the number \(text)"
        case .integerOverflow: return "the number \(text)"
        case .string(let value): return "the text '\(ScalarGrammar.abbreviated(value))'"
        }
    }
}

/// The core schema's number grammar, by hand on UTF-8 bytes: this runs for every scalar of every
/// record, so it avoids regular expressions.
enum ScalarGrammar {
    static func integer(_ text: String) -> ResolvedScalar? {
        var bytes = Substring(text).utf8[...]
        guard let first = bytes.first else { return nil }
        var negative = false
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.starts(with: "0x".utf8), !negative, first != UInt8(ascii: "+") {
            radix = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.starts(with: "0o".utf8), !negative, first != UInt8(ascii: "+") {
            radix = 8
            bytes = bytes.dropFirst(2)
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        var overflowed = false
        for byte in bytes {
            guard let digit = digitValue(byte), UInt64(digit) < radix else { return nil }
            let (product, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, o2) = product.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { overflowed = true }
            magnitude = sum
        }
        if overflowed { return .integerOverflow(text) }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            guard magnitude <= UInt64(Int64.max) else { return .integerOverflow(text) }
            return .int(-Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .integerOverflow(text) }
        return .int(Int64(magnitude))
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    static func isFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            bytes = bytes.dropFirst()
        }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        let integerDigits = digits()
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = digits()
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// At most 40 characters of a value, for messages. The cut never splits a run of digits:
    /// half a number can no longer be recognised (and hidden) as a personal identifier.
    static func abbreviated(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 40 else { return text }
        var kept = Array(scalars.prefix(37))
        func isNumeric(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) || scalar == "-" }
        if isNumeric(scalars[37]) {
            while let last = kept.last, isNumeric(last) { kept.removeLast() }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: kept)
        return String(view) + "..."
    }
}
