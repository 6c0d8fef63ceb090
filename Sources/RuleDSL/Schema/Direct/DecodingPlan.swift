/// An object schema compiled for decoding JSON bytes straight into record values: the field
/// names as bytes to match keys against, the key `Value` every record shares (so no key is ever
/// allocated per record), and what each field accepts. Kept as parallel arrays so the decoder's
/// inner loop reads single elements instead of copying (and reference counting) whole fields.
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
    /// Whether the plan can decode this object at all (at most 64 fields, tracked in a bit set).
    let decodable: Bool

    init(_ schema: ObjectSchema) {
        names = ByteNames(schema.fields.map(\.name))
        keys = schema.fields.map { .string($0.name) }
        fingerprints = keys.map(KeyFingerprint.of)
        types = schema.fields.map { TypePlan($0.type) }
        decodable = schema.fields.count <= 64
        var nullable: UInt64 = 0
        var required: UInt64 = 0
        var defaults: [(index: Int, value: Value)] = []
        for (index, field) in schema.fields.enumerated() where index < 64 {
            if field.nullable { nullable |= 1 << UInt64(index) }
            if field.required { required |= 1 << UInt64(index) }
            if let absent = field.absentMeans { defaults.append((index, absent)) }
        }
        nullableMask = nullable
        requiredMask = required
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

    init(_ element: SchemaType) {
        self.element = TypePlan(element)
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

    init(_ type: SchemaType) {
        switch type {
        case .bool: self = .bool
        case .int: self = .int
        case .string: self = .string
        case .date: self = .date
        case .enumeration(let allowed): self = .enumeration(EnumerationPlan(allowed))
        case .list(let element): self = .list(ListPlan(element))
        case .object(let schema): self = .object(ObjectPlan(schema))
        case .double, .dyn: self = .unsupported
        }
    }
}
