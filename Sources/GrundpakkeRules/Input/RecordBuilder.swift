import RuleDSL

/// Turns parsed documents into validated records: dispatches on `kind`, unpacks case exports,
/// and makes sure no message can echo a CPR number.
public struct RecordBuilder: Sendable {
    private let validator = SchemaValidator()

    public init() {}

    /// The records of one document of a YAML stream or a JSON file.
    public func records(fromDocument node: Node) -> [RecordResult] {
        // An empty document (a stray `---`) holds no record, so nothing is lost by skipping it.
        if let scalar = node.scalar, !scalar.isQuoted, scalar.resolved == .null { return [] }
        guard node.mappingEntries != nil else {
            return [rejected(at: node.location, .error(at: node.location, code: "input.document",
                "expected a document with a kind (shelter, case or case-export), found \(node.kindDescription)",
                hint: "start each document with e.g. 'kind: case'"))]
        }
        guard let kindNode = node["kind"] else {
            return [rejected(at: node.location, .error(at: node.location, code: "input.kind",
                "expected the key 'kind' (shelter, case or case-export), found none",
                hint: "add 'kind: case' or 'kind: shelter' as the document's first line"))]
        }
        switch kindNode.scalar?.text {
        case "shelter": return [shelter(node)]
        case "case": return [caseRecord(node, inherited: [:])]
        case "case-export": return export(node)
        default:
            let kinds = ["shelter", "case", "case-export"]
            let suggestion = kindNode.scalar.flatMap { Suggestion.closest(to: $0.text, among: kinds) }
            return [rejected(at: node.location, .error(at: kindNode.location, code: "input.kind",
                "expected kind to be shelter, case or case-export, found \(kindNode.kindDescription)",
                hint: suggestion.map { "did you mean '\($0)'?" }))]
        }
    }

    /// A line of a JSON Lines file: a case unless it says otherwise.
    public func records(fromLine node: Node) -> [RecordResult] {
        guard node.mappingEntries != nil, node["kind"] != nil else {
            if node.mappingEntries == nil {
                return [rejected(at: node.location, .error(at: node.location, code: "input.document",
                    "expected a JSON object holding one case, found \(node.kindDescription)"))]
            }
            return [caseRecord(node, inherited: [:])]
        }
        return records(fromDocument: node)
    }

    private func shelter(_ node: Node) -> RecordResult {
        let validated = validator.validateObject(node, as: ShelterSchema.object)
        return finish(validated, node: node, kind: .shelter, idField: "shelter_id")
    }

    private func caseRecord(_ node: Node, inherited: [String: Value]) -> RecordResult {
        let validated = validator.validateObject(node, as: CaseSchema.object, inherited: inherited)
        return finish(validated, node: node, kind: .case, idField: "case_id")
    }

    private func export(_ node: Node) -> [RecordResult] {
        let envelope = validator.validateObject(node, as: CaseSchema.export, excluding: ["cases"])
        var envelopeDiagnostics = envelope.diagnostics + cprProblems(in: node, idFields: ["shelter_id"])
        guard let casesNode = node["cases"] else {
            envelopeDiagnostics.append(.error(at: node.location, code: "input.required",
                "expected the key 'cases' in a case-export, found none", hint: "list the cases under 'cases:'"))
            return [rejected(at: node.location, envelopeDiagnostics)]
        }
        guard let items = casesNode.sequenceItems else {
            envelopeDiagnostics.append(.error(at: casesNode.location, code: "input.type",
                "cases: expected a list of cases, found \(casesNode.kindDescription)"))
            return [rejected(at: casesNode.location, envelopeDiagnostics)]
        }
        if envelopeDiagnostics.contains(where: \.isError) {
            // Without a sound header the cases cannot be attributed to a shelter: each one is
            // rejected by name so the counts still add up, and the header's errors are given once.
            guard !items.isEmpty else { return [rejected(at: node.location, envelopeDiagnostics)] }
            var results = items.map { item in
                rejected(at: item.location, .error(at: item.location, code: "input.export",
                    "this case is not checked because its case-export header has errors",
                    hint: "fix the errors reported for the header at line \(node.location.line)"))
            }
            results[0].diagnostics = envelopeDiagnostics.map(CPRRedaction.redact) + results[0].diagnostics
            return results
        }
        var results: [RecordResult] = []
        var inherited: [String: Value] = [:]
        if case .map(let map)? = envelope.value, let shelterID = map["shelter_id"] { inherited["shelter_id"] = shelterID }
        for (index, item) in items.enumerated() {
            guard item.mappingEntries != nil else {
                results.append(rejected(at: item.location, .error(at: item.location, code: "input.document",
                    "cases[\(index)]: expected a case (a mapping of keys to values), found \(item.kindDescription)")))
                continue
            }
            if let kind = item["kind"], kind.scalar?.text != "case" {
                results.append(rejected(at: item.location, .error(at: kind.location, code: "input.kind",
                    "cases[\(index)]: expected kind to be case (or left out), found \(kind.kindDescription)")))
                continue
            }
            results.append(caseRecord(item, inherited: inherited))
        }
        if !envelopeDiagnostics.isEmpty, var first = results.first {
            first.diagnostics = envelopeDiagnostics.map(CPRRedaction.redact) + first.diagnostics
            results[0] = first
        }
        return results
    }

    private func finish(_ validated: ValidatedValue, node: Node, kind: RecordKind, idField: String) -> RecordResult {
        // Identifiers are checked on the document itself, so a CPR number used as an id is named
        // even when the record has other errors too.
        let diagnostics = validated.diagnostics.map(CPRRedaction.redact) + cprProblems(in: node, idFields: [idField, "shelter_id"])
        guard !diagnostics.contains(where: \.isError), case .map(let fields)? = validated.value,
              case .string(let id)? = fields[idField], case .string(let shelterID)? = fields["shelter_id"] else {
            return RecordResult(record: nil, location: node.location, diagnostics: diagnostics)
        }
        let childLocations = node["children"]?.sequenceItems?.map(\.location) ?? []
        let record = InputRecord(
            kind: kind, id: id, shelterID: shelterID, fields: fields, location: node.location,
            childLocations: childLocations)
        return RecordResult(record: record, location: node.location, diagnostics: diagnostics)
    }

    /// An error for every identifier (the named ones and each child's `child_id`) shaped like a
    /// CPR number, at the identifier's own location. The value itself is never shown.
    private func cprProblems(in node: Node, idFields: [String]) -> [Diagnostic] {
        var candidates = idFields.compactMap { field in node[field].map { (field, $0) } }
        for (index, child) in (node["children"]?.sequenceItems ?? []).enumerated() {
            if let id = child["child_id"] { candidates.append(("children[\(index)].child_id", id)) }
        }
        return candidates.compactMap { path, idNode in
            guard let text = idNode.scalar?.text, CPRRedaction.containsCPR(text) else { return nil }
            return .error(at: idNode.location, code: "input.cpr",
                "\(path): expected a pseudonymous id, found a value shaped like a CPR number (not shown)",
                hint: "never use a CPR number as an id; use the case system's own pseudonymous number")
        }
    }

    private func rejected(at location: SourceLocation, _ diagnostic: Diagnostic) -> RecordResult {
        rejected(at: location, [diagnostic])
    }

    private func rejected(at location: SourceLocation, _ diagnostics: [Diagnostic]) -> RecordResult {
        RecordResult(record: nil, location: location, diagnostics: diagnostics.map(CPRRedaction.redact))
    }

    /// Every message that may quote input passes through here.
}
