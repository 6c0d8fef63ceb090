import RuleDSL

/// Gathers a report record by record: counts every result, keeps only the results the report
/// lists, and applies waivers and the baseline as results arrive.
public struct ReportBuilder: Sendable {
    public let rules: [Rule]
    public let asOf: CivilDate
    public let selection: ResultSelection
    private var waivers: WaiverMatcher?
    private var baseline: BaselineComparer?

    private var results: [AuditResult] = []
    private var outcomeCounts = OutcomeCounts()
    private var ruleCounts: [OutcomeCounts]
    private var shelterCounts: [String: OutcomeCounts] = [:]
    private var subjectCounts: [SubjectReference.Kind: Int] = [:]
    private var unwaived = Set<Rule.Level>()
    private var waivedCount = 0
    private var baselineCounts = (new: 0, unchanged: 0)
    private var recordsRead = 0
    private var recordsRejected = 0
    private var errors: [Diagnostic] = []
    private var warnings: [Diagnostic] = []

    public init(rules: [Rule], asOf: CivilDate, selection: ResultSelection = .all, waivers: [Waiver]? = nil,
                baseline: [Baseline.Entry]? = nil) {
        self.rules = rules
        self.asOf = asOf
        self.selection = selection
        self.waivers = waivers.map { WaiverMatcher($0, asOf: asOf) }
        self.baseline = baseline.map { BaselineComparer($0) }
        ruleCounts = Array(repeating: OutcomeCounts(), count: rules.count)
    }

    /// A record that was read and evaluated, with its results in report order.
    public mutating func add(evaluated results: [AuditResult], subjects: [SubjectReference.Kind: Int], diagnostics: [Diagnostic]) {
        recordsRead += 1
        add(diagnostics)
        for (kind, count) in subjects { subjectCounts[kind, default: 0] += count }
        for var item in results {
            let rule = rules[item.ruleIndex]
            waivers?.mark(&item, rule: rule)
            baseline?.mark(&item, rule: rule)
            let outcome = item.result.outcome
            outcomeCounts.add(outcome)
            ruleCounts[item.ruleIndex].add(outcome)
            shelterCounts[item.subject.shelterID, default: OutcomeCounts()].add(outcome)
            if item.waiver != nil { waivedCount += 1 }
            if outcome == .noncompliant, item.waiver == nil { unwaived.insert(rule.level) }
            switch item.baseline {
            case .new?: baselineCounts.new += 1
            case .unchanged?: baselineCounts.unchanged += 1
            case nil: break
            }
            if selection.includes(outcome) { self.results.append(item) }
        }
    }

    /// A record that could not be evaluated, with the errors that say why.
    public mutating func add(rejected diagnostics: [Diagnostic]) {
        recordsRead += 1
        recordsRejected += 1
        add(diagnostics)
    }

    /// Problems that belong to no record (a missing file, a broken waiver file).
    public mutating func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            if diagnostic.isError { errors.append(diagnostic) } else { warnings.append(diagnostic) }
        }
    }

    public func finish(toolVersion: String, packName: String, packVersion: String) -> Report {
        Report(
            toolVersion: toolVersion, packName: packName, packVersion: packVersion, rules: rules, asOf: asOf,
            results: results, subjectCounts: subjectCounts, recordsRead: recordsRead, recordsRejected: recordsRejected,
            inputErrors: errors, inputWarnings: warnings, waiverNotices: waivers?.notices ?? [], waiversUsed: waivers != nil,
            resolvedFindings: baseline?.resolved, outcomeCounts: outcomeCounts, ruleCounts: ruleCounts,
            shelterCounts: shelterCounts, unwaivedNoncompliance: unwaived, waivedCount: waivedCount,
            baselineCounts: baselineCounts)
    }
}
