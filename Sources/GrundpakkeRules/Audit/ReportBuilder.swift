import RuleDSL

/// Gathers a report record by record, in input order: adds each record's tally, keeps the
/// results the report lists, and remembers which waivers and earlier findings were touched.
public struct ReportBuilder: Sendable {
    public let context: TallyContext
    private let waivers: [Waiver]?
    private let baseline: [Baseline.Entry]?

    private var results: ResultStore
    /// The listed results as JSON, when they are written where they are judged.
    private var written: WrittenResults?
    private var outcomeCounts = OutcomeCounts()
    private var ruleCounts: [OutcomeCounts]
    /// By shelter id (see `IDTable`: records come from the shelters in any order).
    private var shelterCounts = IDTable<OutcomeCounts>()
    private var subjects = (shelters: 0, cases: 0, children: 0)
    private var unwaived = LevelSet()
    private var waivedCount = 0
    private var baselineCounts = (new: 0, unchanged: 0)
    private var waiversUsed = Set<Int>()
    private var baselineSeen: [Baseline.Key: String] = [:]
    private var recordsRead = 0
    private var recordsRejected = 0
    private var errors: [Diagnostic] = []
    private var warnings: [Diagnostic] = []

    /// The standard's headings, for the report's summaries (`RulePack.sections`).
    public var sections: [String] = []

    /// `resultMemoryLimit`: how many listed results stay in memory before the rest go to a
    /// temporary file (see `ResultStore`). `written`: where listed results already written as
    /// JSON go (`add(written:marks:)`), when they are.
    public init(rules: [Rule], asOf: CivilDate, selection: ResultSelection = .all, waivers: [Waiver]? = nil,
                baseline: [Baseline.Entry]? = nil, resultMemoryLimit: Int = ResultStore.defaultMemoryLimit,
                written: WrittenResults? = nil) {
        context = TallyContext(rules: rules, asOf: asOf, selection: selection, waivers: waivers, baseline: baseline)
        results = ResultStore(memoryLimit: resultMemoryLimit)
        self.written = written
        self.waivers = waivers
        self.baseline = baseline
        ruleCounts = Array(repeating: OutcomeCounts(), count: rules.count)
    }

    /// A record judged into its tally (`Auditor.tally`), on any core.
    public mutating func add(_ tally: RecordTally, diagnostics: [Diagnostic]) {
        recordsRead += 1
        add(diagnostics)
        subjects.shelters += tally.subjects.shelters
        subjects.cases += tally.subjects.cases
        subjects.children += tally.subjects.children
        for (rule, outcome) in tally.outcomes { ruleCounts[rule].add(outcome) }
        outcomeCounts.add(tally.counts)
        let shelter = shelterCounts.index(of: tally.shelterID) ?? shelterCounts.append(tally.shelterID, OutcomeCounts())
        shelterCounts[entry: shelter].add(tally.counts)
        unwaived.formUnion(tally.unwaived)
        waivedCount += tally.waived
        baselineCounts.new += tally.baseline.new
        baselineCounts.unchanged += tally.baseline.unchanged
        waiversUsed.formUnion(tally.waiversUsed)
        for (key, outcome) in tally.baselineSeen { baselineSeen[key] = outcome }
        results.append(contentsOf: tally.kept)
    }

    /// The listed results of records already added (`add(_:diagnostics:)`), as a core wrote
    /// them in JSON (`ListedJSONWriter`): `text` is what it wrote, `marks` what the counts need
    /// of them. The records' tallies list nothing themselves.
    mutating func add(written text: UnsafeBufferPointer<UInt8>, marks: ArraySlice<ListedMark>) {
        for mark in marks { results.count(mark) }
        written?.append(text)
    }

    /// Whether listed results are written as JSON where they are judged.
    var writesJSON: Bool { written != nil }

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
        let notices = Waivers.notices(waivers ?? [], used: waiversUsed, asOf: context.asOf)
        let resolved = baseline.map { Baseline.resolved($0, seen: baselineSeen) }
        var subjectCounts: [SubjectReference.Kind: Int] = [:]
        if subjects.shelters > 0 { subjectCounts[.shelter] = subjects.shelters }
        if subjects.cases > 0 { subjectCounts[.case] = subjects.cases }
        if subjects.children > 0 { subjectCounts[.child] = subjects.children }
        var report = Report(
            toolVersion: toolVersion, packName: packName, packVersion: packVersion, rules: context.rules, asOf: context.asOf,
            results: results, subjectCounts: subjectCounts, recordsRead: recordsRead, recordsRejected: recordsRejected,
            inputErrors: errors, inputWarnings: warnings, waiverNotices: notices, waiversUsed: waivers != nil,
            resolvedFindings: resolved, outcomeCounts: outcomeCounts, ruleCounts: ruleCounts,
            shelterCounts: shelterCounts.dictionary, unwaivedNoncompliance: unwaived.levels, waivedCount: waivedCount,
            baselineCounts: baselineCounts)
        report.sections = sections
        report.writtenResults = written
        return report
    }
}
