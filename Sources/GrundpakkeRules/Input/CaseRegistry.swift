import RuleDSL

/// What the checks across records remember: every case key seen (a 64-bit hash of shelter id
/// and case id, with where it was first given, in `CaseKeyTable`: about 20 bytes a case), the
/// shelters with a profile, and the cases of shelters without one.
public struct CaseRegistry: Sendable {
    private var firstSeen = CaseKeyTable()
    private var profiles = Set<String>()
    /// By shelter id: where its first case was given and how many it has (none: all forgotten).
    private var casesByShelter = IDTable<ShelterCases>()

    private struct ShelterCases: Sendable {
        var location: SourceLocation
        var count: Int
    }

    public init() {}

    /// Notes an accepted record; for a case whose id its shelter already used, the error that
    /// rejects it.
    public mutating func register(_ record: RecordIdentity) -> Diagnostic? {
        if record.kind == .shelter {
            profiles.insert(record.id)
            return nil
        }
        let key = CaseRegistry.key(record)
        if let first = firstSeen.location(of: key) {
            return .error(at: record.location, code: "input.duplicate-case",
                "expected each case_id once per shelter, found '\(CPRRedaction.redact(record.id))' again",
                hint: "it was first given at \(first); if these are two stays, give them different ids")
        }
        firstSeen.insert(key, at: record.location)
        if let entry = casesByShelter.index(of: record.shelterID) {
            // A shelter whose cases were all forgotten starts again at this one.
            if casesByShelter[entry: entry].count == 0 { casesByShelter[entry: entry].location = record.location }
            casesByShelter[entry: entry].count += 1
        } else {
            casesByShelter.append(record.shelterID, ShelterCases(location: record.location, count: 1))
        }
        return nil
    }

    /// Takes back a record registered but then rejected for another reason.
    public mutating func forget(_ record: RecordIdentity) {
        guard record.kind == .case else { return }
        let key = CaseRegistry.key(record)
        guard firstSeen.location(of: key) == record.location else { return }
        firstSeen.remove(key)
        if let entry = casesByShelter.index(of: record.shelterID), casesByShelter[entry: entry].count > 0 {
            casesByShelter[entry: entry].count -= 1
        }
    }

    /// One warning per shelter whose cases were read without its profile.
    public var warnings: [Diagnostic] {
        zip(casesByShelter.ids, casesByShelter.values)
            .filter { $0.1.count > 0 && !profiles.contains($0.0) }
            .sorted { $0.1.location < $1.1.location }
            .map { shelterID, found in
                .warning(at: found.location, code: "input.no-shelter-profile",
                    "shelter_id '\(CPRRedaction.redact(shelterID))' has no shelter profile in this run (\(found.count) case\(found.count == 1 ? "" : "s"))",
                    hint: "add the shelter's profile to check the shelter rules too, or check the spelling of shelter_id")
            }
    }

    /// FNV-1a over shelter id, a separator and case id: stable across runs, so output is too.
    static func key(_ record: RecordIdentity) -> UInt64 {
        let shelter = TableHashing.fnv1a(TableHashing.fnv1a(TableHashing.start, record.shelterID), 0xFF)
        return TableHashing.fnv1a(shelter, record.id)
    }
}
