import RuleDSL

/// Short constructors so the input model reads like the data-model table it encodes.
enum F {
    static func field(_ name: String, _ type: SchemaType, required: Bool = false, absentMeans: Value? = nil, _ da: String, _ en: String) -> FieldSchema {
        FieldSchema(name, type, nullable: !required, required: required, absentMeans: absentMeans, doc: LocalizedText(da: da, en: en))
    }

    static func bool(_ name: String, _ da: String, _ en: String) -> FieldSchema { field(name, .bool, da, en) }
    static func int(_ name: String, _ da: String, _ en: String) -> FieldSchema { field(name, .int, da, en) }
    static func text(_ name: String, _ da: String, _ en: String) -> FieldSchema { field(name, .string, da, en) }
    static func date(_ name: String, _ da: String, _ en: String) -> FieldSchema { field(name, .date, da, en) }
    static func id(_ name: String, _ da: String, _ en: String) -> FieldSchema { field(name, .string, required: true, da, en) }

    static func oneOf(_ name: String, _ values: [String], _ da: String, _ en: String) -> FieldSchema {
        field(name, .enumeration(values), da, en)
    }

    static func object(_ name: String, _ typeName: String, _ da: String, _ en: String, absentMeans: Value? = nil, _ fields: [FieldSchema]) -> FieldSchema {
        field(name, .object(ObjectSchema(name: typeName, fields: fields)), absentMeans: absentMeans, da, en)
    }
}
