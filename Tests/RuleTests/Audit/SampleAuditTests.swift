import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The bundled sample cases audited on 2025-06-30, checked case by case against what the rule
/// catalogue demands: working days, month-end clamping, absent vs null, pending vs overdue, and
/// the legal basis that changed on 2024-01-01.
@Suite struct SampleAuditTests {
    static let root: String = {
        var root = #filePath as NSString
        for _ in 0..<4 { root = root.deletingLastPathComponent as NSString }
        return root as String
    }()

    static let report: Report = {
        let batch = InputReader().read(paths: [(root as NSString).appendingPathComponent("sample-cases")])
        guard let asOf = CivilDate(iso: "2025-06-30") else { preconditionFailure("date") }
        return Auditor(rules: BundledPack.loaded.rules, asOf: asOf).audit(batch, toolVersion: "test", pack: BundledPack.loaded.pack)
    }()

    struct Expectation: Sendable, CustomTestStringConvertible {
        let subject: String
        let rule: String
        let outcome: Outcome
        var due: String?
        var daysLate: Int?
        var missing: [String]?
        var citations: [String]?
        let why: String
        var testDescription: String { "\(subject) \(rule): \(why)" }
    }

    static let expectations: [Expectation] = [
        .init(subject: "OST-2025-011", rule: "GP-C14", outcome: .compliant, why: "2025-01-31 + 3 months is clamped to 2025-04-30"),
        .init(subject: "OST-2025-022", rule: "GP-C04", outcome: .compliant, due: "2025-03-31", why: "a Saturday due date moves to Monday"),
        .init(subject: "OST-2025-029", rule: "GP-C06", outcome: .compliant, due: "2025-04-23", why: "Easter week: the 3rd working day is the Wednesday after"),
        .init(subject: "OST-2025-031", rule: "GP-C06", outcome: .noncompliant, due: "2025-04-24", daysLate: 1, why: "admitted on Skærtorsdag, contacted a day late"),
        .init(subject: "OST-2024-094", rule: "GP-C06", outcome: .compliant, due: "2024-12-27", why: "24–26 December are closed"),
        .init(subject: "OST-2025-040", rule: "GP-C04", outcome: .compliant, why: "one notice on time decides although the other's date is absent"),
        .init(subject: "OST-2025-044", rule: "GP-C04", outcome: .pending, due: "2025-07-11", why: "no notice yet, still time"),
        .init(subject: "OST-2025-044", rule: "GP-C06", outcome: .pending, due: "2025-07-01", why: "no contact yet, still time"),
        .init(subject: "OST-2025-046-c1", rule: "GP-B04", outcome: .pending, due: "2025-06-30", why: "no notification on the admission day itself"),
        .init(subject: "OST-2025-003", rule: "GP-C04", outcome: .notApplicable, why: "the stay ended before the notice was due and none was sent"),
        .init(subject: "VKY-2023-019", rule: "GP-C06", outcome: .compliant, due: "2023-05-08", why: "Store Bededag 2023 was still a holiday"),
        .init(subject: "VKY-2024-022", rule: "GP-C06", outcome: .noncompliant, due: "2024-04-26", daysLate: 3, why: "Store Bededag is abolished from 2024"),
        .init(subject: "VKY-2025-004", rule: "GP-C06", outcome: .noncompliant, due: "2025-01-14", daysLate: 2, why: "late payment contact"),
        .init(subject: "VKY-2025-020", rule: "GP-C03", outcome: .noncompliant, due: "2025-04-18", daysLate: 1, why: "same-day duties never move, not even on Langfredag"),
        .init(subject: "VKY-2023-038", rule: "GP-C06", outcome: .incomplete, missing: ["consents"], why: "whether she consented is not recorded"),
        .init(subject: "VKY-2025-027", rule: "GP-C04", outcome: .incomplete, missing: ["notices.home_municipality", "notices.payment_contact"], why: "neither notice is recorded"),
        .init(subject: "VKY-2025-027-c1", rule: "GP-B02", outcome: .noncompliant, why: "one recorded false decides although another offer is absent"),
        .init(subject: "VKY-2025-027-c1", rule: "GP-B04", outcome: .incomplete, missing: ["exposed_to_violence"], why: "exposure not recorded"),
        .init(subject: "VKY-2025-012", rule: "GP-C03", outcome: .noncompliant, why: "safety assessment recorded as not done (null), long overdue"),
        .init(subject: "VKY-2024-063", rule: "GP-C05", outcome: .noncompliant, why: "an anonymous woman named in the notice"),
        .init(subject: "VKY-2023-019-c1", rule: "GP-B04", outcome: .compliant, citations: ["Serviceloven § 109", "Serviceloven § 153"], why: "a 2023 admission cites Serviceloven § 153"),
        .init(subject: "OST-2024-088-c1", rule: "GP-B04", outcome: .compliant, citations: ["Serviceloven § 109", "Barnets Lov § 133"], why: "a 2024 admission cites Barnets Lov § 133"),
        .init(subject: "kc-tranebakken", rule: "GP-S08", outcome: .noncompliant, why: "paid meals with the price recorded as null"),
        .init(subject: "kc-tranebakken", rule: "GP-S09", outcome: .incomplete, missing: ["safety.procedures.volunteers"], why: "volunteer procedures not recorded"),
        .init(subject: "kc-vestkyst", rule: "GP-S06", outcome: .noncompliant, why: "staff, not the leader, decide admissions"),
        .init(subject: "kc-ostfjord", rule: "GP-S06", outcome: .compliant, why: "the leader decides admissions"),
    ]

    @Test(arguments: expectations)
    func outcome(_ expected: Expectation) throws {
        let report = Self.report
        let found = try #require(report.results.first { $0.subject.id == expected.subject && report.rule(of: $0).id == expected.rule })
        #expect(found.result.outcome == expected.outcome)
        if let due = expected.due { #expect(found.result.due?.description == due) }
        if let late = expected.daysLate { #expect(found.result.daysLate == late) }
        if let missing = expected.missing { #expect(found.result.missing == missing) }
        if let citations = expected.citations { #expect(found.result.legalBasis.map(\.citation) == citations) }
    }

    @Test func everyPairHasExactlyOneResult() {
        let report = Self.report
        let subjects = (report.subjectCounts[.shelter] ?? 0, report.subjectCounts[.case] ?? 0, report.subjectCounts[.child] ?? 0)
        let rulesPerSubject = Dictionary(grouping: report.rules, by: \.subject).mapValues(\.count)
        let expected = subjects.0 * (rulesPerSubject["shelter"] ?? 0) + subjects.1 * (rulesPerSubject["case"] ?? 0)
            + subjects.2 * (rulesPerSubject["child"] ?? 0)
        #expect(report.results.count == expected)
        #expect(report.outcomeCounts.total == expected)
        #expect(report.recordsRead == report.recordsEvaluated + report.recordsRejected)
        #expect(!report.hasRuleErrors)
    }

    @Test func sectionsFollowTheStandardsOrderAndGroupQualifiedSections() {
        let sections = Self.report.countsBySection.map(\.section)
        #expect(sections.first == "Målgruppen")
        #expect(sections.last == "Efterværn")
        // "Tilbud til børn (skolegang)", "(sikkerhed)" and "(undervisning)" sit under their heading.
        #expect(!sections.contains { $0.hasPrefix("Tilbud til børn (") })
        #expect(Self.report.countsBySection.reduce(0) { $0 + $1.counts.total } == Self.report.outcomeCounts.total)
    }

    @Test func resultsAreOrderedByFileLineSubjectAndRule() {
        // A child starts after its case (a later line, or a later column on a JSON Lines line).
        let keys = Self.report.results.map { result in
            (result.subject.location.file, result.subject.location.line, result.subject.location.column, Self.report.rule(of: result).id)
        }
        for (previous, next) in zip(keys, keys.dropFirst()) {
            #expect(previous <= next)
        }
    }

    @Test func theJSONReportIsByteIdenticalAcrossRuns() {
        let first = JSONReporter().render(Self.report)
        let batch = InputReader().read(paths: [(Self.root as NSString).appendingPathComponent("sample-cases")])
        let again = Auditor(rules: BundledPack.loaded.rules, asOf: Self.report.asOf).audit(batch, toolVersion: "test", pack: BundledPack.loaded.pack)
        #expect(JSONReporter().render(again) == first)
    }

    @Test func theJSONReportFollowsTheContract() throws {
        let data = Data(JSONReporter(results: .findings).render(Self.report).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let outcomes = try #require(summary["outcomes"] as? [String: Int])
        #expect(Set(outcomes.keys) == ["compliant", "noncompliant", "pending", "incomplete", "not_applicable"])
        #expect((object["rule_pack"] as? [String: Any])?["rules"] as? Int == 39)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.allSatisfy { ["noncompliant", "pending", "incomplete"].contains($0["outcome"] as? String ?? "") })
        let child = try #require(results.first { ($0["subject"] as? [String: Any])?["kind"] as? String == "child" })
        let subject = try #require(child["subject"] as? [String: Any])
        #expect(subject["case_id"] is String && subject["line"] is Int && subject["file"] is String)
    }
}
