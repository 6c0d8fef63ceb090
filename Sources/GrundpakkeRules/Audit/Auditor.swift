import RuleDSL

/// Runs the chosen rules over every record: shelter rules over shelter profiles, case rules
/// over cases, child rules over each child of a case (with its case beside it).
public struct Auditor: Sendable {
    public let rules: [CompiledRule]
    public let asOf: CivilDate
    private let indices: [String: [Int]]

    public init(rules: [CompiledRule], asOf: CivilDate) {
        self.rules = rules.sorted { $0.rule.id < $1.rule.id }
        self.asOf = asOf
        var bySubject: [String: [Int]] = [:]
        for (index, rule) in self.rules.enumerated() { bySubject[rule.subject.name, default: []].append(index) }
        indices = bySubject
    }

    public func audit(_ batch: InputBatch, toolVersion: String, pack: RulePack) -> Report {
        var results: [AuditResult] = []
        var subjects: [SubjectReference.Kind: Int] = [:]
        for record in batch.records {
            results += evaluate(record, counting: &subjects)
        }
        return Report(
            toolVersion: toolVersion, packName: pack.name, packVersion: pack.version, rules: rules.map(\.rule),
            asOf: asOf, results: results, subjectCounts: subjects, recordsRead: batch.recordsRead,
            recordsRejected: batch.recordsRejected, inputErrors: batch.errors, inputWarnings: batch.warnings)
    }

    /// The results for one record, its children after it.
    public func evaluate(_ record: InputRecord, counting subjects: inout [SubjectReference.Kind: Int]) -> [AuditResult] {
        var results: [AuditResult] = []
        let document = Value.map(record.fields)
        switch record.kind {
        case .shelter:
            subjects[.shelter, default: 0] += 1
            let subject = SubjectReference(kind: .shelter, id: record.id, caseID: nil, shelterID: record.shelterID, location: record.location)
            for index in indices["shelter"] ?? [] {
                results.append(AuditResult(ruleIndex: index, subject: subject, result: rules[index].evaluate([document], asOf: asOf)))
            }
        case .case:
            subjects[.case, default: 0] += 1
            let subject = SubjectReference(kind: .case, id: record.id, caseID: record.id, shelterID: record.shelterID, location: record.location)
            for index in indices["case"] ?? [] {
                results.append(AuditResult(ruleIndex: index, subject: subject, result: rules[index].evaluate([document], asOf: asOf)))
            }
            for (position, child) in record.children.enumerated() {
                subjects[.child, default: 0] += 1
                let childID: String
                if case .string(let id)? = child["child_id"] { childID = id } else { childID = "\(record.id)#\(position + 1)" }
                let location = position < record.childLocations.count ? record.childLocations[position] : record.location
                let subject = SubjectReference(kind: .child, id: childID, caseID: record.id, shelterID: record.shelterID, location: location)
                let documents = [Value.map(child), document]
                for index in indices["child"] ?? [] {
                    results.append(AuditResult(ruleIndex: index, subject: subject, result: rules[index].evaluate(documents, asOf: asOf)))
                }
            }
        }
        return results
    }
}
