/// Values by a short text id (a shelter's), for the counts the merge keeps for every record
/// on the one thread that merges.
///
/// Why not a `Dictionary`: hashing a `String` key (SipHash, with its setup and finish) took
/// some 300 instructions a record, twice a record (the case count by shelter and the outcome
/// counts by shelter), where the rest of what the merge does for a record is a few hundred.
/// Records arrive from a few dozen shelters in any order, so caching the last one does not
/// help either. Here an id is hashed with FNV-1a over its UTF-8 bytes where they lie, and
/// found by open addressing; equal ids (short strings of equal bytes) then compare in one step.
///
/// Ids are equal as Swift compares text, as they were as dictionary keys. Two ASCII texts are
/// equal exactly when their bytes are, so the hash of the bytes is used only while every id
/// is ASCII; text outside ASCII may equal other bytes (an accent composed or not; the Kelvin
/// sign and `K`), so from the first such id on, the table finds ids through a dictionary.
///
/// Entries keep the order they were added in; nothing is ever removed.
struct IDTable<Value> {
    private(set) var ids: [String] = []
    private(set) var values: [Value] = []
    /// While every id is ASCII: each entry's hash, and entry number + 1 per slot (0 for an empty
    /// slot), at most half full.
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    /// From the first id outside ASCII on: the entry number of each id, the only index kept.
    private var byText: [String: Int]?

    init() {}

    var count: Int { ids.count }

    /// The entry of `id`, if it has one.
    func index(of id: String) -> Int? {
        if let byText { return byText[id] }
        // Text outside ASCII may still equal an ASCII id: compared with each as text (rare).
        guard let hash = IDTable.asciiHash(id) else { return ids.firstIndex(of: id) }
        var slot = TableHashing.home(hash, slots.count)
        while slots[slot] != 0 {
            let entry = Int(slots[slot]) - 1
            if hashes[entry] == hash, ids[entry] == id { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds an entry for `id`, which has none yet, and gives its number.
    @discardableResult
    mutating func append(_ id: String, _ value: Value) -> Int {
        assert(index(of: id) == nil, "append(_:_:) takes an id that has no entry yet")
        ids.append(id)
        values.append(value)
        let entry = ids.count - 1
        if byText != nil {
            byText?[id] = entry
        } else if let hash = IDTable.asciiHash(id) {
            if (ids.count + 1) * 2 > slots.count { grow() }
            hashes.append(hash)
            place(entry, hash: hash)
        } else {
            byText = Dictionary(uniqueKeysWithValues: zip(ids, ids.indices))
            hashes = []
            slots = []
        }
        return entry
    }

    /// The value of entry `entry` (a number `index(of:)` or `append(_:_:)` gave).
    subscript(entry entry: Int) -> Value {
        get { values[entry] }
        set { values[entry] = newValue }
    }

    /// The entries as a dictionary, for what is handed on.
    var dictionary: [String: Value] {
        Dictionary(uniqueKeysWithValues: zip(ids, values))
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        var slot = TableHashing.home(hash, slots.count)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for entry in hashes.indices { place(entry, hash: hashes[entry]) }
    }

    /// FNV-1a over the id's UTF-8 bytes (`TableHashing`); nil when one is outside ASCII.
    private static func asciiHash(_ id: String) -> UInt64? {
        id.withUTF8InPlace { bytes in
            var hash = TableHashing.start
            var seen: UInt8 = 0
            for byte in bytes {
                hash = TableHashing.fnv1a(hash, byte)
                seen |= byte
            }
            return seen < 0x80 ? hash : nil
        }
    }
}

extension IDTable: Sendable where Value: Sendable {}
