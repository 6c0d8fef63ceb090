import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// `Auditor.tally(_:context:)` must add to a report exactly what `evaluate` followed by
/// `TallyContext.tally` adds, for every selection and with waivers and a baseline or without.
@Suite struct AuditorTallyTests {
    static func records() throws -> [InputRecord] {
        let samples = (SampleAuditTests.root as NSString).appendingPathComponent("sample-cases")
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        var batch = InputReader().read(paths: [samples])
        ConsistencyChecks.apply(to: &batch, asOf: asOf)
        return batch.records
    }

    /// Everything a tally carries, as text, so two tallies compare in one expectation.
    static func describe(_ tally: RecordTally) -> [String] {
        var lines = [
            "shelter \(tally.shelterID) subjects \(tally.subjects.shelters)/\(tally.subjects.cases)/\(tally.subjects.children)",
            "counts \(tally.counts)",
            "outcomes " + tally.outcomes.map { "\($0.rule):\($0.outcome.rawValue)" }.joined(separator: ","),
            "unwaived " + tally.unwaived.levels.map(\.rawValue).sorted().joined(separator: ","),
            "waived \(tally.waived) used \(tally.waiversUsed)",
            "baseline \(tally.baseline.new)/\(tally.baseline.unchanged) seen " + tally.baselineSeen.map { "\($0.key):\($0.outcome)" }.joined(separator: ","),
        ]
        for item in tally.kept {
            let subject = item.subject
            let evidence = item.result.evidence.map { "\($0.path)=\($0.value.map { "\($0)" } ?? "absent")" }.joined(separator: ";")
            lines.append("kept \(item.ruleIndex) \(subject.kind) \(subject.id) \(subject.caseID ?? "-") \(subject.shelterID) \(subject.location) "
                + "\(item.result.outcome.rawValue) due \(item.result.due.map { "\($0)" } ?? "-") late \(item.result.daysLate ?? 0) "
                + "missing \(item.result.missing) evidence \(evidence) basis \(item.result.legalBasis.map(\.citation)) "
                + "waiver \(item.waiver?.reason ?? "-") baseline \(item.baseline.map { "\($0)" } ?? "-")")
        }
        return lines
    }

    static func compare(selection: ResultSelection, waivers: [Waiver]?, baseline: [Baseline.Entry]?) throws {
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let auditor = Auditor(rules: BundledPack.loaded.rules, asOf: asOf, selection: selection)
        let context = TallyContext(rules: auditor.rules.map(\.rule), asOf: asOf, selection: selection, waivers: waivers, baseline: baseline)
        let records = try records()
        #expect(records.count > 100)
        for record in records {
            var subjects: [SubjectReference.Kind: Int] = [:]
            let expected = context.tally(auditor.evaluate(record, counting: &subjects), shelterID: record.shelterID, subjects: subjects)
            #expect(describe(auditor.tally(record, context: context)) == describe(expected), "record \(record.id)")
        }
    }

    @Test(arguments: [ResultSelection.all, .findings, .none])
    func theDirectTallyEqualsEvaluateThenTally(_ selection: ResultSelection) throws {
        try Self.compare(selection: selection, waivers: nil, baseline: nil)
    }

    @Test(arguments: [ResultSelection.all, .findings, .none])
    func waiversAndABaselineAreMatchedTheSameWay(_ selection: ResultSelection) throws {
        let expires = try #require(CivilDate(iso: "2026-01-01"))
        let location = RuleDSL.SourceLocation(file: "w.yaml", line: 1, column: 1)
        let waivers = [
            Waiver(rule: "GP-C14", subject: "*", reason: "all stays", approvedBy: "test", expires: expires, location: location),
            Waiver(rule: "GP-S06", subject: "kc-vestkyst", reason: "new leader", approvedBy: "test", expires: expires, location: location),
        ]
        // A baseline that knows some findings (as they are) and some with another outcome.
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let auditor = Auditor(rules: BundledPack.loaded.rules, asOf: asOf)
        var baseline: [Baseline.Entry] = []
        for (position, record) in try Self.records().prefix(60).enumerated() {
            var subjects: [SubjectReference.Kind: Int] = [:]
            for item in auditor.evaluate(record, counting: &subjects) where item.result.outcome.isFinding {
                let outcome = position.isMultiple(of: 3) ? "pending" : item.result.outcome.rawValue
                baseline.append(Baseline.Entry(rule: auditor.rules[item.ruleIndex].rule.id, subjectKind: item.subject.kind.rawValue,
                                               subjectID: item.subject.id, caseID: item.subject.caseID, outcome: outcome))
            }
        }
        #expect(!baseline.isEmpty)
        try Self.compare(selection: selection, waivers: waivers, baseline: baseline)
        try Self.compare(selection: selection, waivers: waivers, baseline: nil)
    }

    /// A report counts per shelter whatever order its records come in: a shelter's records in
    /// one run, or mixed with another's (the builder keeps a running count for the shelter of
    /// the records before, and adds it to the table when another shelter's record comes).
    @Test func shelterCountsDoNotDependOnTheOrderOfRecords() throws {
        let asOf = try #require(CivilDate(iso: "2025-06-30"))
        let auditor = Auditor(rules: BundledPack.loaded.rules, asOf: asOf)
        let records = try Self.records()
        func counts(_ order: [InputRecord]) -> [String] {
            var builder = ReportBuilder(rules: auditor.rules.map(\.rule), asOf: asOf)
            for record in order { builder.add(auditor.tally(record, context: builder.context), diagnostics: []) }
            let report = builder.finish(toolVersion: "test", packName: "test", packVersion: "1")
            return report.countsByShelter.map { "\($0.shelterID) \($0.counts)" }
        }
        // The expected counts, worked out apart: each record's own counts summed by shelter.
        let context = ReportBuilder(rules: auditor.rules.map(\.rule), asOf: asOf).context
        var expected: [String: OutcomeCounts] = [:]
        for record in records {
            expected[record.shelterID, default: OutcomeCounts()].add(auditor.tally(record, context: context).counts)
        }
        let wanted = expected.keys.sorted().map { "\($0) \(expected[$0] ?? OutcomeCounts())" }
        #expect(Set(records.map(\.shelterID)).count > 1)
        #expect(counts(records) == wanted)
        #expect(counts(records.reversed()) == wanted)
        let interleaved = records.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)
        #expect(counts(interleaved) == wanted)
    }
}
