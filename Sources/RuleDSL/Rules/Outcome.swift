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
