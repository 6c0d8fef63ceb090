/// Whether bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF), as `String(validating:as: UTF8.self)` decides it.
///
/// Why not that initializer: called from this module on a slice of a buffer it runs as
/// unspecialized generic code, asking for type metadata along the way, and took about a
/// thousand instructions for a ten-byte name with one letter outside ASCII. Records hold such
/// names (municipalities, places) by the million.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        var index = bytes.startIndex
        let end = bytes.endIndex
        let base = bytes.base
        /// Whether the byte at `offset` from `index` is within `range`.
        func byte(_ offset: Int, in range: ClosedRange<UInt8>) -> Bool {
            index + offset < end && range.contains(base[index + offset])
        }
        while index < end {
            let lead = base[index]
            let length: Int
            switch lead {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF:
                length = 2
            case 0xE0:
                guard byte(1, in: 0xA0...0xBF) else { return false }
                length = 3
            case 0xED:
                guard byte(1, in: 0x80...0x9F) else { return false }
                length = 3
            case 0xE1...0xEC, 0xEE...0xEF:
                length = 3
            case 0xF0:
                guard byte(1, in: 0x90...0xBF) else { return false }
                length = 4
            case 0xF4:
                guard byte(1, in: 0x80...0x8F) else { return false }
                length = 4
            case 0xF1...0xF3:
                length = 4
            default:
                return false
            }
            // The second byte's narrower range, where there is one, is checked above; every
            // byte after the lead is a continuation byte.
            for offset in 1..<length where !byte(offset, in: 0x80...0xBF) { return false }
            index += length
        }
        return true
    }
}
