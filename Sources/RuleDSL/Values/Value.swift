/// A runtime value of the rule language, and the shape validated input records take.
///
/// Records are maps with string keys; an absent key means "not recorded" and `.null` means
/// "recorded as none", which is why maps never store absent fields as `.null`.
// Not `indirect`: lists and maps already hold their elements in heap storage, and boxing every
// scalar would cost an allocation per value read.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(MapValue)
    case date(CivilDate)
    /// An instant (CEL `google.protobuf.Timestamp`).
    case timestamp(Timestamp)
    /// A signed span of time (CEL `google.protobuf.Duration`).
    case duration(CELDuration)
    /// A type as a value: what `type(x)` returns and what names such as `int` denote.
    case type(TypeName)
}

/// The runtime name of a type, as `type(x)` yields it (`int`, `list`, `null_type`, ...).
public struct TypeName: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// A map value. Lookup by key is constant time; iteration order is the insertion order so that
/// anything printed from a map is deterministic.
public struct MapValue: Sendable, Hashable {
    /// One entry and the fingerprint of its key (see `KeyFingerprint`).
    struct Entry: Sendable {
        var key: Value
        var value: Value
        var fingerprint: UInt64
    }

    /// Entries in insertion order. Records have a few dozen fields at most, so a short list
    /// searched in order beats hashing; a hash index is added only for large maps.
    private var pairs: [Entry]
    private var index: [Value: Int]?

    /// Past this many entries lookups go through a hash index.
    private static let linearLimit = 24

    public init() {
        pairs = []
    }

    /// An empty map with room for `capacity` entries (a decoder that knows a record's schema
    /// avoids regrowing the storage key by key).
    public init(minimumCapacity capacity: Int) {
        pairs = []
        pairs.reserveCapacity(capacity)
    }

    /// A map from string keys, in the given order. A later duplicate key replaces the earlier value.
    public init(stringKeyed pairs: [(String, Value)]) {
        self.init()
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[.string(key)] = value }
    }

    public var count: Int { pairs.count }

    /// Keys in insertion order.
    public var keys: [Value] { pairs.map(\.key) }

    /// The entries as a dictionary (for callers that want one; lookups should use the subscripts).
    public var storage: [Value: Value] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    private func position(of key: Value) -> Int? {
        position(of: key, fingerprint: KeyFingerprint.of(key))
    }

    /// The linear search compares fingerprints first: two different ASCII keys never reach the
    /// (much dearer) `Value` equality, which is what makes reading a record field cheap. It reads
    /// the entries in place; going through the array's subscript copied each entry it looked at.
    private func position(of key: Value, fingerprint: UInt64) -> Int? {
        if let index { return index[key] }
        return pairs.withUnsafeBufferPointer { entries in
            if fingerprint == KeyFingerprint.unknown {
                for position in 0..<entries.count where entries[position].key == key { return position }
                return nil
            }
            for position in 0..<entries.count {
                let found = entries[position].fingerprint
                if found == fingerprint || found == KeyFingerprint.unknown, entries[position].key == key { return position }
            }
            return nil
        }
    }

    /// The position of a key whose fingerprint the caller worked out once (a field name in a
    /// compiled expression), for the lookups done for every record. The search starts at
    /// `hint` and goes back to the start, then on from the hint: a record lists its keys in
    /// declaration order minus the absent ones, so a field sits at or just before its place in
    /// the declaration. Keys are unique, so the order of the search never changes the answer.
    ///
    /// It only reads (key equality included), which `@_effects(readonly)` tells the optimizer:
    /// a caller can then borrow a record it reads in place instead of copying it for the call.
    @_effects(readonly)
    func position(forKey key: Value, fingerprint: UInt64, hint: Int) -> Int? {
        guard index == nil, fingerprint != KeyFingerprint.unknown else {
            return position(of: key, fingerprint: fingerprint)
        }
        let whole = KeyFingerprint.isWhole(fingerprint)
        return pairs.withUnsafeBufferPointer { entries -> Int? in
            let count = entries.count
            guard count > 0 else { return nil }
            let start = min(max(hint, 0), count - 1)
            var position = start
            while position >= 0 {
                let found = entries[position].fingerprint
                if found == fingerprint, whole || MapValue.sameKey(entries[position].key, key) { return position }
                if found == KeyFingerprint.unknown, entries[position].key == key { return position }
                position -= 1
            }
            position = start + 1
            while position < count {
                let found = entries[position].fingerprint
                if found == fingerprint, whole || MapValue.sameKey(entries[position].key, key) { return position }
                if found == KeyFingerprint.unknown, entries[position].key == key { return position }
                position += 1
            }
            return nil
        }
    }

    /// `a == b` for keys: string keys (every record key) compared as strings straight away,
    /// which for a key and the schema's own copy of it is one comparison of their storage,
    /// instead of through `Value`'s synthesized equality.
    @inline(__always)
    private static func sameKey(_ a: Value, _ b: Value) -> Bool {
        if case .string(let x) = a, case .string(let y) = b { return x == y }
        return a == b
    }

    /// `body` applied to the value at `position` where it lies in the map's storage: a field
    /// path reads on from it without copying it (a copy costs a retain and a release).
    @inline(__always)
    func withValue<Result>(at position: Int, _ body: (borrowing Value) -> Result) -> Result {
        pairs.withUnsafeBufferPointer { entries in body(entries[position].value) }
    }

    public subscript(key: Value) -> Value? {
        get {
            guard let position = position(of: key) else { return nil }
            return pairs.withUnsafeBufferPointer { $0[position].value }
        }
        set {
            if let existing = position(of: key) {
                if let newValue {
                    pairs[existing].value = newValue
                } else {
                    pairs.remove(at: existing)
                    rebuildIndex()
                }
            } else if let newValue {
                insert(key, newValue)
            }
        }
    }

    /// Adds an entry whose key the caller knows is not in the map yet (a document's keys, which
    /// the loaders have already checked for repeats), without searching for it first.
    public mutating func append(_ key: Value, _ value: consuming Value) {
        assert(position(of: key) == nil, "append(_:_:) takes a key that is not in the map")
        insert(key, value)
    }

    /// `append(_:_:)` with the key's fingerprint worked out once by the caller (a decoder that
    /// appends the same schema keys to every record). The value is taken, not copied: a decoder
    /// hands over what it just made, and a copy cost a retain and a release per field (about a
    /// seventh of decoding a whole record).
    mutating func append(_ key: Value, _ value: consuming Value, fingerprint: UInt64) {
        assert(fingerprint == KeyFingerprint.of(key), "the fingerprint must be the key's")
        assert(position(of: key) == nil, "append(_:_:fingerprint:) takes a key that is not in the map")
        insert(key, value, fingerprint: fingerprint)
    }

    private mutating func insert(_ key: Value, _ value: consuming Value, fingerprint: UInt64? = nil) {
        pairs.append(Entry(key: key, value: value, fingerprint: fingerprint ?? KeyFingerprint.of(key)))
        if index != nil {
            index?[key] = pairs.count - 1
        } else if pairs.count > MapValue.linearLimit {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard pairs.count > MapValue.linearLimit else {
            index = nil
            return
        }
        var built: [Value: Int] = [:]
        built.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() { built[pair.key] = position }
        index = built
    }

    public subscript(field: String) -> Value? {
        get { self[.string(field)] }
        set { self[.string(field)] = newValue }
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] { pairs.map { ($0.key, $0.value) } }

    /// Lookup as CEL does it: numeric keys match across `int`, `uint` and integral `double`
    /// (`{1: 'a'}[1u]` finds the entry), everything else by exact key.
    public func lookup(_ key: Value) -> Value? {
        if let found = self[key] { return found }
        switch key {
        case .int(let int):
            return int >= 0 ? self[.uint(UInt64(int))] : nil
        case .uint(let uint):
            return uint <= UInt64(Int64.max) ? self[.int(Int64(uint))] : nil
        case .double(let double):
            if let int = Int64(exactly: double), let found = self[.int(int)] { return found }
            if let uint = UInt64(exactly: double) { return self[.uint(uint)] }
            return nil
        default:
            return nil
        }
    }

    /// Maps are equal when they hold the same entries, whatever their order.
    public static func == (lhs: MapValue, rhs: MapValue) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.pairs.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
