/// The hashing the merge's tables share (`CaseKeyTable`, `CaseRegistry`, `IDTable`): FNV-1a
/// over bytes, stable from run to run so that everything built on it is too, and Fibonacci
/// hashing of such a hash to a slot of a table whose size is a power of two.
enum TableHashing {
    /// FNV-1a's starting value.
    static let start: UInt64 = 0xCBF2_9CE4_8422_2325

    /// `hash` with `byte` mixed in.
    @inline(__always)
    static func fnv1a(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    /// `hash` with the bytes of `text` mixed in, read in place (iterating `utf8` decodes each
    /// byte through the string's generic view, and `withUTF8` needs a copy it may change,
    /// which counts a reference to the string twice).
    static func fnv1a(_ hash: UInt64, _ text: String) -> UInt64 {
        // The hash is handed in and back, not captured: a variable a closure captures was
        // checked for exclusive access at run time, twice for every text.
        text.withUTF8InPlace { bytes in
            var hash = hash
            for byte in bytes { hash = fnv1a(hash, byte) }
            return hash
        }
    }

    /// The slot `hash` starts its search at in a table of `capacity` slots (a power of two):
    /// the top bits of hash × 2⁶⁴/φ, spread well even for similar hashes.
    @inline(__always)
    static func home(_ hash: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }
}
