import RuleDSL

/// What one record adds to a report, worked out on the core that judged it, so that merging in
/// input order is cheap: counts, the results the report lists, and which waivers and earlier
/// findings it touched.
public struct RecordTally: Sendable {
    var outcomes: [(rule: Int, outcome: Outcome)] = []
    var counts = OutcomeCounts()
    var shelterID = ""
    var subjects = (shelters: 0, cases: 0, children: 0)
    var unwaived = LevelSet()
    var waived = 0
    var baseline = (new: 0, unchanged: 0)
    var kept: [AuditResult] = []
    var waiversUsed: [Int] = []
    var baselineSeen: [(key: Baseline.Key, outcome: String)] = []
}

/// A set of rule levels as bits: a record adds to it for every noncompliant result, and a
/// `Set` would allocate for the first one.
struct LevelSet: Sendable, Equatable {
    private var bits: UInt8 = 0

    mutating func insert(_ level: Rule.Level) { bits |= Self.bit(level) }

    mutating func formUnion(_ other: LevelSet) { bits |= other.bits }

    func contains(_ level: Rule.Level) -> Bool { bits & Self.bit(level) != 0 }

    /// The levels in the set, as the report holds them.
    var levels: Set<Rule.Level> { Set(Rule.Level.allCases.filter(contains)) }

    private static func bit(_ level: Rule.Level) -> UInt8 {
        switch level {
        case .requirement: return 1
        case .recommendation: return 2
        }
    }
}

/// The read-only knowledge a tally needs: the rules, the selection, the waivers in force and
/// the previous findings. `Sendable`, shared by every core.
public struct TallyContext: Sendable {
    public let rules: [Rule]
    public let asOf: CivilDate
    public let selection: ResultSelection
    let waivers: [Waiver]?
    let previous: [Baseline.Key: String]?
    /// Rule ids and levels by rule index: read for every result, so kept apart from the rules.
    private let ruleIDs: [String]
    private let levels: [Rule.Level]

    public init(rules: [Rule], asOf: CivilDate, selection: ResultSelection, waivers: [Waiver]?, baseline: [Baseline.Entry]?) {
        self.rules = rules
        self.asOf = asOf
        self.selection = selection
        self.waivers = waivers
        ruleIDs = rules.map(\.id)
        levels = rules.map(\.level)
        previous = baseline.map { entries in
            var before: [Baseline.Key: String] = [:]
            for entry in entries { before[entry.key] = entry.outcome }
            return before
        }
    }

    /// One record's results, waived and compared as the options ask, counted and filtered.
    public func tally(_ results: [AuditResult], shelterID: String, subjects: [SubjectReference.Kind: Int]) -> RecordTally {
        var tally = RecordTally()
        tally.shelterID = shelterID
        tally.subjects = (subjects[.shelter] ?? 0, subjects[.case] ?? 0, subjects[.child] ?? 0)
        tally.outcomes.reserveCapacity(results.count)
        for item in results { add(item, to: &tally) }
        return tally
    }

    /// Whether a result needs its subject to be tallied: waivers and earlier findings are
    /// matched by subject, whatever the outcome.
    var matchesSubjects: Bool { waivers != nil || previous != nil }

    /// One result, waived and compared as the options ask, counted, and kept when listed.
    /// `item` is taken and changed in place: a copy of it (`var item = result`) counted a
    /// reference to each of its texts and lists.
    func add(_ item: consuming AuditResult, to tally: inout RecordTally) {
        let ruleID = ruleIDs[item.ruleIndex]
        let outcome = item.result.outcome
        if let waivers, outcome == .noncompliant || outcome == .pending || outcome == .incomplete,
           let index = waivers.indices.first(where: { waivers[$0].expires >= asOf && Waivers.covers(waivers[$0], ruleID: ruleID, subject: item.subject) }) {
            item.waiver = waivers[index]
            tally.waiversUsed.append(index)
            tally.waived += 1
        }
        if let previous {
            let key = Baseline.Key(rule: ruleID, subjectKind: item.subject.kind.rawValue, subjectID: item.subject.id, caseID: item.subject.caseID)
            let earlier = previous[key]
            if earlier != nil { tally.baselineSeen.append((key, outcome.rawValue)) }
            if outcome.isFinding {
                item.baseline = earlier == outcome.rawValue ? .unchanged : .new
                if item.baseline == .new { tally.baseline.new += 1 } else { tally.baseline.unchanged += 1 }
            }
        }
        if outcome == .noncompliant, item.waiver == nil { tally.unwaived.insert(levels[item.ruleIndex]) }
        tally.counts.add(outcome)
        tally.outcomes.append((item.ruleIndex, outcome))
        if selection.includes(outcome) {
            // A record that lists one result usually lists a few: room for them in one go.
            if tally.kept.isEmpty { tally.kept.reserveCapacity(4) }
            tally.kept.append(item)
        }
    }

    /// `add` for a result that is only counted: not listed, and no waivers or earlier findings
    /// to match (`matchesSubjects` is false), so neither its subject nor its details are needed.
    func count(rule: Int, _ outcome: Outcome, to tally: inout RecordTally) {
        if outcome == .noncompliant { tally.unwaived.insert(levels[rule]) }
        tally.counts.add(outcome)
        tally.outcomes.append((rule, outcome))
    }
}
