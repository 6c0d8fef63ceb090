import RuleDSL

/// Runs the chosen rules over one record: shelter rules over a shelter profile, case rules over
/// a case, child rules over each child of a case (with its case beside it). Pure and `Sendable`,
/// so records can be judged on every core at once.
public struct Auditor: Sendable {
    public let rules: [CompiledRule]
    public let asOf: CivilDate
    /// Which results get their evidence and citations worked out (the ones a report lists).
    public let selection: ResultSelection
    /// Rule indices by subject, worked out once rather than looked up by name for every record.
    private let shelterRules: [Int]
    private let caseRules: [Int]
    private let childRules: [Int]

    public init(rules: [CompiledRule], asOf: CivilDate, selection: ResultSelection = .all) {
        let sorted = rules.sorted { $0.rule.id < $1.rule.id }
        self.rules = sorted
        self.asOf = asOf
        self.selection = selection
        shelterRules = sorted.indices.filter { sorted[$0].subject.name == "shelter" }
        caseRules = sorted.indices.filter { sorted[$0].subject.name == "case" }
        childRules = sorted.indices.filter { sorted[$0].subject.name == "child" }
    }

    /// A whole batch already in memory, in order (tests and small runs).
    public func audit(_ batch: InputBatch, toolVersion: String, pack: RulePack) -> Report {
        var builder = ReportBuilder(rules: rules.map(\.rule), asOf: asOf, selection: selection)
        builder.sections = pack.sections
        // Records already in memory still pass through the same tally as a streamed run.
        builder.add(batch.fileDiagnostics)
        for result in batch.results {
            guard let record = result.record else {
                builder.add(rejected: result.diagnostics)
                continue
            }
            builder.add(tally(record, context: builder.context), diagnostics: result.diagnostics)
        }
        return builder.finish(toolVersion: toolVersion, packName: pack.name, packVersion: pack.version)
    }

    /// The results for one record, its children after it.
    public func evaluate(_ record: InputRecord, counting subjects: inout [SubjectReference.Kind: Int]) -> [AuditResult] {
        var results: [AuditResult] = []
        walk(record) { kind, ruleIndices, own, context, subject in
            subjects[kind, default: 0] += 1
            let reference = subject()
            for index in ruleIndices {
                var result = rules[index].judge(own, context: context, asOf: asOf)
                if selection.includes(result.outcome) { result = rules[index].explain(result, own, context: context, asOf: asOf) }
                results.append(AuditResult(ruleIndex: index, subject: reference, result: result))
            }
        }
        return results
    }

    /// What `evaluate` followed by `context.tally` gives, without their intermediate results:
    /// a result that is only counted costs its outcome, and a subject reference (ids, place)
    /// is made only for a result the report lists or when waivers or a baseline must be matched.
    public func tally(_ record: InputRecord, context: TallyContext) -> RecordTally {
        var tally = RecordTally()
        tally.shelterID = record.shelterID
        // One outcome per pair: room for all of them at once, not grown pair by pair.
        tally.outcomes.reserveCapacity(pairCount(of: record))
        let matchesSubjects = context.matchesSubjects
        walk(record) { kind, ruleIndices, own, documentContext, subject in
            switch kind {
            case .shelter: tally.subjects.shelters += 1
            case .case: tally.subjects.cases += 1
            case .child: tally.subjects.children += 1
            }
            var reference: SubjectReference?
            CompiledRule.judge(rules, ruleIndices, own, context: documentContext, asOf: asOf,
                               explaining: { selection.includes($0) }) { index, result in
                let outcome = result.outcome
                guard matchesSubjects || context.selection.includes(outcome) else {
                    context.count(rule: index, outcome, to: &tally)
                    return
                }
                let made = reference ?? subject()
                reference = made
                context.add(AuditResult(ruleIndex: index, subject: made, result: result), to: &tally)
            }
        }
        // Moved out, not copied: the closures above capture `tally`, and returning it as it is
        // copied it out of the capture (a retain and a release for each of its texts and lists).
        var judged = RecordTally()
        swap(&judged, &tally)
        return judged
    }

    /// How many (rule, subject) pairs `record` gives at most.
    private func pairCount(of record: InputRecord) -> Int {
        switch record.kind {
        case .shelter:
            return shelterRules.count
        case .case:
            guard case .list(let items)? = record.fields[Self.childrenKey] else { return caseRules.count }
            return caseRules.count + items.count * childRules.count
        }
    }

    private static let childIDKey = MapKey("child_id", in: CaseSchema.child)
    private static let childrenKey = MapKey("children", in: CaseSchema.object)

    /// Calls `body` for each subject of the record in report order (a case, then its children)
    /// with its rules, its documents and a way to make its reference.
    private func walk(
        _ record: InputRecord,
        _ body: (SubjectReference.Kind, [Int], Value, Value?, () -> SubjectReference) -> Void
    ) {
        let document = Value.map(record.fields)
        switch record.kind {
        case .shelter:
            body(.shelter, shelterRules, document, nil) {
                SubjectReference(kind: .shelter, id: record.id, caseID: nil, shelterID: record.shelterID, location: record.location)
            }
        case .case:
            body(.case, caseRules, document, nil) {
                SubjectReference(kind: .case, id: record.id, caseID: record.id, shelterID: record.shelterID, location: record.location)
            }
            // The children are read where they lie in the record, not gathered into an array.
            guard case .list(let items)? = record.fields[Self.childrenKey] else { return }
            var mapsSeen = 0
            for item in items {
                guard case .map(let child) = item else { continue }
                let position = mapsSeen
                mapsSeen += 1
                body(.child, childRules, item, document) {
                    let childID: String
                    if case .string(let id)? = child[Self.childIDKey] { childID = id } else { childID = "\(record.id)#\(position + 1)" }
                    let location = position < record.childLocations.count ? record.childLocations[position] : record.location
                    return SubjectReference(kind: .child, id: childID, caseID: record.id, shelterID: record.shelterID, location: location)
                }
            }
        }
    }
}
