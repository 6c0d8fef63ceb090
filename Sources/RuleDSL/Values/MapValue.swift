/// A map value. Lookup by key is constant time; iteration order is the insertion order so that
/// anything printed from a map is deterministic.
///
/// The entries lie in a `MapStorage` block: a block of the map's own, or a stretch of a block
/// it shares with the other small objects of a record (see `MapStorage`). Either way it is a
/// value: a change to a map that does not hold its block alone and whole copies its entries out
/// first, so no other map ever sees it.
public struct MapValue: @unchecked Sendable, Hashable {
    // Unchecked: a block is changed only by a map that holds it alone, or by the decoder
    // before any map over it leaves its thread (see `MapStorage`).
    /// One entry and the fingerprint of its key (see `KeyFingerprint`).
    struct Entry: Sendable {
        var key: Value
        var value: Value
        var fingerprint: UInt64
    }

    /// Entries in insertion order, from `start`; nil for an empty map (which allocates nothing).
    /// Records have a few dozen fields at most, so a short list searched in order beats
    /// hashing; a hash index is added only for large maps.
    private var block: MapStorage?
    private var start: UInt32
    private var length: UInt32

    /// Past this many entries lookups go through a hash index.
    static let linearLimit = 24

    public init() {
        block = nil
        start = 0
        length = 0
    }

    /// An empty map with room for `capacity` entries (a decoder that knows a record's schema
    /// avoids regrowing the storage key by key).
    public init(minimumCapacity capacity: Int) {
        block = capacity > 0 ? MapStorage.make(capacity: capacity) : nil
        start = 0
        length = 0
    }

    /// The `count` entries of `block` from `start`, which the caller has just put there: a map
    /// over a whole block the decoder filled for it, or over its stretch of a block it shares
    /// with the other small objects of its record (see `MapStorage`).
    init(sharing block: MapStorage, from start: Int, count: Int) {
        self.block = count > 0 ? block : nil
        self.start = count > 0 ? UInt32(start) : 0
        length = UInt32(count)
    }

    /// A map from string keys, in the given order. A later duplicate key replaces the earlier value.
    public init(stringKeyed pairs: [(String, Value)]) {
        self.init(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[.string(key)] = value }
    }

    public var count: Int { Int(length) }

    /// Which block the entries lie in (nil for an empty map): maps sharing a block give the
    /// same identity. For tests of how records are laid out; nothing else depends on it.
    var blockIdentity: ObjectIdentifier? { block.map(ObjectIdentifier.init) }

    /// `body` applied to the entries, read in place. No closure of the block's and no `if let`
    /// stand between a lookup and the entries: either made the compiler count a reference to
    /// the block, or copy the value read, on every field a rule reads.
    @inline(__always)
    private func withEntries<Result>(_ body: (UnsafeBufferPointer<Entry>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: firstEntry, count: Int(length)))
    }

    /// Where this map's entries start (nil for an empty map). The elements of a block stay where
    /// they are as long as it lives, and this map keeps it alive while it is read.
    @inline(__always)
    private var firstEntry: UnsafeMutablePointer<Entry>? {
        let start = Int(start)
        // Optional chaining borrows the block where `if let` would copy (and retain) it.
        return block?.withUnsafeMutablePointerToElements { $0 + start }
    }

    /// The hash index, which only a large map holding its block whole has.
    private var index: [Value: Int]? {
        guard length > MapValue.linearLimit, start == 0 else { return nil }
        return block?.withUnsafeMutablePointerToHeader { header in
            Int(length) == header.pointee.count ? header.pointee.index : nil
        } ?? nil
    }

    /// Keys in insertion order.
    public var keys: [Value] { withEntries { $0.map(\.key) } }

    /// The entries as a dictionary (for callers that want one; lookups should use the subscripts).
    public var storage: [Value: Value] {
        withEntries { Dictionary($0.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }) }
    }

    private func position(of key: Value) -> Int? {
        position(of: key, fingerprint: KeyFingerprint.of(key))
    }

    /// The linear search compares fingerprints first: two different ASCII keys never reach the
    /// (much dearer) `Value` equality, which is what makes reading a record field cheap. It reads
    /// the entries in place; going through an array's subscript copied each entry it looked at.
    private func position(of key: Value, fingerprint: UInt64) -> Int? {
        if let index { return index[key] }
        return withEntries { entries in
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
        guard length <= MapValue.linearLimit || index == nil, fingerprint != KeyFingerprint.unknown else {
            return position(of: key, fingerprint: fingerprint)
        }
        let whole = KeyFingerprint.isWhole(fingerprint)
        // The entries read straight from where they start, with no closure around the search:
        // this runs for every field a rule reads, and a closure here was not inlined.
        let count = Int(length)
        guard count > 0, let entries = firstEntry else { return nil }
        let start = hint < 0 ? 0 : hint < count ? hint : count - 1
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

    /// `position(forKey:fingerprint:hint:)` for a key whose bits the caller also worked out
    /// once (`KeyIdentity`), inlined into the field reads: the usual lookup, a field at or a
    /// little before its hint with the schema's own key, is settled here in a few compares
    /// and no call. Anything else (a map with a hash index, a key that is absent or only equal
    /// as text) goes on to the full search, which gives the same answer.
    @inline(__always)
    func position(forKey key: Value, identity: KeyIdentity, fingerprint: UInt64, hint: Int) -> Int? {
        let count = Int(length)
        if count <= MapValue.linearLimit, let entries = firstEntry {
            var position = hint < 0 ? 0 : hint < count ? hint : count - 1
            while position >= 0 {
                if entries[position].fingerprint == fingerprint {
                    if identity.matches(UnsafeRawPointer(entries + position)) { return position }
                    break
                }
                position -= 1
            }
        }
        return self.position(forKey: key, fingerprint: fingerprint, hint: hint)
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
        withEntries { entries in body(entries[position].value) }
    }

    public subscript(key: Value) -> Value? {
        get {
            guard let position = position(of: key) else { return nil }
            return withEntries { $0[position].value }
        }
        set {
            if let existing = position(of: key) {
                if let newValue {
                    makeOwned(adding: 0)
                    firstEntry?[existing].value = newValue
                } else {
                    remove(at: existing)
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
        makeOwned(adding: 1)
        block?.append(key, value, fingerprint: fingerprint ?? KeyFingerprint.of(key))
        length += 1
        guard length > MapValue.linearLimit else { return }
        if block?.index != nil {
            block?.index?[key] = count - 1
        } else {
            rebuildIndex()
        }
    }

    private mutating func remove(at position: Int) {
        makeOwned(adding: 0)
        block?.withUnsafeMutablePointers { header, entries in
            (entries + position).deinitialize(count: 1)
            (entries + position).moveInitialize(from: entries + position + 1, count: header.pointee.count - position - 1)
            header.pointee.count -= 1
        }
        length -= 1
        rebuildIndex()
    }

    /// Makes the block one this map holds alone and whole, with room for `extra` more entries:
    /// the same block when it already is, else a new one the entries are copied (or, from a
    /// block this map held alone, moved) into. Only such a block is ever changed.
    private mutating func makeOwned(adding extra: Int) {
        let unique = isKnownUniquelyReferenced(&block)
        let whole = start == 0 && block?.count == count
        if unique, whole, block?.room ?? 0 >= extra {
            block?.forgetPlainEntries()
            return
        }
        let fresh = MapStorage.make(capacity: Swift.max(count + extra, 2 * count, 4))
        if let from = firstEntry {
            fresh.withUnsafeMutablePointers { freshHeader, freshEntries in
                if unique && whole {
                    // Held alone: the entries are moved, not copied and then freed.
                    freshEntries.moveInitialize(from: from, count: count)
                    block?.withUnsafeMutablePointerToHeader { $0.pointee.count = 0 }
                } else {
                    freshEntries.initialize(from: from, count: count)
                }
                freshHeader.pointee.count = count
            }
        }
        block = fresh
        start = 0
        rebuildIndex()
    }

    /// Builds (or drops) the hash index of the block, which this map holds whole.
    private func rebuildIndex() {
        guard length > MapValue.linearLimit else {
            block?.index = nil
            return
        }
        var built: [Value: Int] = [:]
        built.reserveCapacity(count)
        withEntries { entries in
            for position in 0..<entries.count { built[entries[position].key] = position }
        }
        block?.index = built
    }

    public subscript(field: String) -> Value? {
        get { self[.string(field)] }
        set { self[.string(field)] = newValue }
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] { withEntries { $0.map { ($0.key, $0.value) } } }

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
        return lhs.withEntries { entries in entries.allSatisfy { rhs[$0.key] == $0.value } }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
