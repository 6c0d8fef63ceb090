/// A string key's bits as a `Value` lies in memory, worked out once where a field read is
/// compiled: the read then recognises the key in a record's entry with three integer compares,
/// without handling the key as a `Value`.
///
/// Why: a field read looks its key up in the record for every record, and the lookup
/// (`MapValue.position(forKey:fingerprint:hint:)`) cost some 90 instructions, nearly all of it
/// being a call of its own. Inlining it into the read made the compiler copy the key `Value`
/// (counting a reference to it) at every read; comparing plain integers read from memory
/// involves no ownership at all, so this check can be inlined.
///
/// Equal bits are the same string: the same small string, or the same storage, which is what a
/// record's key and the schema's key it was decoded under share. Different bits prove nothing
/// (two copies of a long string with storage of their own): the caller then compares the keys
/// in full. So a match is always right, and a miss only costs the full comparison.
///
/// Equal bits mean the same storage only while that storage cannot be freed and used again
/// for another string: whoever holds an identity holds the key it was made from beside it
/// (`FieldPaths.Level.key`, `MapKey.value`), so it stays alive as long as the identity.
struct KeyIdentity: Sendable {
    private let first: UInt64
    private let second: UInt64
    private let rest: UInt64
    private let restMask: UInt64
    /// Whether this can match at all: only for string keys, and only where a `Value` takes 17 to
    /// 24 bytes with nothing of another field among them in an entry (as on 64-bit platforms).
    private let usable: Bool

    /// The bytes of a key `Value` an entry holds: a `Value` as it lies, and room for the last
    /// word's load before the next field of the entry.
    private static let layoutFits: Bool = {
        #if _endian(little)
        let size = MemoryLayout<Value>.size
        return size > 16 && size <= 24 && MemoryLayout<Value>.stride >= 24
            && MemoryLayout<MapValue.Entry>.offset(of: \.key) == 0
            && (MemoryLayout<MapValue.Entry>.offset(of: \.value) ?? 0) >= 24
            && (MemoryLayout<MapValue.Entry>.offset(of: \.fingerprint) ?? 0) >= 24
        #else
        return false
        #endif
    }()

    init(_ key: Value) {
        var words: [UInt64] = [0, 0, 0]
        let size = MemoryLayout<Value>.size
        withUnsafeBytes(of: key) { raw in
            for offset in 0..<min(size, 24) {
                words[offset / 8] |= UInt64(raw[offset]) << UInt64(8 * (offset % 8))
            }
        }
        first = words[0]
        second = words[1]
        rest = words[2]
        let tailBytes = max(0, min(size, 24) - 16)
        restMask = tailBytes >= 8 ? ~0 : (1 << UInt64(8 * tailBytes)) - 1
        if case .string = key { usable = KeyIdentity.layoutFits } else { usable = false }
    }

    /// Whether the key `Value` at `key` (an entry's key, read in place) has exactly these bits.
    @inline(__always)
    func matches(_ key: UnsafeRawPointer) -> Bool {
        usable
            && key.loadUnaligned(as: UInt64.self) == first
            && key.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == second
            && key.loadUnaligned(fromByteOffset: 16, as: UInt64.self) & restMask == rest
    }
}
