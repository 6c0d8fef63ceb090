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
    }

    /// Reads, checks and judges everything below `paths` into `builder`; `progress` is called
    /// after each merged chunk with the number of records read so far.
    public func run(paths: [String], into builder: inout ReportBuilder, progress: (Int) -> Void = { _ in }) async {
        var registry = CaseRegistry()
        var merged = 0
        var nextToMerge = 0
        var submitted = 0
        var ready: [Int: [Judged]] = [:]
        // Clean cases are built only as far as the chosen rules and the input checks read them.
        let limits = stream.limits
        func kit(_ auditor: Auditor) -> (reader: RecordReader, auditor: Auditor) {
            (RecordReader(limits: limits, building: CaseReads.selection(for: auditor.rules)), auditor)
        }
        var kits = [kit(auditor)]
        let ruleIDs = auditor.rules.map(\.rule.id)
        let context = builder.context

        // Each record's parts are moved out of the chunk, not copied: a copy counted a
        // reference to every string and list a record's tally holds, and freeing the chunk
        // counted them all down again.
        func merge(_ chunk: consuming [Judged], into builder: inout ReportBuilder) {
            for index in chunk.indices {
                var diagnostics: [Diagnostic] = []
                swap(&diagnostics, &chunk[index].diagnostics)
                guard let identity = chunk[index].identity.take(), let tally = chunk[index].tally.take() else {
                    builder.add(rejected: diagnostics)
                    continue
                }
                if let duplicate = registry.register(identity) {
                    builder.add(rejected: diagnostics + [duplicate])
                    continue
                }
                builder.add(tally, diagnostics: diagnostics)
            }
            merged += chunk.count
            progress(merged)
        }

        let fileProblems = await withTaskGroup(of: (Int, [Judged]).self, returning: [Diagnostic].self) { group in
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
                group.addTask { (index, AuditRun.process(chunk, reader: kit.reader, auditor: kit.auditor, context: context)) }
                // Keep at most `parallelism` chunks in flight, merging finished ones in order.
                while submitted - nextToMerge > parallelism, let (done, judged) = await group.next() {
                    ready[done] = judged
                    while let chunk = ready.removeValue(forKey: nextToMerge) {
                        merge(chunk, into: &builder)
                        nextToMerge += 1
                    }
                }
            }
            while let (done, judged) = await group.next() {
                ready[done] = judged
                while let chunk = ready.removeValue(forKey: nextToMerge) {
                    merge(chunk, into: &builder)
                    nextToMerge += 1
                }
            }
            return problems
        }
        builder.add(fileProblems)
        builder.add(registry.warnings)
    }

    /// Parses, validates and judges one chunk (runs on any core).
    static func process(_ chunk: [PendingInput], reader: RecordReader, auditor: Auditor, context: TallyContext) -> [Judged] {
        var judged: [Judged] = []
        judged.reserveCapacity(chunk.count)
        for item in chunk {
            reader.read(item) { result in
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
                let tally = auditor.tally(record, context: context)
                judged.append(Judged(identity: record.identity, diagnostics: diagnostics, tally: tally))
            }
        }
        return judged
    }
}

extension RecordResult {
    /// The record and the diagnostics, handed over whole.
    consuming func parts() -> (record: InputRecord?, diagnostics: [Diagnostic]) {
        (record, diagnostics)
    }
}
