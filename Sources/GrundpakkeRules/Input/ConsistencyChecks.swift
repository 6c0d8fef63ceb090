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
        return (dateProblems(record, asOf: asOf) + childProblems(record)).map(CPRRedaction.redact)
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

}

/// What the checks across records remember: every case key seen (as a 64-bit hash, so that a
/// million cases cost megabytes, not hundreds of them), the shelters with a profile, and the
/// cases of shelters without one.
public struct CaseRegistry: Sendable {
    private var firstSeen: [UInt64: SourceLocation] = [:]
    private var profiles = Set<String>()
    private var casesByShelter: [String: (location: SourceLocation, count: Int)] = [:]

    public init() {}

    /// Notes an accepted record; for a case whose id its shelter already used, the error that
    /// rejects it.
    public mutating func register(_ record: RecordIdentity) -> Diagnostic? {
        if record.kind == .shelter {
            profiles.insert(record.id)
            return nil
        }
        let key = CaseRegistry.key(record)
        if let first = firstSeen[key] {
            return .error(at: record.location, code: "input.duplicate-case",
                "expected each case_id once per shelter, found '\(CPRRedaction.redact(record.id))' again",
                hint: "it was first given at \(first); if these are two stays, give them different ids")
        }
        firstSeen[key] = record.location
        casesByShelter[record.shelterID, default: (record.location, 0)].count += 1
        return nil
    }

    /// Takes back a record registered but then rejected for another reason.
    public mutating func forget(_ record: RecordIdentity) {
        guard record.kind == .case else { return }
        let key = CaseRegistry.key(record)
        guard firstSeen[key] == record.location else { return }
        firstSeen[key] = nil
        if let entry = casesByShelter[record.shelterID] {
            casesByShelter[record.shelterID] = entry.count > 1 ? (entry.location, entry.count - 1) : nil
        }
    }

    /// One warning per shelter whose cases were read without its profile.
    public var warnings: [Diagnostic] {
        casesByShelter.filter { !profiles.contains($0.key) }.sorted { $0.value.location < $1.value.location }.map { shelterID, found in
            .warning(at: found.location, code: "input.no-shelter-profile",
                "shelter_id '\(CPRRedaction.redact(shelterID))' has no shelter profile in this run (\(found.count) case\(found.count == 1 ? "" : "s"))",
                hint: "add the shelter's profile to check the shelter rules too, or check the spelling of shelter_id")
        }
    }

    /// FNV-1a over shelter id, a separator and case id: stable across runs, so output is too.
    static func key(_ record: RecordIdentity) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in record.shelterID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash = (hash ^ 0xFF) &* 0x100_0000_01B3
        for byte in record.id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
