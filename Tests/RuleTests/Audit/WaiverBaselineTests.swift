import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

@Suite struct WaiverBaselineTests {
    static func report(asOf: String) throws -> Report {
        // The hand-written samples only, so that the counts below stay those of known cases.
        let samples = (SampleAuditTests.root as NSString).appendingPathComponent("sample-cases")
        let batch = InputReader().read(paths: ["cases", "shelters"].map { (samples as NSString).appendingPathComponent($0) })
        let date = try #require(CivilDate(iso: asOf))
        return Auditor(rules: BundledPack.loaded.rules, asOf: date).audit(batch, toolVersion: "test", pack: BundledPack.loaded.pack)
    }

    static func waiverFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waivers-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static let waivers = """
        waivers:
          - {rule: GP-S06, subject: kc-vestkyst, reason: Ny leder tiltræder, approved_by: LOKK, expires: 2025-12-31}
          - {rule: GP-C02, subject: kc-vestkyst, reason: Gammel aftale, approved_by: LOKK, expires: 2025-01-31}
          - {rule: GP-C01, subject: NOPE-1, reason: Dækker intet, approved_by: LOKK, expires: 2026-01-01}
        """

    @Test func aWaiverKeepsTheOutcomeButNotTheExitStatus() throws {
        var report = try Self.report(asOf: "2025-06-30")
        let file = try Self.waiverFile(Self.waivers)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (waivers, problems) = Waivers.load(file: file)
        #expect(problems.isEmpty)
        #expect(waivers.count == 3)
        Waivers.apply(waivers, to: &report)
        let s06 = try #require(report.results.first { report.rule(of: $0).id == "GP-S06" && $0.subject.id == "kc-vestkyst" })
        #expect(s06.result.outcome == .noncompliant)
        #expect(s06.waiver?.reason == "Ny leder tiltræder")
        // The expired GP-C02 waiver covers nothing: the shelter's cases still fail on it.
        #expect(report.results.contains { report.rule(of: $0).id == "GP-C02" && $0.result.outcome == .noncompliant && $0.waiver == nil })
        #expect(report.waiverNotices.map(\.kind) == [.expired, .unmatched])
        #expect(report.waiverNotices.map(\.waiver.rule) == ["GP-C02", "GP-C01"])
    }

    @Test func waivingEveryBrokenRequirementClearsFailOn() throws {
        var report = try Self.report(asOf: "2025-06-30")
        let broken = Set(report.results.filter { $0.result.outcome == .noncompliant && report.rule(of: $0).level == .requirement }
            .map { report.rule(of: $0).id })
        guard let expires = CivilDate(iso: "2026-01-01") else { return }
        let waivers = broken.sorted().map {
            Waiver(rule: $0, subject: "*", reason: "test", approvedBy: "test", expires: expires,
                   location: RuleDSL.SourceLocation(file: "w.yaml", line: 1, column: 1))
        }
        #expect(report.hasNoncompliance(atLeast: .requirement))
        Waivers.apply(waivers, to: &report)
        #expect(!report.hasNoncompliance(atLeast: .requirement))
        #expect(report.hasNoncompliance(atLeast: .recommendation))
    }

    @Test func aBrokenWaiverFileIsALocatedError() throws {
        let file = try Self.waiverFile("- {rule: GP-S06, subject: x, reason: r, approved_by: a, expires: 2025-02-30}\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (waivers, problems) = Waivers.load(file: file)
        #expect(waivers.isEmpty)
        #expect(problems.first?.location?.line == 1)
        #expect(problems.first?.code == "input.date")
    }

    @Test func theBaselineMarksNewUnchangedAndResolved() throws {
        let before = try Self.report(asOf: "2025-06-30")
        let json = JSONReporter(results: .findings).render(before)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (entries, problems) = Baseline.load(file: url.path)
        #expect(problems.isEmpty)
        #expect(entries.count == before.results.count { $0.result.outcome.isFinding })

        // Compared with itself, nothing is new and nothing resolved.
        var same = before
        Baseline.compare(&same, with: entries)
        #expect(same.results.allSatisfy { $0.baseline != .new })
        #expect(same.resolvedFindings?.isEmpty == true)

        // Two weeks later the pending deadlines have become overdue: new findings.
        var later = try Self.report(asOf: "2025-07-15")
        Baseline.compare(&later, with: entries)
        let new = later.results.filter { $0.baseline == .new }
        #expect(new.count == 5)
        #expect(new.allSatisfy { $0.result.outcome == .noncompliant })

        // A finding that is gone is listed as resolved.
        var trimmed = entries
        trimmed.append(Baseline.Entry(rule: "GP-C01", subjectKind: "case", subjectID: "OST-2025-003", caseID: "OST-2025-003", outcome: "noncompliant"))
        var again = before
        Baseline.compare(&again, with: trimmed)
        #expect(again.resolvedFindings?.map(\.subjectID) == ["OST-2025-003"])
        #expect(again.resolvedFindings?.first?.currentOutcome == "compliant")
    }

    @Test func aBaselineThatIsNoReportIsAnError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        try Data("{\"tool\": {}}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let (entries, problems) = Baseline.load(file: url.path)
        #expect(entries.isEmpty)
        #expect(problems.first?.code == "baseline.file")
    }
}
