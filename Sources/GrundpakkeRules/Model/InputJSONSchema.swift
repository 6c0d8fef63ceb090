import RuleDSL

/// The JSON Schema of every input document, generated from the same field descriptions that
/// validate the input (`grundpakke-check schema`).
public enum InputJSONSchema {
    public static func document(language: Language = .en) -> JSONValue {
        let writer = JSONSchemaWriter(language: language)
        let shelter = writer.object(ShelterSchema.object)
        let caseObject = writer.object(CaseSchema.object)
        // Inside an export a case may leave out shelter_id: it inherits the export's.
        var exportedCase = caseObject
        if let index = exportedCase.firstIndex(where: { $0.0 == "required" }) {
            exportedCase[index].1 = .array([.string("case_id")])
        }
        var export = writer.object(CaseSchema.export)
        if let index = export.firstIndex(where: { $0.0 == "properties" }), case .object(var properties) = export[index].1,
           let casesIndex = properties.firstIndex(where: { $0.0 == "cases" }) {
            properties[casesIndex].1 = .object([
                ("description", .string(CaseSchema.export.field(named: "cases")?.doc.text(in: language) ?? "")),
                ("type", .string("array")),
                ("items", .object([("$ref", .string("#/$defs/exported_case"))])),
            ])
            export[index].1 = .object(properties)
        }
        return .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://grundpakke-check.invalid/schema/input.json")),
            ("title", .string("grundpakke-check input document")),
            ("description", .string("A shelter profile, a case (stay), or a case export. In JSON Lines files each line is a case; kind may be left out there.")),
            ("oneOf", .array([
                .object([("$ref", .string("#/$defs/shelter"))]),
                .object([("$ref", .string("#/$defs/case"))]),
                .object([("$ref", .string("#/$defs/case_export"))]),
            ])),
            ("$defs", .object([
                ("shelter", .object(shelter)),
                ("case", .object(caseObject)),
                ("exported_case", .object(exportedCase)),
                ("case_export", .object(export)),
            ])),
        ])
    }
}
