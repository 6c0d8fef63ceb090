import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// A report whose results went to a temporary file must print byte for byte what the same
/// report held in memory prints, in every format and with every option; and the CLI's
/// streaming path must give what `render` gives.
@Suite struct SpilledReportTests {
    /// The report with its results re-stored so that all but the first `limit` are spilled.
    static func spilled(_ report: Report, limit: Int = 3) -> Report {
        var copy = report
        copy.results = ResultStore(report.results, memoryLimit: limit)
        return copy
    }

    static let reports: [(String, Report)] = [
        ("sample", SampleAuditTests.report),
        ("decorated", DocumentFixtures.decorated),
        ("hostile", CIReportFixtures.hostile),
    ]

    static let optionSets: [ReportOptions] = [
        ReportOptions(),
        ReportOptions(language: .en, results: .findings, explain: true),
        ReportOptions(results: .none),
        ReportOptions(language: .en, results: .all, explain: true, csvSeparator: ","),
    ]

    @Test(arguments: ReportFormat.allCases)
    func spilledResultsPrintTheSameBytes(_ format: ReportFormat) throws {
        for (name, report) in Self.reports {
            let spilled = Self.spilled(report)
            #expect(spilled.results.isSpilled)
            #expect(spilled.results.count == report.results.count)
            for options in Self.optionSets {
                let expected = format.render(report, options: options)
                let actual = format.render(spilled, options: options)
                #expect(actual == expected, "\(format) of \(name) with \(options.results)")
                var sink = StringSink()
                try format.write(spilled, options: options, to: &sink)
                #expect(sink.text == expected, "\(format) of \(name) written")
            }
        }
    }

    @Test func everyResultSpilledPrintsTheSameBytesToo() {
        let report = SampleAuditTests.report
        let spilled = Self.spilled(report, limit: 0)
        for format in ReportFormat.allCases {
            #expect(format.render(spilled, options: ReportOptions()) == format.render(report, options: ReportOptions()))
        }
    }

    /// The whole audit with a bound of two results in memory, waivers and a baseline included.
    @Test func anAuditThatSpillsGivesTheSameReport() async throws {
        let samples = StreamingAuditTests.samples
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let waivers = try WaiverBaselineTests.waiverFile(WaiverBaselineTests.waivers)
        defer { try? FileManager.default.removeItem(atPath: waivers) }
        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: baseline) }
        let before = await BundledPack.loaded.audit(AuditRequest(paths: [samples], asOf: asOf, selection: .findings), toolVersion: "test")
        try Data(JSONReporter(results: .findings).render(before).utf8).write(to: baseline)

        for selection in ResultSelection.allCases {
            func request(limit: Int) -> AuditRequest {
                AuditRequest(paths: [samples], asOf: asOf, selection: selection, waiversFile: waivers, baselineFile: baseline.path, resultMemoryLimit: limit)
            }
            let inMemory = await BundledPack.loaded.audit(request(limit: .max), toolVersion: "test")
            let spilled = await BundledPack.loaded.audit(request(limit: 2), toolVersion: "test")
            let inMemoryIsSpilled = inMemory.results.isSpilled
            let spilledIsSpilled = spilled.results.isSpilled
            #expect(!inMemoryIsSpilled)
            #expect(spilledIsSpilled == (inMemory.results.count > 2))
            for format in ReportFormat.allCases {
                let options = ReportOptions(results: selection, explain: true)
                #expect(format.render(spilled, options: options) == format.render(inMemory, options: options), "\(format), \(selection)")
            }
        }
    }

    @Test func theFileSinkWritesWhatRenderGives() throws {
        let report = Self.spilled(SampleAuditTests.report)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ReportFormat.allCases {
            let path = directory.appendingPathComponent("report.\(format.rawValue)").path
            let sink = try ReportFileSink(path: path)
            var writer = sink
            try format.write(report, options: ReportOptions(), to: &writer)
            try sink.commit()
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(written == Data(format.render(report, options: ReportOptions()).utf8))
        }
    }
}

/// Writing a report to a file: the file appears whole or not at all.
@Suite struct ReportFileSinkTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func nothingAppearsWithoutCommit() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        do {
            let sink = try ReportFileSink(path: path)
            try sink.write(String(repeating: "x", count: 200_000))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    /// Blocks larger than the buffer go to the file directly; what was buffered before them
    /// must still come first.
    @Test func smallAndLargeBlocksKeepTheirOrder() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.json").path
        let blocks: [[UInt8]] = [
            Array("head,".utf8), Array(repeating: UInt8(ascii: "a"), count: 70_000), Array("middle,".utf8),
            Array(repeating: UInt8(ascii: "b"), count: 65_536), Array(repeating: UInt8(ascii: "c"), count: 65_535),
            Array(repeating: UInt8(ascii: "d"), count: 200_000), Array("tail".utf8),
        ]
        let sink = try ReportFileSink(path: path)
        for block in blocks { try sink.write(utf8: block) }
        try sink.commit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(blocks.joined()))
    }

    @Test func replacingAFileKeepsItsPermissions() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("report.txt").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let sink = try ReportFileSink(path: path)
        try sink.write("new")
        try sink.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.txt"])
    }

    /// A pipe (like a device) is written in place, not replaced by a file.
    @Test func aPipeIsWrittenInPlace() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let sink = try ReportFileSink(path: path)
        try sink.write("through the pipe\n")
        try sink.commit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count == 17)
        #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe\n")
        var attributes = stat()
        #expect(stat(path, &attributes) == 0)
        #expect((attributes.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aMissingDirectoryIsAnError() throws {
        #expect(throws: ReportWriteError.self) {
            _ = try ReportFileSink(path: "/nonexistent-\(UUID().uuidString)/report.json")
        }
    }
}

/// The JSON report writes its results without building a `JSONValue` per result; what it writes
/// must stay exactly the document the report describes.
@Suite struct JSONReportWriterTests {
    @Test(arguments: Language.allCases)
    func writtenReportIsTheDocument(_ language: Language) {
        for (name, report) in SpilledReportTests.reports {
            for selection in ResultSelection.allCases {
                let reporter = JSONReporter(language: language, results: selection)
                #expect(reporter.render(report) == reporter.document(report).pretty, "\(name), \(selection)")
            }
        }
    }
}
