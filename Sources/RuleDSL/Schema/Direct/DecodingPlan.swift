/// An object schema compiled for decoding JSON bytes straight into record values: the field
/// names as bytes to match keys against, the key `Value` every record shares (so no key is ever
/// allocated per record), and what each field accepts.
///
/// Fields outside the plan's `FieldSelection` are checked exactly as built ones are, but never
/// built: a record holds only what its readers read.
///
/// Both cores read the same plans for every record, so reading one must not count references:
/// two cores updating one count take turns at its cache line. The plan therefore keeps its
/// fields in memory of its own (freed in `deinit`) and refers to nested plans without counting
/// (`PlanReference`), keeping them alive itself.
///
/// The plan covers what well-formed exports hold. Anything it does not cover (a `dyn` field, a
/// number where text is expected, an object with more than 64 fields) makes the direct decoder
/// give up on that record, and the located path of `JSONReader` and `SchemaValidator` takes it.
final class ObjectPlan: @unchecked Sendable {
    // Unchecked: `fields` and `names` are written once in `init` and only read afterwards.
    /// One field of the schema, in schema order.
    struct Field {
        let key: Value
        /// The key as plain bits (see `PlainValue`), when it is short enough to hold no
        /// storage: it is then put into an entry without counting a reference.
        let plainKey: PlainValue?
        /// The key's fingerprint (`KeyFingerprint`), so appending to a map never works one out.
        let fingerprint: UInt64
        let type: TypePlan
        /// Whether every value the field decodes to holds no reference (a flag, a number, a
        /// date, a word of an enumeration of short words, or `null`), so that its entry can be
        /// marked plain without looking at it.
        let plainValues: Bool

        init(key: Value, plainKey: PlainValue?, type: TypePlan) {
            self.key = key
            self.plainKey = plainKey
            fingerprint = KeyFingerprint.of(key)
            self.type = type
            switch type {
            case .bool, .int, .date: plainValues = true
            case .enumeration(let allowed): plainValues = allowed.with(\.plainValues)
            case .string, .list, .object, .unsupported: plainValues = false
            }
        }
    }

    let names: ByteNames
    /// The length in bytes of the longest field name.
    let longestName: Int
    let fields: UnsafeMutableBufferPointer<Field>
    /// Bit `i` set: field `i` accepts `null`.
    let nullableMask: UInt64
    /// Fields that must be present; a record missing one is an input error.
    let requiredMask: UInt64
    /// Bit `i` set: field `i` is built (the selection reads it); the others are only checked.
    let builtMask: UInt64
    /// How many fields are built at most (the map's capacity).
    let builtCount: Int
    /// Fields with a meaning when absent, in schema order, appended after the given keys exactly
    /// as `SchemaValidator` does.
    let absentDefaults: [(index: Int, value: Value)]
    /// Whether the plan can decode this object at all (at most 64 fields, tracked in a bit set).
    let decodable: Bool
    /// Whether this object's built fields hold no maps, so that it is built into the record's
    /// shared block (`MapStorage`) instead of a block of its own.
    let sharesBlock: Bool
    /// About how many entries the objects built into a shared block take in one such object,
    /// nested ones included (a list counted as a few items): the room a record's shared block
    /// is made with.
    let sharedEntries: Int
    /// The nested plans `fields` refer to, kept alive here.
    private let nested: [any AnyObject & Sendable]

    init(_ schema: ObjectSchema, building selection: FieldSelection = .everything) {
        names = ByteNames.make(schema.fields.map(\.name))
        longestName = schema.fields.map(\.name.utf8.count).max() ?? 0
        let fields = UnsafeMutableBufferPointer<Field>.allocate(capacity: schema.fields.count)
        decodable = schema.fields.count <= 64
        var nested: [any AnyObject & Sendable] = []
        var nullable: UInt64 = 0
        var required: UInt64 = 0
        var built: UInt64 = 0
        var defaults: [(index: Int, value: Value)] = []
        var holdsMaps = false
        var nestedShared = 0
        for (index, field) in schema.fields.enumerated() {
            let plainKey = PlainValue.string(field.name)
            let key = plainKey?.value ?? Value.string(field.name)
            let type = TypePlan.make(field.type, building: selection.field(field.name) ?? .everything, keeping: &nested)
            fields.initializeElement(at: index, to: Field(key: key, plainKey: plainKey, type: type))
            guard index < 64 else { continue }
            let bit: UInt64 = 1 << UInt64(index)
            if field.nullable { nullable |= bit }
            if field.required { required |= bit }
            if selection.field(field.name) != nil {
                built |= bit
                holdsMaps = holdsMaps || type.holdsMaps
                nestedShared += type.sharedEntries
            }
            // A default is part of what is built: an unread field gets none either.
            if let absent = field.absentMeans, built & bit != 0 { defaults.append((index, absent)) }
        }
        self.fields = fields
        self.nested = nested
        nullableMask = nullable
        requiredMask = required
        builtMask = built
        builtCount = built.nonzeroBitCount
        absentDefaults = defaults
        sharesBlock = !holdsMaps && builtCount > 0
        sharedEntries = sharesBlock ? builtCount : nestedShared
    }

    deinit {
        _ = fields.deinitialize()
        fields.deallocate()
        names.deallocate()
    }
}

/// The allowed spellings of an enumeration and the shared value each one decodes to.
final class EnumerationPlan: @unchecked Sendable {
    // Unchecked: `names` is written once in `init` and only read afterwards.
    let names: ByteNames
    let values: [Value]
    /// Whether every value is plain (`PlainValue`): short words, as enumerations nearly always
    /// are, so that an entry holding one has nothing to free.
    let plainValues: Bool

    init(_ allowed: [String]) {
        names = ByteNames.make(allowed)
        let plain = allowed.map(PlainValue.string)
        values = zip(allowed, plain).map { text, plain in plain?.value ?? .string(text) }
        plainValues = plain.allSatisfy { $0 != nil }
    }

    deinit { names.deallocate() }
}

/// A list's element type.
final class ListPlan: Sendable {
    let element: TypePlan
    /// The nested plans `element` refers to, kept alive here.
    private let nested: [any AnyObject & Sendable]

    init(_ element: SchemaType, building selection: FieldSelection) {
        var nested: [any AnyObject & Sendable] = []
        self.element = TypePlan.make(element, building: selection, keeping: &nested)
        self.nested = nested
    }
}

/// A plan that another plan keeps alive, referred to without reference counting (see
/// `ObjectPlan`).
struct PlanReference<Plan: AnyObject>: @unchecked Sendable {
    // Unchecked: only immutable, `Sendable` plans are referred to.
    private let reference: Unmanaged<Plan>

    init(_ plan: Plan) {
        reference = .passUnretained(plan)
    }

    /// Runs `body` with the plan, counting no reference.
    @inline(__always)
    func with<Result>(_ body: (Plan) -> Result) -> Result {
        reference._withUnsafeGuaranteedRef(body)
    }
}

/// What a field accepts, in the direct decoder's terms.
enum TypePlan: Sendable {
    case bool
    case int
    case string
    case date
    case enumeration(PlanReference<EnumerationPlan>)
    case list(PlanReference<ListPlan>)
    case object(PlanReference<ObjectPlan>)
    /// Left to the located path (`dyn`, `double`).
    case unsupported

    /// Whether a value of this type, as built, can hold a map.
    var holdsMaps: Bool {
        switch self {
        case .object: return true
        case .list(let plan): return plan.with { $0.element.holdsMaps }
        case .bool, .int, .string, .date, .enumeration, .unsupported: return false
        }
    }

    /// The entries such a value takes in a record's shared block (see `ObjectPlan`); a list is
    /// counted as two items.
    var sharedEntries: Int {
        switch self {
        case .object(let plan): return plan.with(\.sharedEntries)
        case .list(let plan): return 2 * plan.with { $0.element.sharedEntries }
        case .bool, .int, .string, .date, .enumeration, .unsupported: return 0
        }
    }

    /// The plan for `type`; a nested plan it makes is appended to `owners`, which must keep it
    /// alive as long as the plan is used. `selection` is what to build inside an object, or
    /// inside each object of a list.
    static func make(_ type: SchemaType, building selection: FieldSelection, keeping owners: inout [any AnyObject & Sendable]) -> TypePlan {
        switch type {
        case .bool: return .bool
        case .int: return .int
        case .string: return .string
        case .date: return .date
        case .enumeration(let allowed):
            let plan = EnumerationPlan(allowed)
            owners.append(plan)
            return .enumeration(PlanReference(plan))
        case .list(let element):
            let plan = ListPlan(element, building: selection)
            owners.append(plan)
            return .list(PlanReference(plan))
        case .object(let schema):
            let plan = ObjectPlan(schema, building: selection)
            owners.append(plan)
            return .object(PlanReference(plan))
        case .double, .dyn: return .unsupported
        }
    }
}
