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
}

/// Outcome counts.
public struct OutcomeCounts: Sendable, Hashable {
    public private(set) var counts: [Outcome: Int] = [:]

    public init() {}

    public subscript(outcome: Outcome) -> Int { counts[outcome] ?? 0 }

    public mutating func add(_ outcome: Outcome, _ amount: Int = 1) { counts[outcome, default: 0] += amount }

    public var total: Int { counts.values.reduce(0, +) }

    /// The share of decided results that comply: compliant / (compliant + noncompliant), or nil
    /// when nothing was decided.
    public var complianceShare: Double? {
        let decided = self[.compliant] + self[.noncompliant]
        return decided == 0 ? nil : Double(self[.compliant]) / Double(decided)
    }
}

/// Everything one audit found: the single value every output format is rendered from.
public struct Report: Sendable {
    public var toolName = "grundpakke-check"
    public var toolVersion: String
    public var packName: String
    public var packVersion: String
    /// The rules that were run, in id order.
    public var rules: [Rule]
    public var asOf: CivilDate
    /// Every (rule, subject) pair, ordered by file, line, subject (a case before its children), rule id.
    public var results: [AuditResult]
    public var subjectCounts: [SubjectReference.Kind: Int]
    public var recordsRead: Int
    public var recordsRejected: Int
    public var inputErrors: [Diagnostic]
    public var inputWarnings: [Diagnostic]

    public func rule(of result: AuditResult) -> Rule { rules[result.ruleIndex] }

    public var outcomeCounts: OutcomeCounts {
        var counts = OutcomeCounts()
        for result in results { counts.add(result.result.outcome) }
        return counts
    }

    public var countsByRule: [(rule: Rule, counts: OutcomeCounts)] {
        var perRule = Array(repeating: OutcomeCounts(), count: rules.count)
        for result in results { perRule[result.ruleIndex].add(result.result.outcome) }
        return zip(rules, perRule).map { ($0, $1) }
    }

    public var recordsEvaluated: Int { recordsRead - recordsRejected }

    /// Whether any result breaks a rule of the given level or above.
    public func hasNoncompliance(atLeast level: Rule.Level) -> Bool {
        results.contains { $0.result.outcome == .noncompliant && rules[$0.ruleIndex].level >= level }
    }

    public var hasRuleErrors: Bool { results.contains { $0.result.outcome == .error } }
}
