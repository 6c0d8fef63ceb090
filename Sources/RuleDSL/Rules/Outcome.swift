/// The verdict on one (rule, subject) pair.
public enum Outcome: String, Sendable, Hashable, CaseIterable, Comparable {
    case noncompliant
    case pending
    case incomplete
    case compliant
    case notApplicable = "not_applicable"
    /// The rule itself failed (e.g. an expression error that is not missing data). Never
    /// counted as compliant; `audit` exits 2 when any occurs.
    case error

    /// Findings first: the order reports list outcomes in.
    public static func < (lhs: Outcome, rhs: Outcome) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .error: return 0
        case .noncompliant: return 1
        case .pending: return 2
        case .incomplete: return 3
        case .compliant: return 4
        case .notApplicable: return 5
        }
    }

    /// The five outcomes of the contract, in the order summaries print them.
    public static let reported: [Outcome] = [.compliant, .noncompliant, .pending, .incomplete, .notApplicable]

    /// Whether the result asks someone to act or to record something.
    public var isFinding: Bool {
        self == .noncompliant || self == .pending || self == .incomplete || self == .error
    }
}

/// The outcome of one rule for one subject, with everything a report shows about it.
public struct RuleResult: Sendable {
    public var outcome: Outcome
    public var due: CivilDate?
    public var daysLate: Int?
    /// Paths (relative to the subject) that were absent and kept the result open.
    public var missing: [String]
    /// The values the rule looked at, by path; `nil` means the field was not recorded.
    public var evidence: [(path: String, value: Value?)]
    /// The legal references in force on the subject's reference date.
    public var legalBasis: [LegalReference]
    /// Why the rule failed, for `.error`.
    public var errorMessage: String?

    public init(
        outcome: Outcome, due: CivilDate? = nil, daysLate: Int? = nil, missing: [String] = [],
        evidence: [(path: String, value: Value?)] = [], legalBasis: [LegalReference] = [], errorMessage: String? = nil
    ) {
        self.outcome = outcome
        self.due = due
        self.daysLate = daysLate
        self.missing = missing
        self.evidence = evidence
        self.legalBasis = legalBasis
        self.errorMessage = errorMessage
    }
}
