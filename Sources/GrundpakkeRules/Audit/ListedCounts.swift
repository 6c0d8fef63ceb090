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
        if item.waiver != nil { waived += 1 }
        switch item.baseline {
        case .new?: baselineNew += 1
        case .unchanged?: baselineUnchanged += 1
        case nil: break
        }
        guard item.ruleIndex >= 0 else { return }
        while byRule.count <= item.ruleIndex { byRule.append(Array(repeating: 0, count: Self.slots)) }
        byRule[item.ruleIndex][Self.slot(item.result.outcome, waived: item.waiver != nil)] += 1
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
