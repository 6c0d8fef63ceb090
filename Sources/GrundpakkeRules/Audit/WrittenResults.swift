/// The listed results of a report already written as the items of the JSON report's `results`
/// list, each after its separator (`",\n    "`), in report order: what an audit keeps instead of
/// the results themselves when it is known that the report will be JSON (see
/// `AuditRequest.listedJSON`). Every core writes the results it judges, so the text is made
/// where the work is spread, and nothing is encoded, read back and decoded again to be written
/// once the audit is over.
///
/// The first `memoryLimit` bytes stay in memory, the rest go to an anonymous temporary file
/// (`SpillFile`), so memory does not grow with the number of records. A value: a copy sees the
/// text it had when copied.
public struct WrittenResults: Sendable {
    /// Bytes kept in memory for each result `ResultStore` would keep there (a written result
    /// is usually under a kilobyte): an audit's `resultMemoryLimit` bounds both alike.
    public static let bytesPerResult = 1_024

    /// As much text as `ResultStore` keeps results in memory, about four megabytes.
    public static let defaultMemoryLimit = ResultStore.defaultMemoryLimit * bytesPerResult

    public let memoryLimit: Int
    private var head: [UInt8] = []
    private var spill: SpillFile?
    /// How much of `spill` this value holds (copies may have appended more to it).
    private var spilledLength = 0

    public init(memoryLimit: Int = WrittenResults.defaultMemoryLimit) {
        self.memoryLimit = max(0, memoryLimit)
    }

    /// Room in memory for about `results` results (`bytesPerResult` each; `Int.max` for no bound).
    init(results: Int) {
        let (bytes, overflow) = max(0, results).multipliedReportingOverflow(by: WrittenResults.bytesPerResult)
        self.init(memoryLimit: overflow ? .max : bytes)
    }

    public var isEmpty: Bool { head.isEmpty && spilledLength == 0 }

    /// Whether some of the text went to a temporary file.
    public var isSpilled: Bool { spill != nil }

    /// Appends results written by `ListedJSONWriter`.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return }
        guard spill != nil || head.count + text.count > memoryLimit else {
            head.append(contentsOf: text)
            return
        }
        spilledLength = ownLog().append(raw: text)
    }

    /// The log to append to (`SpillFile.own`).
    private mutating func ownLog() -> SpillFile {
        SpillFile.own(&spill, holding: spilledLength)
    }

    /// The text written to `sink`, the part in the temporary file copied there by the system
    /// where the sink can (`ReportSink.copy`); `first` is written instead of the text's first
    /// byte (the first result opens the list with "[" where the others have ","). Throws what
    /// the sink throws, and `ResultStoreError` when the temporary file cannot be read back.
    func write(to sink: inout some ReportSink, first: UInt8) throws {
        var skip = 1
        if !head.isEmpty {
            try sink.write(utf8: [first] + head.dropFirst())
            skip = 0
        }
        guard let spill, spilledLength > skip else { return }
        if skip == 1 { try sink.write(utf8: [first]) }
        let copied = try spill.withFile(holding: spilledLength) { descriptor in
            try sink.copy(from: descriptor, offset: skip, count: spilledLength - skip)
        }
        guard copied != true else { return }
        var isFirst = true
        try forEachSpilledBlock { block in
            try sink.write(utf8: isFirst && skip == 1 ? Array(block.dropFirst()) : block)
            isFirst = false
        }
    }

    /// The text in order, a block of up to `blockSize` bytes at a time (the first block may be
    /// the part in memory, whatever its size). Throws `ResultStoreError` when the temporary file
    /// cannot be read back: the report would be short of results.
    func forEachBlock(blockSize: Int = 1 << 20, _ body: ([UInt8]) throws -> Void) throws {
        if !head.isEmpty { try body(head) }
        try forEachSpilledBlock(blockSize: blockSize, body)
    }

    /// The part in the temporary file, read back a block at a time.
    private func forEachSpilledBlock(blockSize: Int = 1 << 20, _ body: ([UInt8]) throws -> Void) throws {
        guard let spill else { return }
        var offset = 0
        var block = [UInt8](repeating: 0, count: blockSize)
        while offset < spilledLength {
            let count = try block.withUnsafeMutableBytes { buffer throws(ResultStoreError) in
                try spill.read(from: offset, before: spilledLength, into: buffer)
            }
            guard count > 0 else { throw ResultStoreError.corrupt }
            try body(count == block.count ? block : Array(block[0..<count]))
            offset += count
        }
    }
}
