import RuleDSL

/// Checks that span fields or records, after each record has been validated on its own:
/// impossible orders of dates, ages outside childhood, identifiers used twice, and cases whose
/// shelter has no profile in the run.
public enum ConsistencyChecks {
    /// Rejects the records that cannot be judged (each with a located error) and adds warnings.
    /// Counts stay consistent: a rejected record stays in `results`, without its record.
    public static func apply(to batch: inout InputBatch, asOf: CivilDate) {
        var registry = CaseRegistry()
        for index in batch.results.indices {
            guard let record = batch.results[index].record else { continue }
            var problems = recordProblems(record, asOf: asOf)
            if let duplicate = registry.register(record.identity) { problems.append(duplicate) }
            if !problems.isEmpty {
                batch.results[index].diagnostics += problems
                if problems.contains(where: \.isError) {
                    batch.results[index].record = nil
                    registry.forget(record.identity)
                }
            }
        }
        batch.fileDiagnostics += registry.warnings
    }

    /// The problems one record has on its own: dates in an impossible order, ages outside
    /// childhood, a child listed twice.
    public static func recordProblems(_ record: InputRecord, asOf: CivilDate) -> [Diagnostic] {
        guard record.kind == .case else { return [] }
        let problems = dateProblems(record, asOf: asOf).appending(childProblems(record))
        // Almost every record has none: then nothing is allocated for it.
        return problems.isEmpty ? [] : problems.map(CPRRedaction.redact)
    }

    private static let admissionKey = MapKey("admission", in: CaseSchema.object)
    private static let departureKey = MapKey("departure", in: CaseSchema.object)
    private static let dateKey = MapKey("date")

    /// The date at `record.date` (e.g. `admission.date`), if one is recorded there.
    private static func date(_ map: MapValue, _ record: MapKey) -> CivilDate? {
        let found = map.withValue(forKey: record) { value -> CivilDate? in
            guard case .map(let inner) = value, case .date(let date)? = inner[dateKey] else { return nil }
            return date
        }
        return found ?? nil
    }

    private static func dateProblems(_ record: InputRecord, asOf: CivilDate) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard let admission = date(record.fields, admissionKey) else { return [] }
        if admission > asOf {
            problems.append(.error(at: record.location, code: "input.admission-after-as-of",
                "admission.date: expected a date on or before the evaluation date \(asOf), found \(admission)",
                hint: "check the admission date, or run with a later --as-of"))
        }
        if let departure = date(record.fields, departureKey), departure < admission {
            problems.append(.error(at: record.location, code: "input.departure-before-admission",
                "departure.date: expected a date on or after the admission \(admission), found \(departure)",
                hint: "check both dates against the case file"))
        }
        return problems
    }

    private static let childrenKey = MapKey("children", in: CaseSchema.object)
    private static let ageKey = MapKey("age", in: CaseSchema.child)
    private static let childIDKey = MapKey("child_id", in: CaseSchema.child)

    private static func childProblems(_ record: InputRecord) -> [Diagnostic] {
        guard case .list(let children)? = record.fields[childrenKey], !children.isEmpty else { return [] }
        var problems: [Diagnostic] = []
        // Earlier ids: the children before this one searched in order for the usual handful
        // (nothing allocated), a dictionary only for long lists (so a hostile record cannot make
        // this quadratic).
        var seenTable: [String: Int] = [:]
        let useTable = children.count > 16
        for (index, item) in children.enumerated() {
            guard case .map(let child) = item else { continue }
            let location = index < record.childLocations.count ? record.childLocations[index] : record.location
            if case .int(let age)? = child[ageKey], !(0...17).contains(age) {
                problems.append(.error(at: location, code: "input.child-age",
                    "children[\(index)].age: expected an age from 0 to 17, found \(age)",
                    hint: "children are under 18; an adult companion is not a child of the stay"))
            }
            if case .string(let id)? = child[childIDKey] {
                let earlier = useTable ? seenTable[id] : firstIndex(of: id, in: children, before: index)
                if let first = earlier {
                    problems.append(.error(at: location, code: "input.duplicate-child",
                        "children[\(index)].child_id: expected each child once, found '\(id)' again (also children[\(first)])",
                        hint: "give each child of the stay its own id"))
                } else if useTable {
                    seenTable[id] = index
                }
            }
        }
        return problems
    }

    /// The index of the first child before `end` whose id is `id`.
    private static func firstIndex(of id: String, in children: [Value], before end: Int) -> Int? {
        for index in 0..<end {
            if case .map(let child) = children[index], case .string(let other)? = child[childIDKey], other == id { return index }
        }
        return nil
    }
}
