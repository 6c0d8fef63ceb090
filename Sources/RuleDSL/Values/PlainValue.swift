/// A `Value` known to hold no reference a copy would count, kept as its bits: a short text (up
/// to 15 bytes of UTF-8, which Swift keeps inside the string itself), or any value without a
/// payload in storage.
///
/// Why: the direct decoder puts a schema key into every entry of every record. Copying a key
/// `Value` is a call that finds out which case it holds and then asks the runtime to count a
/// reference, and dropping it is two more; for a short key there is nothing to count. Made
/// from its bits, the copy is the bits, and an entry made only of such parts can be freed by
/// passing it over (`MapStorage.Header.plainEntries`).
///
/// A text is taken for plain only when making it twice from the same bytes gives the same
/// bits: two texts with storage of their own, alive at once, cannot share an address, so equal
/// bits mean the text has none (or storage that is never freed, whose counts do nothing).
struct PlainValue: Sendable {
    private typealias Bits = (UInt64, UInt64, UInt8)
    private let bits: Bits

    /// `value`, made again each time it is asked for, when it is plain; nil otherwise, and on a
    /// platform where a `Value` is not 17 bytes or does not open an entry.
    private init?(_ make: () -> Value) {
        guard MemoryLayout<Value>.size == MemoryLayout<Bits>.size,
              MemoryLayout<MapValue.Entry>.offset(of: \.key) == 0 else { return nil }
        let first = make()
        let second = make()
        let same = withUnsafeBytes(of: first) { one in
            withUnsafeBytes(of: second) { other in one.elementsEqual(other) }
        }
        guard same else { return nil }
        bits = unsafeBitCast(first, to: Bits.self)
    }

    /// `.string(text)` when it is plain (see above).
    static func string(_ text: String) -> PlainValue? {
        let utf8 = Array(text.utf8)
        return PlainValue { .string(String(decoding: utf8, as: UTF8.self)) }
    }

    /// The value, made from its bits.
    var value: Value { unsafeBitCast(bits, to: Value.self) }

    /// Writes the value's bits as the key of the entry at `entry`, over the key it holds, which
    /// must be plain too (the decoder writes the entry with a `null` key first). Stored as
    /// integers, the copy counts no reference: a `Value` made from the bits and stored would
    /// be copied, which counts one.
    @inline(__always)
    func storeAsKey(of entry: UnsafeMutablePointer<MapValue.Entry>) {
        let raw = UnsafeMutableRawPointer(entry)
        raw.storeBytes(of: bits.0, toByteOffset: 0, as: UInt64.self)
        raw.storeBytes(of: bits.1, toByteOffset: 8, as: UInt64.self)
        raw.storeBytes(of: bits.2, toByteOffset: 16, as: UInt8.self)
    }
}

extension Value {
    /// Whether this value holds no reference whatever its payload (a number, a date, a flag,
    /// `null`), so that its bits are all of it.
    @inline(__always)
    var isPlainCase: Bool {
        switch self {
        case .null, .bool, .int, .uint, .double, .date, .timestamp, .duration: return true
        case .string, .bytes, .list, .map, .type: return false
        }
    }

    /// A copy of `value`. A flag, number, date or `null` is made anew from its payload, which
    /// is copied as plain bits; a copy of a `Value` whose case the compiler does not know is a
    /// call that finds the case first, and the rules read dates and flags by the dozen a record.
    @inline(__always)
    static func copy(of value: borrowing Value) -> Value {
        switch value {
        case .date(let date): return .date(date)
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .null: return .null
        default: return copy value
        }
    }
}
