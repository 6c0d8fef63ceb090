import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The streaming, parallel audit must give exactly what the simple in-memory one gives,
/// whatever the chunk size and the number of chunks in flight.
@Suite struct StreamingAuditTests {
    static let samples = (SampleAuditTests.root as NSString).appendingPathComponent("sample-cases")

    static func streamed(paths: [String], chunkSize: Int, parallelism: Int, selection: ResultSelection = .all) async throws -> Report {
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let auditor = Auditor(rules: BundledPack.loaded.rules, asOf: asOf, selection: selection)
        var builder = ReportBuilder(rules: auditor.rules.map(\.rule), asOf: asOf, selection: selection)
        await AuditRun(auditor: auditor, stream: InputStream(chunkSize: chunkSize, blockSize: 4096), parallelism: parallelism)
            .run(paths: paths, into: &builder)
        return builder.finish(toolVersion: "test", packName: "grundpakke", packVersion: "x")
    }

    static func inMemory(paths: [String]) throws -> Report {
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        var batch = InputReader().read(paths: paths)
        ConsistencyChecks.apply(to: &batch, asOf: asOf)
        return Auditor(rules: BundledPack.loaded.rules, asOf: asOf).audit(
            batch, toolVersion: "test", pack: RulePack(name: "grundpakke", version: "x", directory: "", params: [], rules: []))
    }

    @Test(arguments: [(1, 1), (7, 4), (2048, 2)])
    func parallelStreamingEqualsTheSimpleRun(_ chunkSize: Int, _ parallelism: Int) async throws {
        let expected = JSONReporter().render(try Self.inMemory(paths: [Self.samples]))
        let actual = JSONReporter().render(try await Self.streamed(paths: [Self.samples], chunkSize: chunkSize, parallelism: parallelism))
        #expect(actual == expected)
    }

    @Test func rulesCompiledApartJudgeExactlyAsTheRulesDo() async throws {
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let pack = BundledPack.loaded
        let auditor = Auditor(rules: pack.rules, asOf: asOf, selection: .all)
        let copy = Auditor(rules: pack.recompiled(pack.rules), asOf: asOf, selection: .all)
        // Objects of their own, with the same rules in the same order.
        #expect(copy.rules.map(\.rule.id) == auditor.rules.map(\.rule.id))
        #expect(zip(copy.rules, auditor.rules).allSatisfy { $0 !== $1 })
        let expected = JSONReporter().render(try Self.inMemory(paths: [Self.samples]))
        let other = Auditor(rules: Array(pack.rules.prefix(2)), asOf: asOf, selection: .all)
        let later = Auditor(rules: pack.rules, asOf: try #require(CivilDate(iso: "2025-07-01")), selection: .all)
        let fewer = Auditor(rules: pack.recompiled(pack.rules), asOf: asOf, selection: .findings)
        // Copies made on demand are used; a "copy" of other rules, another date or another
        // selection never is.
        let makers: [@Sendable () -> Auditor] = [
            { Auditor(rules: pack.recompiled(pack.rules), asOf: asOf, selection: .all) }, { other }, { later }, { fewer },
        ]
        for replicate in makers {
            var builder = ReportBuilder(rules: auditor.rules.map(\.rule), asOf: asOf, selection: .all)
            await AuditRun(auditor: auditor, stream: InputStream(chunkSize: 3, blockSize: 4096), parallelism: 3, replicate: replicate)
                .run(paths: [Self.samples], into: &builder)
            let actual = JSONReporter().render(builder.finish(toolVersion: "test", packName: "grundpakke", packVersion: "x"))
            #expect(actual == expected)
        }
    }

    @Test func aSummaryOnlyRunCountsEverythingAndKeepsNothing() async throws {
        let all = try await Self.streamed(paths: [Self.samples], chunkSize: 64, parallelism: 2)
        let none = try await Self.streamed(paths: [Self.samples], chunkSize: 64, parallelism: 2, selection: .none)
        #expect(none.results.isEmpty)
        #expect(none.outcomeCounts == all.outcomeCounts)
        #expect(none.ruleCounts == all.ruleCounts)
        #expect(none.recordsRead == all.recordsRead)
        let findings = try await Self.streamed(paths: [Self.samples], chunkSize: 64, parallelism: 2, selection: .findings)
        #expect(findings.results.count == all.results.count { $0.result.outcome.isFinding })
    }

    @Test func jsonLinesAreReadAcrossBlockBoundariesWithBrokenLinesCounted() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = "\u{FEFF}"
        for index in 0..<500 {
            if index == 250 {
                text += "{\"case_id\": \"broken\", \"shelter_id\": \n"
                continue
            }
            let padding = String(repeating: "x", count: index % 97)
            text += "{\"case_id\": \"C-\(index)\", \"shelter_id\": \"kc-a\", \"home_municipality\": \"\(padding)\", \"admission\": {\"date\": \"2025-03-03\"}}\r\n"
        }
        text += "\n   \n{\"case_id\": \"last\", \"shelter_id\": \"kc-a\"}"
        let file = directory.appendingPathComponent("cases.jsonl")
        try Data(text.utf8).write(to: file)
        let report = try await Self.streamed(paths: [file.path], chunkSize: 33, parallelism: 3)
        #expect(report.recordsRead == 501)
        #expect(report.recordsRejected == 1)
        #expect(report.inputErrors.first?.location?.line == 251)
        #expect(report.subjectCounts[.case] == 500)
        let lines = report.results.map(\.subject.location.line)
        #expect(lines == lines.sorted())
        #expect(Array(report.results).last?.subject.id == "last")
        #expect(Array(report.results).last?.subject.location.line == 503)
    }

    @Test func anOverlongLineIsRejectedAndTheNextOneStillRead() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let long = "{\"case_id\": \"" + String(repeating: "y", count: 5_000_000) + "\"}\n"
        let text = "{\"case_id\": \"A\", \"shelter_id\": \"kc-a\"}\n" + long + "{\"case_id\": \"B\", \"shelter_id\": \"kc-a\"}\n"
        let file = directory.appendingPathComponent("cases.jsonl")
        try Data(text.utf8).write(to: file)
        let report = try await Self.streamed(paths: [file.path], chunkSize: 1, parallelism: 2)
        #expect(report.recordsRead == 3)
        #expect(report.inputErrors.map(\.code) == ["input.limit.line-length"])
        #expect(report.inputErrors.first?.location?.line == 2)
        #expect(Set(report.results.map(\.subject.id)) == ["A", "B"])
    }
}
