import Foundation
import RuleDSL

/// `--baseline previous.json`: compares this run's findings with an earlier JSON report.
public enum Baseline {
    /// A finding as a previous report listed it.
    public struct Entry: Hashable, Sendable {
        public var rule: String
        public var subjectKind: String
        public var subjectID: String
        public var caseID: String?
        public var outcome: String

        var key: Key { Key(rule: rule, subjectKind: subjectKind, subjectID: subjectID, caseID: caseID) }
    }

    struct Key: Hashable, Sendable {
        var rule: String
        var subjectKind: String
        var subjectID: String
        var caseID: String?
    }

    static let findingOutcomes: Set<String> = ["noncompliant", "pending", "incomplete", "error"]

    /// The findings listed in a JSON report written by `audit --format json`.
    public static func load(file: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let data = BoundedFile.read(file) else {
            return ([], [.error(at: start, code: "baseline.file", "expected a readable JSON report, found nothing at '\(file)'")])
        }
        guard data.count <= DocumentLimits.standard.maxFileBytes else {
            return ([], [.error(at: start, code: "input.limit.file-size",
                "the baseline report is larger than the limit of \(DocumentLimits.standard.maxFileBytes) bytes",
                hint: "write the baseline with --results findings")])
        }
        let node: Node
        switch JSONReader().read(data[...], file: file) {
        case .success(let parsed): node = parsed
        case .failure(let diagnostic): return ([], [diagnostic])
        }
        guard let results = node["results"]?.sequenceItems else {
            return ([], [.error(at: node.location, code: "baseline.file",
                "expected a grundpakke-check JSON report with 'results', found none",
                hint: "write the baseline with audit --format json and --results all or findings")])
        }
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        for item in results {
            guard let rule = item["rule"]?.scalar?.text, let outcome = item["outcome"]?.scalar?.text,
                  let subject = item["subject"], let kind = subject["kind"]?.scalar?.text, let id = subject["id"]?.scalar?.text
            else {
                diagnostics.append(.error(at: item.location, code: "baseline.entry",
                    "expected a result with rule, outcome and subject (kind, id), found something else"))
                continue
            }
            guard findingOutcomes.contains(outcome) else { continue }
            entries.append(Entry(rule: rule, subjectKind: kind, subjectID: id, caseID: subject["case_id"]?.scalar?.text, outcome: outcome))
        }
        return (entries, diagnostics)
    }

    /// Marks each finding of a report already built new or unchanged and lists the earlier
    /// findings that are findings no more. Only the results the report lists can be marked.
    public static func compare(_ report: inout Report, with previous: [Entry]) {
        let context = TallyContext(rules: report.rules, asOf: report.asOf, selection: .all, waivers: nil, baseline: previous)
        var seen: [Key: String] = [:]
        var counts = (new: 0, unchanged: 0)
        report.results = report.results.rewritten { item in
            var tally = context.tally([item], shelterID: "", subjects: [:])
            counts.new += tally.baseline.new
            counts.unchanged += tally.baseline.unchanged
            for (key, outcome) in tally.baselineSeen { seen[key] = outcome }
            return tally.kept.popLast() ?? item
        }
        report.baselineCounts = counts
        report.resolvedFindings = resolved(previous, seen: seen)
    }

    /// The earlier findings that are not findings now, given the outcomes seen for them.
    static func resolved(_ previous: [Entry], seen: [Key: String]) -> [ResolvedFinding] {
        previous.compactMap { entry in
            let current = seen[entry.key]
            if let current, findingOutcomes.contains(current) { return nil }
            return ResolvedFinding(
                rule: entry.rule, subjectKind: entry.subjectKind, subjectID: entry.subjectID, caseID: entry.caseID,
                previousOutcome: entry.outcome, currentOutcome: current ?? "absent")
        }
    }

}
