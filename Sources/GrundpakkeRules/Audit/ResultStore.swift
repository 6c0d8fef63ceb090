import RuleDSL

/// The results a report lists, in report order: the first `memoryLimit` in memory, the rest
/// encoded compactly in an anonymous temporary file (`SpillFile`), so that memory does not grow
/// with the number of records. Small runs never touch the disk.
///
/// It is a value: a copy sees the results it had when copied. Iterating reads them back in order
/// as often as a reporter needs; nothing is lost or reordered. Counts over the listed results
/// (`counts`) are kept as results are added, so printing them needs no pass over the results.
public struct ResultStore: Sequence, Sendable {
    /// Results kept in memory before the rest go to a temporary file: a few megabytes (a
    /// finding with its evidence and citations takes some 500 bytes), so runs of up to about
    /// ten thousand cases with `--results findings` never touch the disk.
    public static let defaultMemoryLimit = 4_096

    public let memoryLimit: Int
    private var head: [AuditResult] = []
    /// The log the results past `memoryLimit` went to; shared between copies.
    private var spill: SpillFile?
    /// How much of `spill` this store holds (copies may have appended more to it).
    private var spilledLength = 0
    private var spilledCount = 0
    /// Where every `stretchLength`-th spilled result starts in `spill`: the spilled results cut
    /// into stretches that can be read back apart, each on a core of its own.
    private var stretchStarts: [Int] = []
    public private(set) var counts = ListedCounts()
    /// A read failure of the store this one was rewritten from.
    private var inheritedFailure: ResultStoreError?

    /// Spilled results per stretch (`spilledStretches`).
    let stretchLength: Int

    public init(memoryLimit: Int = ResultStore.defaultMemoryLimit) {
        self.init(memoryLimit: memoryLimit, stretchLength: ResultStore.defaultStretchLength)
    }

    /// `stretchLength` other than the default is for tests that want many short stretches.
    init(memoryLimit: Int, stretchLength: Int) {
        self.memoryLimit = Swift.max(0, memoryLimit)
        self.stretchLength = Swift.max(1, stretchLength)
    }

    public init(_ results: some Sequence<AuditResult>, memoryLimit: Int = ResultStore.defaultMemoryLimit) {
        self.init(memoryLimit: memoryLimit)
        append(contentsOf: results)
    }

    public var count: Int { head.count + spilledCount }
    public var isEmpty: Bool { count == 0 }
    public var underestimatedCount: Int { count }

    /// Whether some results went to a temporary file.
    public var isSpilled: Bool { spill != nil }

    public mutating func append(_ item: AuditResult) {
        counts.add(item)
        guard spill != nil || head.count >= memoryLimit else {
            head.append(item)
            return
        }
        let log = ownLog()
        if spilledCount % stretchLength == 0 { stretchStarts.append(spilledLength) }
        spilledLength = log.append(item)
        spilledCount += 1
    }

    /// Counts a listed result kept elsewhere (written as JSON where it was judged, see
    /// `WrittenResults`): it adds to `counts`, not to the results.
    mutating func count(_ mark: ListedMark) {
        counts.add(mark)
    }

    /// Spilled results per stretch: enough for a core to render without asking for more often,
    /// few enough that the stretches in flight stay small in memory (about a megabyte of JSON).
    public static let defaultStretchLength = 2_048

    public mutating func append(contentsOf items: some Sequence<AuditResult>) {
        for item in items { append(item) }
    }

    /// The log to append to (`SpillFile.own`).
    private mutating func ownLog() -> SpillFile {
        SpillFile.own(&spill, holding: spilledLength)
    }

    /// A store of the same results, each passed through `transform` (marking waivers or a
    /// baseline in a report already built).
    public func rewritten(_ transform: (AuditResult) -> AuditResult) -> ResultStore {
        var result = ResultStore(memoryLimit: memoryLimit, stretchLength: stretchLength)
        for item in self { result.append(transform(item)) }
        result.inheritedFailure = inheritedFailure ?? spill?.readFailure
        return result
    }

    /// Throws if reading spilled results back failed during any iteration (the iteration then
    /// ended early); writers call this after the last pass, so a report is never cut short
    /// silently.
    public func checkReadBack() throws(ResultStoreError) {
        if let failure = inheritedFailure ?? spill?.readFailure { throw failure }
    }

    // MARK: Reading

    public func makeIterator() -> Iterator {
        Iterator(head: head, spill: spill.map { SpillReader(log: $0, start: 0, end: spilledLength) }, rule: nil)
    }

    /// The results of one rule (by index into `Report.rules`), in report order. Spilled results
    /// of other rules are skipped without being decoded.
    public func results(ofRule rule: Int) -> RuleResults {
        RuleResults(store: self, rule: rule)
    }

    /// The results kept in memory, which come first in report order.
    var inMemory: [AuditResult] { head }

    /// The spilled results, which follow `inMemory`, as stretches in report order. Each can be
    /// read back on any thread, independently of the others (`SpillStretch.reader`).
    var spilledStretches: [SpillStretch] {
        guard let spill else { return [] }
        return stretchStarts.indices.map { position in
            let end = position + 1 < stretchStarts.count ? stretchStarts[position + 1] : spilledLength
            return SpillStretch(log: spill, start: stretchStarts[position], end: end)
        }
    }

    public struct RuleResults: Sequence {
        let store: ResultStore
        let rule: Int

        public func makeIterator() -> Iterator {
            Iterator(head: store.head, spill: store.spill.map { SpillReader(log: $0, start: 0, end: store.spilledLength) }, rule: rule)
        }
    }

    public struct Iterator: IteratorProtocol {
        private let head: [AuditResult]
        private var position = 0
        private var spill: SpillReader?
        private let rule: Int?

        fileprivate init(head: [AuditResult], spill: SpillReader?, rule: Int?) {
            self.head = head
            self.spill = spill
            self.rule = rule
        }

        public mutating func next() -> AuditResult? {
            while position < head.count {
                let item = head[position]
                position += 1
                if rule == nil || item.ruleIndex == rule { return item }
            }
            return spill?.next(rule: rule)
        }
    }
}

/// A stretch of a spill log that holds whole records: what one core reads back and renders.
struct SpillStretch: Sendable {
    let log: SpillFile
    let start: Int
    let end: Int

    /// A reader of this stretch alone, with interning tables of its own: strings it returns share
    /// no storage with those of other threads, so cores never count references to the same text.
    func reader() -> SpillReader {
        SpillReader(log: log, start: start, end: end, tables: log.tables.detached())
    }
}

/// Reads a spill log's records back in order through a window of the log, so that memory stays
/// at one window however long the log is.
struct SpillReader {
    private let log: SpillFile
    private let end: Int
    private let tables: InternTables
    private var window: [UInt8] = []
    /// Where in the log `window` starts, and how far into it the next record is.
    private var windowStart = 0
    private var cursor = 0
    private var failed = false

    private static let windowSize = 1 << 18

    /// Reads the records from byte `start` (where a record begins) to `end`; `tables` are the
    /// log's tables, or a detached copy of them.
    init(log: SpillFile, start: Int, end: Int, tables: InternTables? = nil) {
        self.log = log
        self.end = end
        windowStart = start
        self.tables = tables ?? log.tables
    }

    /// The next record (of `rule`, when given); nil at the end, or after a failure, which the
    /// log then remembers for `ResultStore.checkReadBack`.
    mutating func next(rule: Int?) -> AuditResult? {
        do {
            while !failed, windowStart + cursor < end {
                let (bodyStart, bodyLength) = try nextRecord()
                cursor = bodyStart + bodyLength
                let found = try window.withUnsafeBytes { bytes throws(ResultStoreError) -> AuditResult? in
                    let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + bodyLength)])
                    var reader = ByteReader(body)
                    if let rule, try ResultCoding.peekRule(reader) != rule { return nil }
                    let item = try ResultCoding.decode(&reader, tables: tables)
                    guard reader.position == body.count else { throw .corrupt }
                    return item
                }
                if let found { return found }
            }
        } catch {
            failed = true
            log.noteReadFailure(error as? ResultStoreError ?? .corrupt)
        }
        return nil
    }

    /// The start and length (in `window`) of the next record's body, reading more of the log
    /// until the whole record is in the window.
    private mutating func nextRecord() throws -> (start: Int, length: Int) {
        while true {
            let header: (Int, Int)? = window.withUnsafeBytes { bytes in
                var reader = ByteReader(bytes, at: cursor)
                guard let length = try? reader.int(), length <= bytes.count - reader.position else { return nil }
                return (reader.position, length)
            }
            if let header { return header }
            try refill()
        }
    }

    /// Drops the records already read from the window and appends the next stretch of the log.
    private mutating func refill() throws {
        let logOffset = windowStart + window.count
        guard logOffset < end else { throw ResultStoreError.corrupt }
        window.removeSubrange(0..<cursor)
        windowStart += cursor
        cursor = 0
        let old = window.count
        // A whole window, or more when one record is longer; never past the end (a stretch
        // of a few results reads just those).
        let wanted = Swift.min(Swift.max(SpillReader.windowSize, old), end - logOffset)
        window.append(contentsOf: repeatElement(0, count: wanted))
        let copied = try window.withUnsafeMutableBytes { bytes in
            try log.read(from: logOffset, before: end, into: UnsafeMutableRawBufferPointer(rebasing: bytes[old...]))
        }
        window.removeLast(wanted - copied)
    }
}
