/// A declarative description of input documents: the one source of truth from which a domain
/// derives validation, the expression checker's variable types, a JSON Schema and templates.
public indirect enum SchemaType: Sendable, Equatable {
    case bool
    case int
    case double
    case string
    /// A calendar date written `YYYY-MM-DD`.
    case date
    /// A string from a closed set.
    case enumeration([String])
    case list(SchemaType)
    case object(ObjectSchema)
    /// Anything: checked only at run time.
    case dyn
}

/// The languages reports and messages are written in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case da
    case en
}

/// Human text in the two report languages.
public struct LocalizedText: Sendable, Equatable {
    public var da: String
    public var en: String

    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .da: return da
        case .en: return en
        }
    }
}

/// One field of an object.
public struct FieldSchema: Sendable, Equatable {
    public var name: String
    public var type: SchemaType
    /// Whether `null` is a legal value ("recorded as none / not done").
    public var nullable: Bool
    /// Whether a document without this field is an input error (identifiers), rather than a
    /// record in which the field is simply not recorded.
    public var required: Bool
    /// What an absent key means when the data model defines it (e.g. a departure that is not
    /// given means the stay is ongoing, the same as `null`); `nil` = "not recorded".
    public var absentMeans: Value?
    public var doc: LocalizedText

    public init(
        _ name: String, _ type: SchemaType, nullable: Bool = true, required: Bool = false,
        absentMeans: Value? = nil, doc: LocalizedText
    ) {
        self.absentMeans = absentMeans
        self.name = name
        self.type = type
        self.nullable = nullable
        self.required = required
        self.doc = doc
    }
}

/// An object with named fields. Field order is the order documents and templates show them in.
public struct ObjectSchema: Sendable, Equatable {
    public var name: String
    public var fields: [FieldSchema] {
        didSet { positions = ObjectSchema.positions(of: fields) }
    }
    /// Field positions by name: validation looks a field up for every key of every record.
    private var positions: [String: Int]

    public init(name: String, fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
        positions = ObjectSchema.positions(of: fields)
    }

    /// The place of the field `name` in `fields`.
    public func position(of name: String) -> Int? {
        positions[name]
    }

    public func field(named name: String) -> FieldSchema? {
        positions[name].map { fields[$0] }
    }

    private static func positions(of fields: [FieldSchema]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name] == nil { positions[field.name] = position }
        return positions
    }
}
