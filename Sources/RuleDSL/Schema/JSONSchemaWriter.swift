/// Publishes a schema description as JSON Schema (draft 2020-12), so that data producers can
/// validate exports in their own tools against exactly what the checker accepts.
public struct JSONSchemaWriter: Sendable {
    public var language: Language

    public init(language: Language = .en) {
        self.language = language
    }

    /// A schema for one field type.
    public func schema(for type: SchemaType, nullable: Bool) -> JSONValue {
        var members: [(String, JSONValue)]
        switch type {
        case .bool: members = [("type", .string("boolean"))]
        case .int: members = [("type", .string("integer"))]
        case .double: members = [("type", .string("number"))]
        case .string: members = [("type", .string("string"))]
        case .date: members = [("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        case .enumeration(let values): members = [("enum", .array(values.map(JSONValue.string) + (nullable ? [.null] : [])))]
        case .list(let element): members = [("type", .string("array")), ("items", schema(for: element, nullable: false))]
        case .object(let object): members = self.object(object)
        case .dyn: members = []
        }
        if nullable, case .enumeration = type {
            return .object(members)
        }
        if nullable, let typeIndex = members.firstIndex(where: { $0.0 == "type" }), case .string(let name) = members[typeIndex].1 {
            members[typeIndex].1 = .array([.string(name), .string("null")])
        }
        return .object(members)
    }

    /// The members of an object schema: properties in field order, required ids, no extra keys
    /// allowed (the checker itself only warns about them, but a producer's validator should fail).
    public func object(_ object: ObjectSchema) -> [(String, JSONValue)] {
        var properties: [(String, JSONValue)] = []
        for field in object.fields {
            guard case .object(var fieldSchema) = schema(for: field.type, nullable: field.nullable) else { continue }
            fieldSchema.insert(("description", .string(field.doc.text(in: language))), at: 0)
            properties.append((field.name, .object(fieldSchema)))
        }
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        let required = object.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        return members
    }
}
