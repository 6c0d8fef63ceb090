/// Which parts of a document are read: whole fields, or some fields of an object field, down to
/// any depth. A list field's selection applies to each of its items.
///
/// A decoder that knows the selection builds only those fields and only checks the rest: what
/// nobody reads is never allocated. A reader must be given every path it can touch, or it would
/// see a field as absent; `FieldReads` works them out from compiled expressions.
public struct FieldSelection: Sendable, Equatable {
    /// The field is read as a whole value (or compared, printed, counted): build all of it.
    public private(set) var isWhole: Bool
    /// The fields read inside it, when it is not whole.
    public private(set) var fields: [String: FieldSelection]

    /// Build everything.
    public static let everything = FieldSelection(isWhole: true, fields: [:])
    /// Build the container itself, nothing inside it.
    public static let nothing = FieldSelection(isWhole: false, fields: [:])

    private init(isWhole: Bool, fields: [String: FieldSelection]) {
        self.isWhole = isWhole
        self.fields = fields
    }

    /// A selection of the given paths, each whole (e.g. `[["admission", "date"], ["children", "age"]]`).
    public init(paths: [[String]]) {
        self = .nothing
        for path in paths { include(path[...]) }
    }

    /// A selection of one field, built as `selection` says (e.g. what child rules read of a
    /// case's `children`).
    public init(field name: String, _ selection: FieldSelection) {
        self.init(isWhole: false, fields: [name: selection])
    }

    /// What to build of `field`, or nil when it is not read at all.
    public func field(_ name: String) -> FieldSelection? {
        isWhole ? .everything : fields[name]
    }

    /// Adds a path; `whole` says whether its last field is read whole or only entered (a list
    /// iterated by a comprehension whose items are read field by field).
    public mutating func include(_ path: ArraySlice<String>, whole: Bool = true) {
        guard !isWhole else { return }
        guard let first = path.first else {
            if whole { self = .everything }
            return
        }
        var inner = fields[first] ?? .nothing
        inner.include(path.dropFirst(), whole: whole)
        fields[first] = inner
    }

    /// Everything either selection builds.
    public mutating func formUnion(_ other: FieldSelection) {
        guard !isWhole else { return }
        guard !other.isWhole else {
            self = .everything
            return
        }
        for (name, selection) in other.fields {
            var inner = fields[name] ?? .nothing
            inner.formUnion(selection)
            fields[name] = inner
        }
    }
}
