import RuleDSL

/// What a result is about: a shelter, a case, or a child of a case.
public struct SubjectReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case shelter
        case `case`
        case child
    }

    public var kind: Kind
    public var id: String
    /// The case a child belongs to (and, for a case, its own id).
    public var caseID: String?
    public var shelterID: String
    public var location: SourceLocation
}

/// One (rule, subject) pair and its verdict.
public struct AuditResult: Sendable {
    /// Index into `Report.rules`.
    public var ruleIndex: Int
    public var subject: SubjectReference
    public var result: RuleResult
    /// The accepted deviation that covers this result, if any. A waived result keeps its
    /// outcome but does not count toward `--fail-on`.
    public var waiver: Waiver? {
        get { waiverBox?.waiver }
        set { waiverBox = newValue.map(WaiverBox.init) }
    }
    /// Most results have no waiver: kept apart in a box, a waiver's four texts, date and place
    /// do not make every result 100 bytes larger to move, copy and keep (a record's listed
    /// results are kept in an array, which then stays small enough for the allocator's cache).
    private var waiverBox: WaiverBox?
    /// New or unchanged against `--baseline`; nil when no baseline was given or the result is
    /// not a finding.
    public var baseline: BaselineStatus?

    public init(ruleIndex: Int, subject: SubjectReference, result: RuleResult, waiver: Waiver? = nil, baseline: BaselineStatus? = nil) {
        self.ruleIndex = ruleIndex
        self.subject = subject
        self.result = result
        waiverBox = waiver.map(WaiverBox.init)
        self.baseline = baseline
    }
}

/// A waiver where a result refers to it (see `AuditResult.waiver`).
private final class WaiverBox: Sendable {
    let waiver: Waiver

    init(_ waiver: Waiver) {
        self.waiver = waiver
    }
}

/// An accepted deviation: a rule for one subject (or `*`), with a reason, an approver and an
/// expiry date.
public struct Waiver: Sendable, Hashable {
    public var rule: String
    /// A subject id (shelter, case or child), or `*` for every subject.
    public var subject: String
    public var reason: String
    public var approvedBy: String
    /// The last day the waiver applies.
    public var expires: CivilDate
    public var location: SourceLocation

    public init(rule: String, subject: String, reason: String, approvedBy: String, expires: CivilDate, location: SourceLocation) {
        self.rule = rule
        self.subject = subject
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.location = location
    }
}

/// Something to say about a waiver itself: it has expired, or it matched nothing.
public struct WaiverNotice: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case expired
        case unmatched
    }

    public var kind: Kind
    public var waiver: Waiver
}

/// A finding compared with the previous report.
public enum BaselineStatus: String, Sendable, Hashable {
    case new
    case unchanged
}

/// A finding of the previous report that is no longer a finding.
public struct ResolvedFinding: Sendable, Hashable {
    public var rule: String
    public var subjectKind: String
    public var subjectID: String
    public var caseID: String?
    /// The outcome it had then.
    public var previousOutcome: String
    /// What it is now (`compliant`, `not_applicable`, or `absent` when the subject or rule is gone).
    public var currentOutcome: String
}

/// Outcome counts: six plain integers, so that adding to them costs no hashing or allocation
/// (they are added to for every one of millions of results).
public struct OutcomeCounts: Sendable, Hashable {
    private var compliant = 0
    private var noncompliant = 0
    private var pending = 0
    private var incomplete = 0
    private var notApplicable = 0
    private var error = 0

    public init() {}

    public subscript(outcome: Outcome) -> Int {
        switch outcome {
        case .compliant: return compliant
        case .noncompliant: return noncompliant
        case .pending: return pending
        case .incomplete: return incomplete
        case .notApplicable: return notApplicable
        case .error: return error
        }
    }

    public mutating func add(_ outcome: Outcome, _ amount: Int = 1) {
        switch outcome {
        case .compliant: compliant += amount
        case .noncompliant: noncompliant += amount
        case .pending: pending += amount
        case .incomplete: incomplete += amount
        case .notApplicable: notApplicable += amount
        case .error: error += amount
        }
    }

    /// Field by field: a loop over `Outcome.allCases` through the subscripts went through two
    /// switches per outcome, for every record the merge adds.
    public mutating func add(_ other: OutcomeCounts) {
        compliant += other.compliant
        noncompliant += other.noncompliant
        pending += other.pending
        incomplete += other.incomplete
        notApplicable += other.notApplicable
        error += other.error
    }

    public var total: Int { compliant + noncompliant + pending + incomplete + notApplicable + error }

    /// The share of decided results that comply: compliant / (compliant + noncompliant), or nil
    /// when nothing was decided.
    public var complianceShare: Double? {
        let decided = compliant + noncompliant
        return decided == 0 ? nil : Double(compliant) / Double(decided)
    }
}

/// Everything one audit found: the single value every output format is rendered from.
///
/// The counts cover every (rule, subject) pair; `results` holds only the pairs the report lists
/// (`--results`), and holds only a bounded number of them in memory, so memory stays flat
/// however many records a run reads.
public struct Report: Sendable {
    public var toolName = "grundpakke-check"
    public var toolVersion: String
    public var packName: String
    public var packVersion: String
    /// The rules that were run, in id order.
    public var rules: [Rule]
    public var asOf: CivilDate
    /// The listed (rule, subject) pairs, ordered by file, line, subject (a case before its
    /// children), rule id. Past a bound they live in a temporary file (`ResultStore`).
    public var results: ResultStore
    /// The listed results already written as JSON, when the audit was asked for that
    /// (`AuditRequest.listedJSON`); `results` is then empty, and the report can be written only
    /// as JSON (`ReportFormat.write` refuses the other formats) and not marked afterwards
    /// (`Waivers.apply`, `Baseline.compare`): waivers and a baseline given with the request are
    /// marked as results are judged.
    public var writtenResults: WrittenResults?
    public var subjectCounts: [SubjectReference.Kind: Int]
    public var recordsRead: Int
    public var recordsRejected: Int
    public var inputErrors: [Diagnostic]
    public var inputWarnings: [Diagnostic]
    /// Expired and unmatched waivers (`--waivers`).
    public var waiverNotices: [WaiverNotice] = []
    /// Whether `--waivers` was given.
    public var waiversUsed = false
    /// Findings of `--baseline` that are gone; nil when no baseline was given.
    public var resolvedFindings: [ResolvedFinding]?
    /// Outcomes of every pair.
    public var outcomeCounts: OutcomeCounts
    /// Outcomes of every pair, per rule (in `rules` order).
    public var ruleCounts: [OutcomeCounts]
    /// Outcomes of every pair, per shelter id.
    public var shelterCounts: [String: OutcomeCounts]
    /// Rule levels with a noncompliant result that no waiver covers.
    public var unwaivedNoncompliance: Set<Rule.Level>
    /// How many findings a waiver covers.
    public var waivedCount: Int
    /// Findings new and unchanged against the baseline.
    public var baselineCounts: (new: Int, unchanged: Int)

    public func rule(of result: AuditResult) -> Rule { rules[result.ruleIndex] }

    public var countsByRule: [(rule: Rule, counts: OutcomeCounts)] {
        zip(rules, ruleCounts).map { ($0, $1) }
    }

    public var recordsEvaluated: Int { recordsRead - recordsRejected }

    /// Whether any result that is not waived breaks a rule of the given level or above.
    public func hasNoncompliance(atLeast level: Rule.Level) -> Bool {
        unwaivedNoncompliance.contains { $0 >= level }
    }

    /// The standard's headings in its order (the pack's `sections`).
    public var sections: [String] = []

    /// The heading a rule is reported under: the first of `sections` its own section starts
    /// with ("Tilbud til børn (skolegang)" → "Tilbud til børn"), else its section as written.
    public func heading(of rule: Rule) -> String {
        sections.first { rule.section == $0 || rule.section.hasPrefix($0 + " ") } ?? rule.section
    }

    /// Compliance per Grundpakke heading, in the standard's order (headings no pack section
    /// names follow, in the order they first appear).
    public var countsBySection: [(section: String, counts: OutcomeCounts)] {
        var found: [String] = []
        var counts: [String: OutcomeCounts] = [:]
        for (rule, ruleCounts) in zip(rules, ruleCounts) {
            let heading = heading(of: rule)
            if counts[heading] == nil { found.append(heading) }
            counts[heading, default: OutcomeCounts()].add(ruleCounts)
        }
        let ordered = sections.filter { counts[$0] != nil } + found.filter { !sections.contains($0) }
        return ordered.map { ($0, counts[$0] ?? OutcomeCounts()) }
    }

    /// Compliance per shelter (its profile, cases and children together), by shelter id.
    public var countsByShelter: [(shelterID: String, counts: OutcomeCounts)] {
        shelterCounts.keys.sorted().map { ($0, shelterCounts[$0] ?? OutcomeCounts()) }
    }

    public var hasRuleErrors: Bool { outcomeCounts[.error] > 0 }
}
