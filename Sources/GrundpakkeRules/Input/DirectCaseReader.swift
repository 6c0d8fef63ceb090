import RuleDSL

/// The fast path for a line of JSON Lines: a clean case decoded straight from its bytes.
///
/// It answers only for records that the located path would accept without a single
/// diagnostic, and then with the same record; for everything else (another kind, an unknown
/// key, a CPR-shaped id, any input error) it answers nil and `RecordBuilder` reads the line
/// with locations, so every message stays exactly as before.
struct DirectCaseReader: Sendable {
    private let decoder: DirectJSONDecoder
    private static let caseID = MapKey("case_id", in: CaseSchema.object)
    private static let shelterID = MapKey("shelter_id", in: CaseSchema.object)
    private static let children = MapKey("children", in: CaseSchema.object)
    private static let childID = MapKey("child_id", in: CaseSchema.child)

    init(limits: DocumentLimits, building selection: FieldSelection = .everything) {
        var selection = selection
        // The identity this reader checks for CPR numbers is read here, whatever the caller reads.
        selection.formUnion(CaseReads.always)
        decoder = DirectJSONDecoder(schema: CaseSchema.object, limits: limits, trackingItemsOf: "children", building: selection)
    }

    func record(_ bytes: ArraySlice<UInt8>, file: String, line: Int) -> RecordResult? {
        guard let decoded = decoder.decode(bytes),
              case .string(let id)? = decoded.fields[Self.caseID],
              case .string(let shelterID)? = decoded.fields[Self.shelterID],
              !CPRRedaction.containsCPR(id), !CPRRedaction.containsCPR(shelterID) else { return nil }
        if case .list(let children)? = decoded.fields[Self.children] {
            for child in children {
                guard case .map(let fields) = child, case .string(let childID)? = fields[Self.childID],
                      !CPRRedaction.containsCPR(childID) else { return nil }
            }
        }
        // Only whitespace can come before the opening brace, so its column is its offset + 1.
        let start = SourceLocation(file: file, line: line, column: decoded.start + 1)
        var childLocations: [SourceLocation] = []
        if decoded.itemCount > 0 {
            childLocations.reserveCapacity(decoded.itemCount)
            decoded.forEachItemColumn(in: bytes) { childLocations.append(SourceLocation(file: file, line: line, column: $0)) }
        }
        let record = InputRecord(
            kind: .case, id: id, shelterID: shelterID, fields: decoded.fields, location: start,
            childLocations: childLocations)
        return RecordResult(record: record, location: start, diagnostics: [])
    }
}
