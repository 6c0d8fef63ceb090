import Foundation
import RuleDSL

/// The whole audit as a stream: files are read in order and cut into chunks; chunks are parsed,
/// validated and judged on every core at once; their results are merged back in input order,
/// so the report is the same, byte for byte, as a run on one core.
public struct AuditRun: Sendable {
    public var auditor: Auditor
    public var stream: InputStream
    /// Chunks in flight at once; bounds memory.
    public var parallelism: Int
    /// Makes a copy of `auditor` compiled apart: the same rules in the same order, but objects
    /// of their own. Chunks take turns at `auditor` and such copies, so chunks judged at the
    /// same time never share the compiled rules and decoding plans they read for every record:
    /// cores that count references to the same object take turns at its cache line, which cost
    /// about a third more CPU on two cores. Called only once an input fills a second chunk, so
    /// a small input pays nothing for it. Results do not depend on which copy judged a chunk;
    /// a copy with other rules, another date or another selection is not used.
    public var replicate: (@Sendable () -> Auditor)?
    /// When set, each core writes the results the report lists as JSON right after judging
    /// them, with a writer of its own made from this recipe, and the builder keeps the text
    /// (`WrittenResults`) instead of the results.
    var listedJSON: ListedJSONWriter.Recipe?

    public init(auditor: Auditor, stream: InputStream = InputStream(), parallelism: Int = AuditRun.defaultParallelism,
                replicate: (@Sendable () -> Auditor)? = nil) {
        self.auditor = auditor
        self.stream = stream
        self.parallelism = max(1, parallelism)
        self.replicate = replicate
    }

    public static var defaultParallelism: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// One record after its chunk was processed: who it is and what it adds (nil when rejected).
    struct Judged: Sendable {
        var identity: RecordIdentity?
        var diagnostics: [Diagnostic]
        var tally: RecordTally?
        /// Its listed results as JSON, and what the counts need of them, when they are written
        /// where they are judged: ranges of its chunk's `written` and `marks`.
        var written: Range<Int> = 0..<0
        var marks: Range<Int> = 0..<0
    }

    /// A chunk's records once processed, and the text of their listed results when a core
    /// writes them (one buffer for the chunk, not one per record).
    struct JudgedChunk: Sendable {
        var records: [Judged] = []
        var written = WrittenText(OutputBuffer(capacity: 0))
        var marks: [ListedMark] = []
    }

    /// Reads, checks and judges everything below `paths` into `builder`; `progress` is called
    /// after each merged chunk with the number of records read so far.
    public func run(paths: [String], into builder: inout ReportBuilder, progress: (Int) -> Void = { _ in }) async {
        var registry = CaseRegistry()
        var merged = 0
        var nextToMerge = 0
        var submitted = 0
        var ready: [Int: JudgedChunk] = [:]
        // Clean cases are built only as far as the chosen rules and the input checks read them.
        let limits = stream.limits
        let listedJSON = builder.writesJSON ? listedJSON : nil
        func kit(_ auditor: Auditor) -> Kit {
            Kit(reader: RecordReader(limits: limits, building: CaseReads.selection(for: auditor.rules)), auditor: auditor,
                writer: listedJSON?.make())
        }
        var kits = [kit(auditor)]
        let ruleIDs = auditor.rules.map(\.rule.id)
        let context = builder.context

        // Each record's parts are moved out of the chunk, not copied: a copy counted a
        // reference to every string and list a record's tally holds, and freeing the chunk
        // counted them all down again.
        // The registry comes in as a parameter, not captured: a captured variable is checked for
        // exclusive access at run time at every use, here once for every record.
        func merge(_ chunk: consuming JudgedChunk, into builder: inout ReportBuilder, registry: inout CaseRegistry) {
            // The written results of the records taken so far and not yet handed on: handed
            // on in one piece when a record is turned away, and at the end of the chunk.
            var writtenRun = WrittenRun()
            for index in chunk.records.indices {
                var diagnostics: [Diagnostic] = []
                swap(&diagnostics, &chunk.records[index].diagnostics)
                guard let identity = chunk.records[index].identity.take(), let tally = chunk.records[index].tally.take() else {
                    builder.add(rejected: diagnostics)
                    continue
                }
                if let duplicate = registry.register(identity) {
                    // A record turned away lists nothing: what was written of it is skipped.
                    writtenRun.handOn(chunk, to: &builder)
                    if !chunk.records[index].written.isEmpty {
                        writtenRun.skip(to: chunk.records[index])
                    }
                    builder.add(rejected: diagnostics + [duplicate])
                    continue
                }
                builder.add(tally, diagnostics: diagnostics)
                if !chunk.records[index].written.isEmpty {
                    writtenRun.extend(to: chunk.records[index])
                }
            }
            writtenRun.handOn(chunk, to: &builder)
            merged += chunk.records.count
            progress(merged)
        }

        let fileProblems = await withTaskGroup(of: (Int, JudgedChunk).self, returning: [Diagnostic].self) { group in
            let problems = await stream.read(paths: paths) { chunk in
                let index = submitted
                submitted += 1
                // Up to `parallelism + 1` chunks are in flight: one copy each.
                if index == 1, let replicate {
                    for _ in 0..<parallelism {
                        let copy = replicate()
                        if copy.rules.map(\.rule.id) == ruleIDs, copy.asOf == auditor.asOf, copy.selection == auditor.selection {
                            kits.append(kit(copy))
                        }
                    }
                }
                let kit = kits[index % kits.count]
                group.addTask { (index, AuditRun.process(chunk, kit: kit, context: context)) }
                // Keep at most `parallelism` chunks in flight, merging finished ones in order.
                while submitted - nextToMerge > parallelism, let (done, judged) = await group.next() {
                    ready[done] = judged
                    while let chunk = ready.removeValue(forKey: nextToMerge) {
                        merge(chunk, into: &builder, registry: &registry)
                        nextToMerge += 1
                    }
                }
            }
            while let (done, judged) = await group.next() {
                ready[done] = judged
                while let chunk = ready.removeValue(forKey: nextToMerge) {
                    merge(chunk, into: &builder, registry: &registry)
                    nextToMerge += 1
                }
            }
            return problems
        }
        builder.add(fileProblems)
        builder.add(registry.warnings)
    }

    /// The written results of consecutive records of a chunk not yet handed on to the report,
    /// as ranges of the chunk's text and marks.
    struct WrittenRun {
        var text = 0..<0
        var marks = 0..<0

        /// Takes in `record`'s written results, which follow the run's.
        mutating func extend(to record: borrowing Judged) {
            text = text.lowerBound..<record.written.upperBound
            marks = marks.lowerBound..<record.marks.upperBound
        }

        /// Starts again after `record`, whose written results are left out.
        mutating func skip(to record: borrowing Judged) {
            text = record.written.upperBound..<record.written.upperBound
            marks = record.marks.upperBound..<record.marks.upperBound
        }

        /// Hands the run on to `builder` in one piece and starts again where it ended.
        mutating func handOn(_ chunk: borrowing JudgedChunk, to builder: inout ReportBuilder) {
            chunk.written.withBytes(in: text) { builder.add(written: $0, marks: chunk.marks[marks]) }
            text = text.upperBound..<text.upperBound
            marks = marks.upperBound..<marks.upperBound
        }
    }

    /// What a chunk is processed with: one per chunk in flight (see `replicate`).
    struct Kit: Sendable {
        var reader: RecordReader
        var auditor: Auditor
        var writer: ListedJSONWriter?
    }

    /// Parses, validates and judges one chunk (runs on any core).
    static func process(_ chunk: [PendingInput], kit: Kit, context: TallyContext) -> JudgedChunk {
        var judged: [Judged] = []
        judged.reserveCapacity(chunk.count)
        let auditor = kit.auditor
        // The chunk's listed results as JSON, when this core writes them: room for about a
        // result for every record (a few hundred bytes, or none, are usual), so that the
        // buffer is seldom grown and every chunk's is the same size, which the allocator then
        // reuses instead of keeping blocks of many sizes. Room never written costs no memory.
        var out = PrettyJSONWriter(level: 2, capacity: kit.writer == nil ? 0 : 1_024 * chunk.count)
        var marks: [ListedMark] = []
        // By index: a loop over the chunk copied each input out (a reference counted for its
        // bytes and its file name).
        for index in chunk.indices {
            kit.reader.read(chunk[index]) { result in
                // Taken apart, not copied out of: a copy of the record counted a reference to
                // each of its parts, and freeing the result counted them down again.
                let (record, readDiagnostics) = result.parts()
                guard let record else {
                    judged.append(Judged(identity: nil, diagnostics: readDiagnostics, tally: nil))
                    return
                }
                let problems = ConsistencyChecks.recordProblems(record, asOf: auditor.asOf)
                let diagnostics = readDiagnostics.appending(problems)
                if problems.contains(where: \.isError) {
                    judged.append(Judged(identity: nil, diagnostics: diagnostics, tally: nil))
                    return
                }
                var tally = auditor.tally(record, context: context)
                guard let writer = kit.writer, !tally.kept.isEmpty else {
                    judged.append(Judged(identity: record.identity, diagnostics: diagnostics, tally: consume tally))
                    return
                }
                let textStart = out.count
                let marksStart = marks.count
                // Read where they lie: a loop over the results copied each one out, counting a
                // reference to each of its texts and lists, and so did the array's subscript
                // (twice a result); a buffer's subscript lends the element in place.
                var kept: [AuditResult] = []
                swap(&kept, &tally.kept)
                kept.withUnsafeBufferPointer { results in
                    for index in results.indices {
                        writer.write(results[index], into: &out)
                        marks.append(ListedMark(results[index]))
                    }
                }
                judged.append(Judged(identity: record.identity, diagnostics: diagnostics, tally: consume tally,
                                     written: textStart..<out.count, marks: marksStart..<marks.count))
            }
        }
        return JudgedChunk(records: judged, written: WrittenText(out.finish()), marks: marks)
    }

    /// A chunk's listed results as JSON, handed from the core that wrote them to the merge in
    /// the buffer they were written into: copied into an array of their own (a few hundred
    /// kilobytes a chunk), they took back in CPU time what the buffer's appends saved.
    final class WrittenText: @unchecked Sendable {
        // Unchecked: the bytes are written before the chunk is handed on and only read after.
        private let bytes: OutputBuffer

        init(_ bytes: consuming OutputBuffer) { self.bytes = bytes }

        /// `body` applied to the bytes in `range`, where they lie.
        func withBytes<Result>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            bytes.withBytes { all in body(UnsafeBufferPointer(rebasing: all[range])) }
        }
    }
}

extension RecordResult {
    /// The record and the diagnostics, handed over whole.
    consuming func parts() -> (record: InputRecord?, diagnostics: [Diagnostic]) {
        (record, diagnostics)
    }
}
