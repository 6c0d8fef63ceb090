import RuleDSL

/// Checks that span fields or records, after each record has been validated on its own:
/// impossible orders of dates, ages outside childhood, identifiers used twice, and cases whose
/// shelter has no profile in the run.
public enum ConsistencyChecks {
    /// Rejects the records that cannot be judged (each with a located error) and adds warnings.
    /// Counts stay consistent: a rejected record stays in `results`, without its record.
    public static func apply(to batch: inout InputBatch, asOf: CivilDate) {
        var firstCase: [String: SourceLocation] = [:]
        var shelterProfiles = Set<String>()
        for result in batch.results {
            if let record = result.record, record.kind == .shelter { shelterProfiles.insert(record.id) }
        }
        var casesWithoutProfile: [String: (location: SourceLocation, count: Int)] = [:]
        for index in batch.results.indices {
            guard let record = batch.results[index].record, record.kind == .case else { continue }
            var problems = dateProblems(record, asOf: asOf) + childProblems(record)
            let key = "\(record.shelterID)\u{0}\(record.id)"
            if let first = firstCase[key] {
                problems.append(.error(at: record.location, code: "input.duplicate-case",
                    "expected each case_id once per shelter, found '\(record.id)' again",
                    hint: "it was first given at \(first); if these are two stays, give them different ids"))
            } else {
                firstCase[key] = record.location
            }
            if !problems.isEmpty {
                batch.results[index].diagnostics += problems.map(redacted)
                if problems.contains(where: \.isError) { batch.results[index].record = nil }
            }
            if batch.results[index].record != nil, !shelterProfiles.contains(record.shelterID) {
                casesWithoutProfile[record.shelterID, default: (record.location, 0)].count += 1
            }
        }
        for (shelterID, found) in casesWithoutProfile.sorted(by: { $0.value.location < $1.value.location }) {
            batch.fileDiagnostics.append(redacted(.warning(at: found.location, code: "input.no-shelter-profile",
                "shelter_id '\(shelterID)' has no shelter profile in this run (\(found.count) case\(found.count == 1 ? "" : "s"))",
                hint: "add the shelter's profile to check the shelter rules too, or check the spelling of shelter_id")))
        }
    }

    private static func date(_ map: MapValue, _ path: [String]) -> CivilDate? {
        var current: Value = .map(map)
        for key in path {
            guard case .map(let inner) = current, let next = inner[key] else { return nil }
            current = next
        }
        if case .date(let date) = current { return date }
        return nil
    }

    private static func dateProblems(_ record: InputRecord, asOf: CivilDate) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard let admission = date(record.fields, ["admission", "date"]) else { return [] }
        if admission > asOf {
            problems.append(.error(at: record.location, code: "input.admission-after-as-of",
                "admission.date: expected a date on or before the evaluation date \(asOf), found \(admission)",
                hint: "check the admission date, or run with a later --as-of"))
        }
        if let departure = date(record.fields, ["departure", "date"]), departure < admission {
            problems.append(.error(at: record.location, code: "input.departure-before-admission",
                "departure.date: expected a date on or after the admission \(admission), found \(departure)",
                hint: "check both dates against the case file"))
        }
        return problems
    }

    private static func childProblems(_ record: InputRecord) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, child) in record.children.enumerated() {
            let location = index < record.childLocations.count ? record.childLocations[index] : record.location
            if case .int(let age)? = child["age"], !(0...17).contains(age) {
                problems.append(.error(at: location, code: "input.child-age",
                    "children[\(index)].age: expected an age from 0 to 17, found \(age)",
                    hint: "children are under 18; an adult companion is not a child of the stay"))
            }
            if case .string(let id)? = child["child_id"] {
                if let first = seen[id] {
                    problems.append(.error(at: location, code: "input.duplicate-child",
                        "children[\(index)].child_id: expected each child once, found '\(id)' again (also children[\(first)])",
                        hint: "give each child of the stay its own id"))
                } else {
                    seen[id] = index
                }
            }
        }
        return problems
    }

    private static func redacted(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.message = CPRRedaction.redact(copy.message)
        copy.hint = copy.hint.map(CPRRedaction.redact)
        return copy
    }
}
