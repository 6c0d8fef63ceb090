import RuleDSL

/// Runs the chosen rules over one record: shelter rules over a shelter profile, case rules over
/// a case, child rules over each child of a case (with its case beside it). Pure and `Sendable`,
/// so records can be judged on every core at once.
public struct Auditor: Sendable {
    public let rules: [CompiledRule]
    public let asOf: CivilDate
    /// Which results get their evidence and citations worked out (the ones a report lists).
    public let selection: ResultSelection
    private let indices: [String: [Int]]

    public init(rules: [CompiledRule], asOf: CivilDate, selection: ResultSelection = .all) {
        self.rules = rules.sorted { $0.rule.id < $1.rule.id }
        self.asOf = asOf
        self.selection = selection
        var bySubject: [String: [Int]] = [:]
        for (index, rule) in self.rules.enumerated() { bySubject[rule.subject.name, default: []].append(index) }
        indices = bySubject
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
            var subjects: [SubjectReference.Kind: Int] = [:]
            let results = evaluate(record, counting: &subjects)
            builder.add(evaluated: results, shelterID: record.shelterID, subjects: subjects, diagnostics: result.diagnostics)
        }
        return builder.finish(toolVersion: toolVersion, packName: pack.name, packVersion: pack.version)
    }

    /// The results for one record, its children after it.
    public func evaluate(_ record: InputRecord, counting subjects: inout [SubjectReference.Kind: Int]) -> [AuditResult] {
        var results: [AuditResult] = []
        let document = Value.map(record.fields)
        switch record.kind {
        case .shelter:
            subjects[.shelter, default: 0] += 1
            let subject = SubjectReference(kind: .shelter, id: record.id, caseID: nil, shelterID: record.shelterID, location: record.location)
            judge(indices["shelter"] ?? [], [document], subject, into: &results)
        case .case:
            subjects[.case, default: 0] += 1
            let subject = SubjectReference(kind: .case, id: record.id, caseID: record.id, shelterID: record.shelterID, location: record.location)
            judge(indices["case"] ?? [], [document], subject, into: &results)
            for (position, child) in record.children.enumerated() {
                subjects[.child, default: 0] += 1
                let childID: String
                if case .string(let id)? = child["child_id"] { childID = id } else { childID = "\(record.id)#\(position + 1)" }
                let location = position < record.childLocations.count ? record.childLocations[position] : record.location
                let subject = SubjectReference(kind: .child, id: childID, caseID: record.id, shelterID: record.shelterID, location: location)
                judge(indices["child"] ?? [], [Value.map(child), document], subject, into: &results)
            }
        }
        return results
    }

    private func judge(_ ruleIndices: [Int], _ documents: [Value], _ subject: SubjectReference, into results: inout [AuditResult]) {
        for index in ruleIndices {
            var result = rules[index].judge(documents, asOf: asOf)
            if selection.includes(result.outcome) { result = rules[index].explain(result, documents, asOf: asOf) }
            results.append(AuditResult(ruleIndex: index, subject: subject, result: result))
        }
    }
}
