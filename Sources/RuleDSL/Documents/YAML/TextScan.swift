/// Finds bytes YAML cannot hold (invalid UTF-8, NUL and other control characters) before libyaml
/// sees them. libyaml decodes its input ahead of parsing, so an encoding error it finds would
/// also swallow the good documents before it; scanning first lets the loader set aside only the
/// document that holds the bad byte.
enum TextScan {
    struct Problem {
        var offset: Int
        var description: String
    }

    /// The first byte at or after `start` that is not printable YAML text (YAML 1.2 c-printable).
    static func firstProblem(in bytes: [UInt8], from start: Int) -> Problem? {
        var index = start
        if index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    index += 1
                    continue
                }
                return Problem(offset: index, description: byte == 0 ? "a NUL byte" : "the control character U+\(hex(UInt32(byte)))")
            }
            guard let (scalar, length) = decode(bytes, at: index) else {
                return Problem(offset: index, description: "a byte sequence that is not UTF-8")
            }
            let printable = scalar == 0x85 || (0xA0...0xD7FF).contains(scalar) || (0xE000...0xFFFD).contains(scalar)
                || (0x10000...0x10FFFF).contains(scalar)
            guard printable else {
                return Problem(offset: index, description: "the control character U+\(hex(scalar))")
            }
            index += length
        }
        return nil
    }

    /// One UTF-8 sequence: its code point and length, or nil when it is malformed, overlong or a
    /// surrogate.
    private static func decode(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: (length, scalar) = (2, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, scalar) = (3, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, scalar) = (4, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard scalar >= smallest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return nil }
        return (scalar, length)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
