import RuleDSL

/// Counts over the results a report lists, kept as they are added, so that reporters can print
/// them (or, for JUnit, the counts of a suite before its test cases) without reading the
/// results twice.
public struct ListedCounts: Sendable, Hashable {
    /// Listed results a waiver covers.
    public private(set) var waived = 0
    /// Listed findings new and unchanged against `--baseline`.
    public private(set) var baselineNew = 0
    public private(set) var baselineUnchanged = 0
    /// Per rule index, per outcome, waived or not.
    private var byRule: [[Int]] = []

    private static let slots = Outcome.allCases.count * 2

    public init() {}

    /// Whether any listed result carries a waiver or a baseline mark.
    public var hasMarks: Bool { waived + baselineNew + baselineUnchanged > 0 }

    mutating func add(_ item: AuditResult) {
        add(ListedMark(item))
    }

    /// A listed result known by what these counts read of it (a result already written as
    /// JSON, see `WrittenResults`).
    mutating func add(_ mark: ListedMark) {
        if mark.waived { waived += 1 }
        switch mark.baseline {
        case .new?: baselineNew += 1
        case .unchanged?: baselineUnchanged += 1
        case nil: break
        }
        let rule = Int(mark.ruleIndex)
        guard rule >= 0 else { return }
        while byRule.count <= rule { byRule.append(Array(repeating: 0, count: Self.slots)) }
        byRule[rule][Self.slot(mark.outcome, waived: mark.waived)] += 1
    }

    /// How many listed results of the rule have this outcome and are (or are not) waived.
    public func count(rule: Int, outcome: Outcome, waived: Bool) -> Int {
        guard rule >= 0, rule < byRule.count else { return 0 }
        return byRule[rule][Self.slot(outcome, waived: waived)]
    }

    private static func slot(_ outcome: Outcome, waived: Bool) -> Int {
        (Outcome.allCases.firstIndex(of: outcome) ?? 0) * 2 + (waived ? 1 : 0)
    }
}

/// What `ListedCounts` reads of a listed result: kept for each result a core has already written
/// as JSON, in place of the result itself.
struct ListedMark: Sendable {
    var ruleIndex: Int32
    var outcome: Outcome
    var waived: Bool
    var baseline: BaselineStatus?

    init(_ item: AuditResult) {
        ruleIndex = Int32(clamping: item.ruleIndex)
        outcome = item.result.outcome
        waived = item.waiver != nil
        baseline = item.baseline
    }
}
