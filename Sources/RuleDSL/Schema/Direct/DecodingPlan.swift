/// An object schema compiled for decoding JSON bytes straight into record values: each field's
/// name as bytes to match keys against, the key `Value` every record shares (so no key is ever
/// allocated per record), and what the field accepts.
///
/// The plan covers what well-formed exports hold. Anything it does not cover (a `dyn` field, a
/// number where text is expected, an object with more than 64 fields) makes the direct decoder
/// give up on that record, and the located path of `JSONReader` and `SchemaValidator` takes it.
final class ObjectPlan: Sendable {
    let fields: [FieldPlan]
    /// Fields that must be present; a record missing one is an input error.
    let requiredMask: UInt64
    /// Fields with a meaning when absent, in schema order, appended after the given keys exactly
    /// as `SchemaValidator` does.
    let absentDefaults: [(index: Int, value: Value)]
    /// Whether the plan can decode this object at all (at most 64 fields, tracked in a bit set).
    let decodable: Bool

    init(_ schema: ObjectSchema) {
        fields = schema.fields.map(FieldPlan.init)
        decodable = schema.fields.count <= 64
        var required: UInt64 = 0
        var defaults: [(index: Int, value: Value)] = []
        for (index, field) in schema.fields.enumerated() where index < 64 {
            if field.required { required |= 1 << UInt64(index) }
            if let absent = field.absentMeans { defaults.append((index, absent)) }
        }
        requiredMask = required
        absentDefaults = defaults
    }
}

/// One field of an `ObjectPlan`.
struct FieldPlan: Sendable {
    let name: [UInt8]
    let key: Value
    let type: TypePlan
    let nullable: Bool

    init(_ field: FieldSchema) {
        name = Array(field.name.utf8)
        key = .string(field.name)
        type = TypePlan(field.type)
        nullable = field.nullable
    }
}

/// What a field accepts, in the direct decoder's terms.
indirect enum TypePlan: Sendable {
    case bool
    case int
    case string
    case date
    /// The allowed spellings as bytes and the shared value each one decodes to.
    case enumeration([(bytes: [UInt8], value: Value)])
    case list(TypePlan)
    case object(ObjectPlan)
    /// Left to the located path (`dyn`, `double`).
    case unsupported

    init(_ type: SchemaType) {
        switch type {
        case .bool: self = .bool
        case .int: self = .int
        case .string: self = .string
        case .date: self = .date
        case .enumeration(let allowed): self = .enumeration(allowed.map { (Array($0.utf8), Value.string($0)) })
        case .list(let element): self = .list(TypePlan(element))
        case .object(let schema): self = .object(ObjectPlan(schema))
        case .double, .dyn: self = .unsupported
        }
    }
}
