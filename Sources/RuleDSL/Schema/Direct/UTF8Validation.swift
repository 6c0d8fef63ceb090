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
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            // Each lead byte: the length of its sequence and what its second byte may be (a
            // narrower range where a wider one would be overlong, a surrogate or past U+10FFFF).
            let length: Int
            let second: ClosedRange<UInt8>
            switch lead {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard byte(1, in: second) else { return false }
            for offset in 2..<length where !byte(offset, in: 0x80...0xBF) { return false }
            index += length
        }
        return true
    }
}
