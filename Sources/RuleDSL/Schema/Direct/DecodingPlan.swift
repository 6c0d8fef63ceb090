/// An object schema compiled for decoding JSON bytes straight into record values: the field
/// names as bytes to match keys against, the key `Value` every record shares (so no key is ever
/// allocated per record), and what each field accepts. Kept as parallel arrays so the decoder's
/// inner loop reads single elements instead of copying (and reference counting) whole fields.
///
/// Fields outside the plan's `FieldSelection` are checked exactly as built ones are, but never
/// built: a record holds only what its readers read.
///
/// The plan covers what well-formed exports hold. Anything it does not cover (a `dyn` field, a
/// number where text is expected, an object with more than 64 fields) makes the direct decoder
/// give up on that record, and the located path of `JSONReader` and `SchemaValidator` takes it.
final class ObjectPlan: Sendable {
    let names: ByteNames
    let keys: [Value]
    /// The keys' fingerprints (`KeyFingerprint`), so appending to a map never works one out.
    let fingerprints: [UInt64]
    let types: [TypePlan]
    /// Bit `i` set: field `i` accepts `null`.
    let nullableMask: UInt64
    /// Fields that must be present; a record missing one is an input error.
    let requiredMask: UInt64
    /// Fields with a meaning when absent, in schema order, appended after the given keys exactly
    /// as `SchemaValidator` does.
    let absentDefaults: [(index: Int, value: Value)]
    /// Bit `i` set: field `i` is built (the selection reads it); the others are only checked.
    let builtMask: UInt64
    /// How many fields are built at most (the map's capacity).
    let builtCount: Int
    /// Whether the plan can decode this object at all (at most 64 fields, tracked in a bit set).
    let decodable: Bool

    init(_ schema: ObjectSchema, building selection: FieldSelection = .everything) {
        names = ByteNames(schema.fields.map(\.name))
        keys = schema.fields.map { .string($0.name) }
        fingerprints = keys.map(KeyFingerprint.of)
        types = schema.fields.map { field in TypePlan(field.type, building: selection.field(field.name) ?? .everything) }
        decodable = schema.fields.count <= 64
        var nullable: UInt64 = 0
        var required: UInt64 = 0
        var built: UInt64 = 0
        var defaults: [(index: Int, value: Value)] = []
        for (index, field) in schema.fields.enumerated() where index < 64 {
            let bit: UInt64 = 1 << UInt64(index)
            if field.nullable { nullable |= bit }
            if field.required { required |= bit }
            if selection.field(field.name) != nil { built |= bit }
            // A default is part of what is built: an unread field gets none either.
            if let absent = field.absentMeans, built & bit != 0 { defaults.append((index, absent)) }
        }
        nullableMask = nullable
        requiredMask = required
        builtMask = built
        builtCount = built.nonzeroBitCount
        absentDefaults = defaults
    }
}

/// The allowed spellings of an enumeration and the shared value each one decodes to.
final class EnumerationPlan: Sendable {
    let names: ByteNames
    let values: [Value]

    init(_ allowed: [String]) {
        names = ByteNames(allowed)
        values = allowed.map(Value.string)
    }
}

/// A list's element type.
final class ListPlan: Sendable {
    let element: TypePlan

    init(_ element: SchemaType, building selection: FieldSelection) {
        self.element = TypePlan(element, building: selection)
    }
}

/// What a field accepts, in the direct decoder's terms.
enum TypePlan: Sendable {
    case bool
    case int
    case string
    case date
    case enumeration(EnumerationPlan)
    case list(ListPlan)
    case object(ObjectPlan)
    /// Left to the located path (`dyn`, `double`).
    case unsupported

    /// `selection` is what to build inside an object, or inside each object of a list.
    init(_ type: SchemaType, building selection: FieldSelection = .everything) {
        switch type {
        case .bool: self = .bool
        case .int: self = .int
        case .string: self = .string
        case .date: self = .date
        case .enumeration(let allowed): self = .enumeration(EnumerationPlan(allowed))
        case .list(let element): self = .list(ListPlan(element, building: selection))
        case .object(let schema): self = .object(ObjectPlan(schema, building: selection))
        case .double, .dyn: self = .unsupported
        }
    }
}
