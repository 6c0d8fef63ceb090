/// Maps the schema description of input documents to checker types.
extension CELType {
    /// The checker type of values validated against `schema`: enumerations are strings,
    /// objects become declared records whose fields keep their nullability.
    public init(schema: SchemaType) {
        switch schema {
        case .bool: self = .bool
        case .int: self = .int
        case .double: self = .double
        case .string, .enumeration: self = .string
        case .date: self = .date
        case .list(let element): self = .list(CELType(schema: element))
        case .object(let object): self = .object(ObjectType(schema: object))
        case .dyn: self = .dyn
        }
    }
}

extension ObjectType {
    public init(schema: ObjectSchema) {
        self.init(name: schema.name, fields: schema.fields.map {
            ($0.name, Field(CELType(schema: $0.type), nullable: $0.nullable))
        })
    }
}
