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
    }

    struct Key: Hashable {
        var rule: String
        var subjectKind: String
        var subjectID: String
        var caseID: String?
    }

    static let findingOutcomes: Set<String> = ["noncompliant", "pending", "incomplete", "error"]

    /// The findings listed in a JSON report written by `audit --format json`.
    public static func load(file: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: file) else {
            return ([], [.error(at: start, code: "baseline.file", "expected a readable JSON report, found nothing at '\(file)'")])
        }
        let node: Node
        switch JSONReader().read([UInt8](data)[...], file: file) {
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
    /// findings that are findings no more (the streaming audit uses `BaselineComparer`).
    public static func compare(_ report: inout Report, with previous: [Entry]) {
        var comparer = BaselineComparer(previous)
        var counts = (new: 0, unchanged: 0)
        for index in report.results.indices {
            comparer.mark(&report.results[index], rule: report.rules[report.results[index].ruleIndex])
            switch report.results[index].baseline {
            case .new?: counts.new += 1
            case .unchanged?: counts.unchanged += 1
            case nil: break
            }
        }
        report.baselineCounts = counts
        report.resolvedFindings = comparer.resolved
    }

}

/// Compares results with a previous report one at a time. It remembers only the previous
/// findings and which of them are still findings, so memory follows the number of findings.
public struct BaselineComparer: Sendable {
    private let previous: [Baseline.Entry]
    private var before: [Baseline.Key: String] = [:]
    /// Previous findings seen again, with the outcome they have now.
    private var seen: [Baseline.Key: String] = [:]

    public init(_ previous: [Baseline.Entry]) {
        self.previous = previous
        for entry in previous {
            before[Baseline.Key(rule: entry.rule, subjectKind: entry.subjectKind, subjectID: entry.subjectID, caseID: entry.caseID)] = entry.outcome
        }
    }

    public mutating func mark(_ item: inout AuditResult, rule: Rule) {
        let key = Baseline.Key(rule: rule.id, subjectKind: item.subject.kind.rawValue, subjectID: item.subject.id, caseID: item.subject.caseID)
        let earlier = before[key]
        if earlier != nil { seen[key] = item.result.outcome.rawValue }
        guard item.result.outcome.isFinding else { return }
        item.baseline = earlier == item.result.outcome.rawValue ? .unchanged : .new
    }

    /// Previous findings that are not findings now.
    public var resolved: [ResolvedFinding] {
        previous.compactMap { entry in
            let key = Baseline.Key(rule: entry.rule, subjectKind: entry.subjectKind, subjectID: entry.subjectID, caseID: entry.caseID)
            let current = seen[key]
            if let current, Baseline.findingOutcomes.contains(current) { return nil }
            return ResolvedFinding(
                rule: entry.rule, subjectKind: entry.subjectKind, subjectID: entry.subjectID, caseID: entry.caseID,
                previousOutcome: entry.outcome, currentOutcome: current ?? "absent")
        }
    }
}
