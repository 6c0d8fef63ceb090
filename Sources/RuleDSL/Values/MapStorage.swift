/// The entries of one map, or of several maps side by side, in one block of memory.
///
/// A map usually has a block of its own. The direct decoder puts the small objects of a record
/// (`admission`, `contact`, a child's `offers`, ...) one after the other into one shared block
/// instead, each map a stretch of it: one allocation for all of them instead of one each, which
/// was a third of the allocations made per record. Only maps whose values hold no maps share a
/// block, so a block never holds a reference to itself; the record itself and the objects that
/// hold objects get blocks of their own, which the decoder fills the same way.
///
/// A stretch is never written once its map exists: a map changes its entries in place only when
/// it holds its block alone and whole (see `MapValue`); otherwise it copies them out first. The
/// decoder appends past the stretches already made while it reads one record, on one thread,
/// before the record is handed on.
///
/// `ManagedBuffer` cannot be `Sendable`; `MapValue`, which holds blocks, is so unchecked, on the
/// strength of these rules.
final class MapStorage: ManagedBuffer<MapStorage.Header, MapValue.Entry> {
    struct Header {
        /// Entries written, from the start of the block.
        var count: Int
        /// Room for entries (kept here: asking the allocator costs a call each time).
        let capacity: Int
        /// A hash index by key, for a map of more than `MapValue.linearLimit` entries that holds
        /// the block whole; nil otherwise.
        var index: [Value: Int]?
        /// Bit `i` set: entry `i` is plain bits, a key and a value that count no references (see
        /// `PlainValue`), and freeing the block passes it over. Set by the decoder as it fills
        /// the block; cleared before any map changes the block in place (`forgetPlainEntries`).
        var plainEntries: UInt64
    }

    /// The most entries a block can hold and still be served from the allocator's per-thread
    /// cache. glibc serves requests of up to 1,008 bytes from its cache or small bins; a larger
    /// one first merges every small chunk freed since the last such request
    /// (`malloc_consolidate`) and searches the sorted bins, which made a shared block of a
    /// record's twenty small-object entries (1,160 bytes) one of the dearer calls per record.
    /// Two small blocks cost less than one large one.
    static let entriesPerSmallBlock: Int = {
        let headerBytes = MemoryLayout<HeapObjectHeader>.size + MemoryLayout<Header>.stride
        let firstEntry = (headerBytes + MemoryLayout<MapValue.Entry>.alignment - 1) & ~(MemoryLayout<MapValue.Entry>.alignment - 1)
        return max(1, (1_008 - firstEntry) / MemoryLayout<MapValue.Entry>.stride)
    }()

    /// A Swift object's header (its type and its reference counts), which comes before the
    /// block's own header.
    private struct HeapObjectHeader {
        var type: UnsafeRawPointer?
        var counts: UInt64
    }

    /// An empty block with room for `capacity` entries.
    static func make(capacity: Int) -> MapStorage {
        let room = max(1, capacity)
        let made = MapStorage.create(minimumCapacity: room) { _ in Header(count: 0, capacity: room, index: nil, plainEntries: 0) }
        return unsafeDowncast(made, to: MapStorage.self)
    }

    deinit {
        withUnsafeMutablePointers { header, entries in
            // Entry by entry, each moved out and dropped: the destruction is then compiled
            // for `Entry` itself, where `deinitialize(count:)` calls the runtime's generic
            // array destroy, which goes through an indirect call per entry and per value.
            // Records are freed by the million, a few dozen entries each. A plain entry (a
            // short schema key with a date, a number, a flag or a short word, most of a
            // record) is passed over: dropping it made two calls that found nothing to free.
            let plain = header.pointee.plainEntries
            for offset in 0..<header.pointee.count where plain & (1 << UInt64(offset)) == 0 {
                _ = (entries + offset).move()
            }
        }
    }

    // The header is read through its pointer: the `header` property is checked for exclusive
    // access at run time, a call each time, on the decoder's path for every small object.

    /// Entries written so far.
    var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Entries still to be written before the block is full.
    var room: Int { withUnsafeMutablePointerToHeader { $0.pointee.capacity - $0.pointee.count } }

    /// Clears `Header.plainEntries`: the block is about to be changed in place, and an entry
    /// written or moved there may hold references.
    func forgetPlainEntries() {
        withUnsafeMutablePointerToHeader { $0.pointee.plainEntries = 0 }
    }

    /// The hash index (see `Header.index`).
    var index: [Value: Int]? {
        get { withUnsafeMutablePointerToHeader { $0.pointee.index } }
        set { withUnsafeMutablePointerToHeader { $0.pointee.index = newValue } }
    }

    /// Appends an entry; the caller has made sure there is room.
    @inline(__always)
    func append(_ key: Value, _ value: consuming Value, fingerprint: UInt64) {
        claimSlot(plain: false).initialize(to: MapValue.Entry(key: key, value: value, fingerprint: fingerprint))
    }

    /// The place of one more entry, already counted as written: the caller initializes it at
    /// once, and there must be room. A value handed over can be moved into place only outside
    /// a closure, so the slot is taken inside one and filled after it; the elements stay where
    /// they are as long as the block lives. Room is checked in every build, not only in debug
    /// ones: a slot past the end would be written over memory the block does not own.
    ///
    /// `plain`: the caller makes the entry of plain bits only (see `PlainValue`), and it is
    /// marked so that freeing the block passes it over.
    @inline(__always)
    func claimSlot(plain: Bool) -> UnsafeMutablePointer<MapValue.Entry> {
        withUnsafeMutablePointers { header, entries in
            precondition(header.pointee.count < header.pointee.capacity, "claimSlot(plain:) needs room in the block")
            header.pointee.plainEntries |= UInt64(plain ? 1 : 0) << UInt64(header.pointee.count)
            header.pointee.count += 1
            return entries + header.pointee.count - 1
        }
    }
}
