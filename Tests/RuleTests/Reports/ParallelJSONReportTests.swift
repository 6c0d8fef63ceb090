import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The JSON report with its spilled results rendered on several cores, a stretch per task, must
/// be the bytes of the report written on one thread, whatever the stretches hold.
@Suite struct ParallelJSONReportTests {
    /// The report with all but `limit` results spilled, in stretches of `stretch` results.
    static func spilled(_ report: Report, limit: Int, stretch: Int) -> Report {
        var copy = report
        copy.results = ResultStore(memoryLimit: limit, stretchLength: stretch)
        copy.results.append(contentsOf: report.results)
        return copy
    }

    static func written(_ report: Report, options: ReportOptions, parallelism: Int) async throws -> String {
        var sink = StringSink()
        try await ReportFormat.json.write(report, options: options, to: &sink, parallelism: parallelism)
        return sink.text
    }

    @Test(arguments: [(3, 2), (0, 1), (1, 5), (0, 1000)])
    func manyStretchesPrintTheBytesOfOneThread(_ limit: Int, _ stretch: Int) async throws {
        for (name, report) in SpilledReportTests.reports {
            let spilled = Self.spilled(report, limit: limit, stretch: stretch)
            for options in SpilledReportTests.optionSets {
                let expected = ReportFormat.json.render(report, options: options)
                for parallelism in [2, 4] {
                    let actual = try await Self.written(spilled, options: options, parallelism: parallelism)
                    #expect(actual == expected, "\(name), \(options.results), limit \(limit), stretch \(stretch), \(parallelism) cores")
                }
            }
        }
    }

    @Test func theSampleReportIsCutIntoStretches() {
        let report = Self.spilled(SampleAuditTests.report, limit: 3, stretch: 2)
        let spilledCount = report.results.count - 3
        #expect(spilledCount > 4)
        #expect(report.results.spilledStretches.count == (spilledCount + 1) / 2)
    }

    /// Stretches read apart give every spilled result once, in order, whatever copy of the
    /// store they come from (a copy that appended after another copy has a log of its own).
    @Test func stretchesTogetherAreTheSpilledResultsInOrder() {
        var store = ResultStore(memoryLimit: 5, stretchLength: 3)
        store.append(contentsOf: (0..<40).map { ResultStoreTests.result($0) })
        var copy = store
        store.append(ResultStoreTests.result(100))
        copy.append(ResultStoreTests.result(200))
        for (label, current) in [("original", store), ("copy", copy)] {
            var fromStretches: [String] = []
            for stretch in current.spilledStretches {
                var reader = stretch.reader()
                while let item = reader.next(rule: nil) { fromStretches.append(ResultStoreTests.fingerprint(item)) }
            }
            let expected = Array(current).dropFirst(current.inMemory.count).map(ResultStoreTests.fingerprint)
            #expect(fromStretches == expected, "\(label)")
            #expect(fromStretches.count == 36)
        }
    }

    @Test func otherFormatsAreWrittenAsBefore() async throws {
        let report = Self.spilled(SampleAuditTests.report, limit: 0, stretch: 1)
        for format in ReportFormat.allCases {
            var sink = StringSink()
            try await format.write(report, options: ReportOptions(), to: &sink, parallelism: 2)
            #expect(sink.text == format.render(SampleAuditTests.report, options: ReportOptions()), "\(format)")
        }
    }

    @Test(arguments: ["", "kc-1", "a text long enough to live in storage of its own, æøå ÆØÅ 🙂"])
    func detachedTextIsEqualInStorageOfItsOwn(_ text: String) {
        var original = text
        var copy = text.detached
        #expect(copy == original)
        guard text.utf8.count > 15 else { return }
        let shared = original.withUTF8 { mine in copy.withUTF8 { theirs in mine.baseAddress == theirs.baseAddress } }
        #expect(!shared)
    }

    @Test func detachedTablesHoldTheSameValuesUnderTheSameNumbers() throws {
        var tables = InternTables()
        let texts = ["kc-aarhus", "/exports/2025/cases.jsonl", "notices.payment_contact.date"]
        for text in texts { _ = tables.strings.number(of: text) }
        let reference = LegalReference(law: "Serviceloven", provision: "§ 109, stk. 1", validFrom: ResultStoreTests.date)
        _ = tables.citations.number(of: reference)
        let copy = tables.detached()
        for (number, text) in texts.enumerated() { #expect(try copy.strings.value(number) == text) }
        #expect(try copy.citations.value(0) == reference)
    }
}
