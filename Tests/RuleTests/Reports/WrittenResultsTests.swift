import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// Listed results written as JSON on the core that judged them (`AuditRequest.listedJSON`) must
/// give the JSON report, byte for byte, that the results kept and written at the end give:
/// whatever is listed, in either language, in memory or spilled, with waivers and a baseline,
/// written on one core or several, and with a duplicate case whose results are dropped.
@Suite struct WrittenResultsTests {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)

    /// The sample cases, then one case of them again: the copy is rejected as a duplicate, and
    /// whatever it would have listed must not appear.
    static func samplesWithADuplicate() throws -> (paths: [String], cleanup: () -> Void) {
        let jsonLines = (StreamingAuditTests.samples as NSString).appendingPathComponent("cases/kc-vestkyst-2025.jsonl")
        let text = try String(contentsOfFile: jsonLines, encoding: .utf8)
        let firstLine = try #require(text.split(separator: "\n").first)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("written-duplicate-\(UUID().uuidString).jsonl")
        try Data((firstLine + "\n").utf8).write(to: copy)
        return ([StreamingAuditTests.samples, copy.path], { try? FileManager.default.removeItem(at: copy) })
    }

    @Test func theJSONReportIsTheSameWhereverResultsAreWritten() async throws {
        let asOf = try #require(Self.asOf)
        let (paths, cleanup) = try Self.samplesWithADuplicate()
        defer { cleanup() }
        let waivers = try WaiverBaselineTests.waiverFile(WaiverBaselineTests.waivers)
        defer { try? FileManager.default.removeItem(atPath: waivers) }
        let baseline = FileManager.default.temporaryDirectory.appendingPathComponent("written-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: baseline) }
        let before = await BundledPack.loaded.audit(AuditRequest(paths: paths, asOf: asOf, selection: .findings), toolVersion: "test")
        try Data(JSONReporter(results: .findings).render(before).utf8).write(to: baseline)

        for selection in ResultSelection.allCases {
            for language in [Language.da, .en] {
                for limit in [Int.max, 2] {
                    func request(listedJSON: Language?) -> AuditRequest {
                        AuditRequest(paths: paths, asOf: asOf, selection: selection, waiversFile: waivers, baselineFile: baseline.path,
                                     resultMemoryLimit: limit, listedJSON: listedJSON)
                    }
                    let kept = await BundledPack.loaded.audit(request(listedJSON: nil), toolVersion: "test")
                    let written = await BundledPack.loaded.audit(request(listedJSON: language), toolVersion: "test")
                    let label = "\(selection), \(language), limit \(limit)"
                    #expect(kept.recordsRejected == 1, "the duplicate is rejected")
                    #expect(kept.writtenResults == nil)
                    let text = try #require(written.writtenResults, "\(label)")
                    #expect(written.results.isEmpty, "\(label)")
                    #expect(text.isEmpty == kept.results.isEmpty, "\(label)")
                    #expect(text.isSpilled == (limit == 2 && !kept.results.isEmpty), "\(label)")
                    #expect(written.results.counts == kept.results.counts, "\(label)")

                    let options = ReportOptions(language: language, results: selection)
                    let expected = ReportFormat.json.render(kept, options: options)
                    #expect(ReportFormat.json.render(written, options: options) == expected, "\(label)")
                    var sink = StringSink()
                    try await ReportFormat.json.write(written, options: options, to: &sink, parallelism: 2)
                    #expect(sink.text == expected, "\(label), several cores")
                }
            }
        }
    }

    @Test(arguments: [(1, 1), (7, 4), (2048, 2)])
    func streamingInAnyChunksWritesTheSameReport(_ chunkSize: Int, _ parallelism: Int) async throws {
        let asOf = try #require(Self.asOf)
        let (paths, cleanup) = try Self.samplesWithADuplicate()
        defer { cleanup() }
        let auditor = Auditor(rules: BundledPack.loaded.rules, asOf: asOf, selection: .all)
        func report(writing: Bool) async -> Report {
            var builder = ReportBuilder(rules: auditor.rules.map(\.rule), asOf: asOf, selection: .all,
                                        written: writing ? WrittenResults(memoryLimit: 5_000) : nil)
            var run = AuditRun(auditor: auditor, stream: InputStream(chunkSize: chunkSize, blockSize: 4096), parallelism: parallelism)
            run.listedJSON = ListedJSONWriter.Recipe(language: .da, rules: auditor.rules.map(\.rule), asOf: asOf)
            await run.run(paths: paths, into: &builder)
            return builder.finish(toolVersion: "test", packName: "grundpakke", packVersion: "x")
        }
        let kept = await report(writing: false)
        let written = await report(writing: true)
        #expect(kept.writtenResults == nil, "a builder without a place for written results keeps the results")
        #expect(written.writtenResults?.isSpilled == true)
        #expect(JSONReporter().render(written) == JSONReporter().render(kept))
    }

    @Test(arguments: ReportFormat.allCases.filter { $0 != .json })
    func otherFormatsRefuseAReportWrittenAsJSON(_ format: ReportFormat) async throws {
        let asOf = try #require(Self.asOf)
        let request = AuditRequest(paths: [StreamingAuditTests.samples], asOf: asOf, selection: .findings, listedJSON: .da)
        let report = await BundledPack.loaded.audit(request, toolVersion: "test")
        var sink = StringSink()
        #expect(throws: ReportWrittenAsJSON.self) { try format.write(report, options: ReportOptions(), to: &sink) }
        #expect(sink.text.isEmpty, "nothing is written before the refusal")
    }

    /// Text past the memory limit goes to the temporary file and comes back whole and in order,
    /// and a copy keeps the text it had when copied.
    @Test func textComesBackInOrderAndCopiesKeepTheirOwn() throws {
        var original = WrittenResults(memoryLimit: 10)
        let pieces: [[UInt8]] = (0..<50).map { Array(",\n    {\"n\": \($0)}".utf8) }
        for piece in pieces.prefix(30) { original.append(piece[...]) }
        var copy = original
        for piece in pieces.suffix(20) { original.append(piece[...]) }
        copy.append(Array("!".utf8)[...])
        #expect(original.isSpilled && copy.isSpilled)

        func text(_ written: WrittenResults, blockSize: Int) throws -> [UInt8] {
            var all: [UInt8] = []
            try written.forEachBlock(blockSize: blockSize) { all += $0 }
            return all
        }
        for blockSize in [1, 7, 1 << 20] {
            #expect(try text(original, blockSize: blockSize) == Array(pieces.joined()))
            #expect(try text(copy, blockSize: blockSize) == Array(pieces.prefix(30).joined()) + Array("!".utf8))
        }
        var inMemory = WrittenResults(results: .max)
        for piece in pieces { inMemory.append(piece[...]) }
        #expect(!inMemory.isSpilled)
        #expect(try text(inMemory, blockSize: 3) == Array(pieces.joined()))
        #expect(WrittenResults().isEmpty)
    }

    /// Written to a report, the text opens with the byte asked for, whether its first part is
    /// in memory or in the temporary file, and whether the file sink copies the spilled part
    /// in the kernel or a string sink is given it block by block.
    @Test(arguments: [0, 1, 10, 1 << 20])
    func textWrittenToAFileOrAStringIsTheSame(_ memoryLimit: Int) throws {
        let pieces: [[UInt8]] = (0..<40).map { Array(",\n    {\"n\": \($0), \"ø\": \"æ\"}".utf8) }
        var written = WrittenResults(memoryLimit: memoryLimit)
        for piece in pieces { written.append(piece[...]) }
        #expect(written.isSpilled == (memoryLimit < 1 << 20))
        let text = Array(pieces.joined())
        for first in [UInt8(ascii: "["), UInt8(ascii: ",")] {
            let expected = [first] + text.dropFirst()
            var string = StringSink()
            try written.write(to: &string, first: first)
            #expect(Array(string.text.utf8) == expected, "string sink, limit \(memoryLimit)")

            let path = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).json").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            var file = try ReportFileSink(path: path)
            try file.write("head ")
            try written.write(to: &file, first: first)
            try file.write(" tail")
            try file.commit()
            let onDisk = try #require(FileManager.default.contents(atPath: path))
            #expect(Array(onDisk) == Array("head ".utf8) + expected + Array(" tail".utf8), "file sink, limit \(memoryLimit)")
        }
    }

    @Test func aFileSinkCopiesFromAnotherFileInTheKernel() throws {
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("copy-source-\(UUID().uuidString)").path
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("copy-target-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: source)
            try? FileManager.default.removeItem(atPath: target)
        }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        let descriptor = open(source, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        let sink = try ReportFileSink(path: target)
        try sink.write("<")
        #expect(try sink.copy(from: descriptor, offset: 5, count: 250_000))
        try sink.write(">")
        try sink.commit()
        let onDisk = try #require(FileManager.default.contents(atPath: target))
        #expect(Array(onDisk) == Array("<".utf8) + Array(bytes[5..<250_005]) + Array(">".utf8))
    }
}

extension WrittenResults {
    /// `append` of text in an array, as the tests hold their pieces.
    mutating func append(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { append($0) }
    }
}
