import RuleDSL

/// The two kinds of subject documents: a shelter profile and a stay.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case shelter
    case `case`
}

/// One validated record, ready for the rules.
public struct InputRecord: Sendable {
    public var kind: RecordKind
    /// `shelter_id` for a shelter, `case_id` for a case.
    public var id: String
    public var shelterID: String
    /// The record's fields; absent keys are "not recorded", `null` is "recorded as none".
    public var fields: MapValue
    /// Where the record starts (its first key).
    public var location: SourceLocation
    /// Where each child of a case starts, in the order of `children`.
    public var childLocations: [SourceLocation]

    public init(
        kind: RecordKind, id: String, shelterID: String, fields: MapValue, location: SourceLocation,
        childLocations: [SourceLocation] = []
    ) {
        self.kind = kind
        self.id = id
        self.shelterID = shelterID
        self.fields = fields
        self.location = location
        self.childLocations = childLocations
    }

    /// Who the record is, without its fields.
    public var identity: RecordIdentity {
        RecordIdentity(kind: kind, id: id, shelterID: shelterID, location: location)
    }

    private static let childrenKey = MapKey("children", in: CaseSchema.object)

    /// The children of a case, in the order given (an empty list for shelters or a `null` list).
    public var children: [MapValue] {
        guard case .list(let items)? = fields[Self.childrenKey] else { return [] }
        return items.compactMap { if case .map(let child) = $0 { child } else { nil } }
    }
}

/// What reading one record gave: a record, or the reason it was rejected. Warnings ride along
/// either way.
public struct RecordResult: Sendable {
    public var record: InputRecord?
    public var location: SourceLocation
    public var diagnostics: [Diagnostic]

    public var isRejected: Bool { record == nil }
}

/// A record's kind, ids and place: what checks across records need to remember of it.
public struct RecordIdentity: Sendable, Hashable {
    public var kind: RecordKind
    public var id: String
    public var shelterID: String
    public var location: SourceLocation
}
