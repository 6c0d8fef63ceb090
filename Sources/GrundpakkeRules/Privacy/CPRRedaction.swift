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
        guard text.utf8.count >= 10 else { return text }
        // Read in place, and build a new text only when there is something to hide: this runs
        // on every id of every record and on every message a report prints.
        return text.withUTF8InPlace { bytes in redacted(bytes).map { String(decoding: $0, as: UTF8.self) } } ?? text
    }

    /// The UTF-8 text `bytes` with every CPR-shaped run of digits replaced by `[CPR]`, or nil
    /// when there is none (the text is then safe as it is).
    static func redacted(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let first = nextCPR(bytes, from: 0) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var found: (start: Int, length: Int)? = first
        while let (start, length) = found {
            output.append(contentsOf: bytes[index..<start])
            output.append(contentsOf: placeholder.utf8)
            index = start + length
            found = nextCPR(bytes, from: index)
        }
        output.append(contentsOf: bytes[index...])
        return output
    }

    /// The next CPR number at or after `from` that starts a run of digits. Only the start of a
    /// run can start one, so the search goes from run to run: eight bytes without a digit are
    /// passed over at once, the first digit of a word is found in one step, and a run too short
    /// to be a CPR number (a date's "2025", a count) is passed over whole.
    private static func nextCPR(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> (start: Int, length: Int)? {
        var index = from
        while index + 10 <= bytes.count {
            if let offset = firstDigit(bytes, at: index) {
                guard offset == 0 else {
                    index += offset
                    continue
                }
            } else {
                index += index + 8 <= bytes.count ? 8 : 1
                continue
            }
            var end = index + 1
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            if end - index >= 6, index == 0 || !isDigit(bytes[index - 1]), let length = cprLength(bytes, at: index) {
                return (index, length)
            }
            index = end
        }
        return nil
    }

    /// The offset of the first ASCII digit among the eight bytes from `index`, or nil when
    /// there is none; with fewer than eight bytes left, 0 or nil for the byte at `index` alone.
    @inline(__always)
    private static func firstDigit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        #if _endian(little)
        if index + 8 <= bytes.count, let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            // A byte is a digit exactly when it differs from "0" only in its low four bits by
            // less than ten: "has a byte below 10" on the word xor "0" in every byte. Borrows
            // only flag bytes above a true one, so the lowest flag is exactly the first digit.
            let shifted = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ (ones &* 0x30)
            let flags = (shifted &- ones &* 10) & ~shifted & (ones &* 0x80)
            return flags == 0 ? nil : flags.trailingZeroBitCount / 8
        }
        #endif
        return isDigit(bytes[index]) ? 0 : nil
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
        guard text.utf8.count >= 10 else { return false }
        return text.withUTF8InPlace { nextCPR($0, from: 0) != nil }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The length of a CPR number starting at `start` (which follows no digit), or nil.
    private static func cprLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
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

    private static func plausibleDate(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
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
