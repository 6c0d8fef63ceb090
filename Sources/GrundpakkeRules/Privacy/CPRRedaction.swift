import RuleDSL

/// Finds and hides Danish CPR numbers.
///
/// The checker must never print one, whatever a data producer put where: every message that can
/// echo input passes through `redact`. A CPR number is `DDMMYY-SSSS` or ten digits in a row whose
/// first six form a plausible day and month. There is deliberately no modulus-11 check: numbers
/// issued since 2007 need not pass it, and a false alarm costs far less than a leak.
public enum CPRRedaction {
    public static let placeholder = "[CPR]"

    /// The text with every CPR-shaped run of digits replaced by `[CPR]`.
    public static func redact(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes.contains(where: isDigit) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var changed = false
        while index < bytes.count {
            if isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]), let length = cprLength(bytes, at: index) {
                output.append(contentsOf: placeholder.utf8)
                index += length
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// A diagnostic with its message, hint and file name redacted: every message that may quote
    /// input passes through here before anyone sees it.
    public static func redact(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.message = redact(copy.message)
        copy.hint = copy.hint.map(redact)
        if let file = copy.location?.file { copy.location?.file = redact(file) }
        return copy
    }

    /// Whether the text contains a CPR-shaped value anywhere.
    public static func containsCPR(_ text: String) -> Bool {
        redact(text) != text
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The length of a CPR number starting at `start` (which follows no digit), or nil.
    private static func cprLength(_ bytes: [UInt8], at start: Int) -> Int? {
        func digits(_ from: Int, _ count: Int) -> Bool {
            from + count <= bytes.count && bytes[from..<(from + count)].allSatisfy(isDigit)
        }
        func endsThere(_ end: Int) -> Bool { end == bytes.count || !isDigit(bytes[end]) }
        guard digits(start, 6), plausibleDate(bytes, at: start) else { return nil }
        if digits(start + 6, 4), endsThere(start + 10) { return 10 }
        if start + 6 < bytes.count, bytes[start + 6] == UInt8(ascii: "-"), digits(start + 7, 4), endsThere(start + 11) {
            return 11
        }
        return nil
    }

    private static func plausibleDate(_ bytes: [UInt8], at start: Int) -> Bool {
        func number(_ offset: Int) -> Int {
            Int(bytes[start + offset] - UInt8(ascii: "0")) * 10 + Int(bytes[start + offset + 1] - UInt8(ascii: "0"))
        }
        let day = number(0)
        let month = number(2)
        guard (1...12).contains(month), day >= 1 else { return false }
        // The century is unknown, so 29 February is always allowed.
        let longest = month == 2 ? 29 : [4, 6, 9, 11].contains(month) ? 30 : 31
        return day <= longest
    }
}
