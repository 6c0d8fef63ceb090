import GrundpakkeRules
import RuleDSL

/// The report of a whole-pack audit of the evaluation workload's cases with `--results
/// findings`, built once: what writing the JSON report costs, apart from the audit. Most of its
/// results are spilled to the store's temporary file, as in a large audit, so writing reads them
/// back too.
struct ReportWorkload: Sendable {
    static let shared = ReportWorkload()

    let report: Report

    init() {
        var batch = InputBatch()
        InputReader().read(bytes: EvaluationWorkload.shared.text, file: "cases.jsonl", format: .jsonLines, into: &batch)
        let auditor = Auditor(rules: Fixture.rules(.wholePack), asOf: Fixture.asOf, selection: .findings)
        report = auditor.audit(batch, toolVersion: "benchmark", pack: Fixture.pack.pack)
        precondition(report.results.count > ResultStore.defaultMemoryLimit,
                     "expected more listed results than the store keeps in memory, found \(report.results.count)")
    }

    /// One JSON report written on one core; the number of bytes written.
    func written() -> Int {
        var sink = CountingSink()
        do {
            try JSONReporter(results: .findings).write(report, to: &sink)
        } catch {
            preconditionFailure("writing the report failed: \(error)")
        }
        return sink.count
    }
}

/// A report sink that keeps nothing but the number of bytes it was given.
struct CountingSink: ReportSink {
    private(set) var count = 0

    mutating func write(_ text: String) { count += text.utf8.count }

    mutating func write(utf8 bytes: [UInt8]) { count += bytes.count }
}
