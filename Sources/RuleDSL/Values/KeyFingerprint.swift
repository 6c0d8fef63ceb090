/// A cheap summary of a map key that decides most key comparisons with one integer compare.
///
/// Only ASCII strings get a real fingerprint (a marker bit, the length and the first six
/// bytes): two ASCII strings are equal exactly when their bytes are, so different fingerprints
/// prove different keys. Every other key (non-ASCII strings, which Swift compares by canonical
/// equivalence, e.g. "\u{212A}" == "K"; numbers; bools) gets `unknown` and is always compared in full.
enum KeyFingerprint {
    static let unknown: UInt64 = 0

    /// Whether `fingerprint` holds its whole key (an ASCII key of at most six bytes): then equal
    /// fingerprints are equal keys, with no need to compare the keys themselves.
    @inline(__always)
    static func isWhole(_ fingerprint: UInt64) -> Bool {
        fingerprint != unknown && (fingerprint >> 48) & 0x7FFF <= 6
    }

    static func of(_ key: Value) -> UInt64 {
        guard case .string(let text) = key else { return unknown }
        return text.withUTF8InPlace { bytes in
            guard bytes.count < 1 << 15 else { return unknown }
            var prefix: UInt64 = 0
            var ascii: UInt8 = 0
            for position in 0..<bytes.count {
                let byte = bytes[position]
                ascii |= byte
                if position < 6 { prefix |= UInt64(byte) << (UInt64(position) * 8) }
            }
            guard ascii < 0x80 else { return unknown }
            return 1 << 63 | UInt64(bytes.count) << 48 | prefix
        }
    }
}
