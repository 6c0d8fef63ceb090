import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// Reports shared by the Markdown and HTML reporter tests: the sample cases audited on
/// 2025-06-30, and the same report with waivers, a baseline, and hostile input problems.
enum DocumentFixtures {
    static let sample: Report = SampleAuditTests.report

    static let cpr = "010190-1234"
    static let approver = "Hanne Hansen"
    static let markup = "<b>&"
    static let waivedSubject = "VKY-2024-022"
    static let waivedRule = "GP-C06"

    /// The sample with: one finding waived (reason with markup and a CPR number, approver
    /// named), baseline marks on every finding, a resolved finding, an expired and an
    /// unmatched waiver, an input error whose message and hint hold a CPR number and markup,
    /// a warning, and one evidence value with markup.
    static let decorated: Report = {
        var report = sample
        guard let expires = CivilDate(year: 2025, month: 12, day: 31), let expired = CivilDate(year: 2025, month: 1, day: 31) else {
            preconditionFailure("fixture")
        }
        let location = SourceLocation(file: "waivers.yaml", line: 3, column: 3)
        var marked = false
        var results = Array(report.results)
        for index in results.indices {
            let item = results[index]
            let rule = report.rule(of: item)
            if item.result.outcome.isFinding { results[index].baseline = marked ? .unchanged : .new }
            if item.result.outcome.isFinding { marked = true }
            if item.subject.id == waivedSubject, rule.id == waivedRule {
                results[index].waiver = Waiver(
                    rule: waivedRule, subject: waivedSubject, reason: "Aftalt med kommunen \(markup) \(cpr)", approvedBy: approver,
                    expires: expires, location: location)
            }
            if item.subject.id == "VKY-2024-063", rule.id == "GP-C05" {
                results[index].result.evidence.append((path: "case.note", value: .string("\(markup) x")))
            }
        }
        report.results = ResultStore(results)
        report.waiversUsed = true
        report.waiverNotices = [
            WaiverNotice(kind: .expired, waiver: Waiver(
                rule: "GP-S07", subject: "kc-vestkyst", reason: "Takst offentliggøres i foråret", approvedBy: approver,
                expires: expired, location: SourceLocation(file: "waivers.yaml", line: 8, column: 3))),
            WaiverNotice(kind: .unmatched, waiver: Waiver(
                rule: "GP-C99", subject: "*", reason: "Forældet", approvedBy: approver, expires: expires,
                location: SourceLocation(file: "waivers.yaml", line: 14, column: 3))),
        ]
        report.resolvedFindings = [
            ResolvedFinding(rule: "GP-C11", subjectKind: "case", subjectID: "OST-2025-020", caseID: "OST-2025-020",
                            previousOutcome: "noncompliant", currentOutcome: "compliant"),
            ResolvedFinding(rule: "GP-B02", subjectKind: "child", subjectID: "OST-2024-001-c1", caseID: "OST-2024-001",
                            previousOutcome: "incomplete", currentOutcome: "absent"),
        ]
        report.recordsRead += 1
        report.recordsRejected += 1
        report.inputErrors.append(Diagnostic.error(
            at: SourceLocation(file: "sample-cases/cases/extra.yaml", line: 12, column: 5), code: "input.id",
            "case id '\(cpr)' looks like a CPR number \(markup)", hint: "use the shelter's own case number, not \(cpr)"))
        report.inputWarnings.append(Diagnostic.warning(
            at: SourceLocation(file: "sample-cases/cases/extra.yaml", line: 20, column: 3), code: "input.unknown_key",
            "unknown key 'kommentar | note'"))
        return report
    }()

    static func render(_ format: ReportFormat, _ report: Report = sample, language: Language = .da,
                       results: ResultSelection = .findings, explain: Bool = false) -> String {
        format.render(report, options: ReportOptions(language: language, results: results, explain: explain))
    }
}

/// Writes the HTML and Markdown reports to the directory in `GRUNDPAKKE_PREVIEW_DIR`, for
/// looking at them in a browser; does nothing when it is not set.
@Suite struct DocumentPreview {
    @Test func writePreview() throws {
        guard let directory = ProcessInfo.processInfo.environment["GRUNDPAKKE_PREVIEW_DIR"] else { return }
        let root = (SampleAuditTests.root as NSString).appendingPathComponent("sample-cases")
        let batch = InputReader().read(paths: ["shelters", "cases"].map { (root as NSString).appendingPathComponent($0) })
        guard let asOf = CivilDate(iso: "2025-06-30") else { return }
        let committed = Auditor(rules: BundledPack.loaded.rules, asOf: asOf).audit(batch, toolVersion: "0.1.0", pack: BundledPack.loaded.pack)
        let files: [(String, String)] = [
            ("report-sample.html", DocumentFixtures.render(.html, committed).replacingOccurrences(of: SampleAuditTests.root + "/", with: "")),
            ("report-sample-all.html", DocumentFixtures.render(.html, committed, results: .all).replacingOccurrences(of: SampleAuditTests.root + "/", with: "")),
            ("report.html", DocumentFixtures.render(.html)),
            ("report-all.html", DocumentFixtures.render(.html, results: .all)),
            ("report-en.html", DocumentFixtures.render(.html, DocumentFixtures.decorated, language: .en)),
            ("report-decorated.html", DocumentFixtures.render(.html, DocumentFixtures.decorated)),
            ("report.md", DocumentFixtures.render(.markdown)),
            ("report-decorated.md", DocumentFixtures.render(.markdown, DocumentFixtures.decorated, explain: true)),
        ]
        for (name, text) in files {
            try text.write(toFile: (directory as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }
}
