import RuleDSL

/// Writes a commented, fill-in template of an input document (`grundpakke-check init`), walking
/// the same `ObjectSchema` that validates the input, so the template can never drift from it.
///
/// Every field is shown with its documentation as a comment above it and a type hint beside it;
/// nested objects are indented and lists show one example item. The placeholder values are
/// neutral but valid (`false`, `0`, `2025-01-01`, an enum's first value, `mit-krisecenter`), so the
/// template as printed reads with no input errors and no warnings.
public struct TemplateWriter: Sendable {
    public var language: Language

    public init(language: Language = .da) {
        self.language = language
    }

    /// The kinds of document `init` can write.
    public enum Kind: String, Sendable, CaseIterable {
        case shelter
        case `case`

        public var schema: ObjectSchema {
            switch self {
            case .shelter: return ShelterSchema.object
            case .case: return CaseSchema.object
            }
        }
    }

    /// The template of one document kind.
    public func template(_ kind: Kind) -> String {
        var lines = header(kind)
        lines.append("")
        write(kind.schema, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Walking the schema

    private func write(_ object: ObjectSchema, indent: Int, into lines: inout [String]) {
        for field in object.fields {
            write(field, indent: indent, listItem: false, into: &lines)
        }
    }

    /// One field. `listItem` puts the `- ` of a list's example item before the key.
    private func write(_ field: FieldSchema, indent: Int, listItem: Bool, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for comment in docLines(field) { lines.append("\(pad)# \(comment)") }
        let key = (listItem ? "- " : "") + field.name
        // Under a list item's dash, the keys of a nested value line up after the dash.
        let inner = indent + (listItem ? 4 : 2)
        switch field.type {
        case .object(let schema):
            lines.append("\(pad)\(key):")
            write(schema, indent: inner, into: &lines)
        case .list(.object(let schema)):
            lines.append("\(pad)\(key):\(hintSuffix(field))")
            writeListItem(schema, indent: inner, into: &lines)
        default:
            lines.append("\(pad)\(key): \(placeholder(field))\(hintSuffix(field))")
        }
    }

    /// One example item of a list of objects: `- ` before its first key, the rest aligned under it.
    private func writeListItem(_ schema: ObjectSchema, indent: Int, into lines: inout [String]) {
        for (index, field) in schema.fields.enumerated() {
            let first = index == 0
            write(field, indent: first ? indent : indent + 2, listItem: first, into: &lines)
        }
    }

    // MARK: Words

    private func docLines(_ field: FieldSchema) -> [String] {
        var text = field.doc.text(in: language)
        if field.required { text += language == .da ? " (skal udfyldes)" : " (required)" }
        return [text]
    }

    private func hintSuffix(_ field: FieldSchema) -> String {
        guard let hint = hint(field.type) else { return "" }
        return "   # \(hint)"
    }

    private func hint(_ type: SchemaType) -> String? {
        let da = language == .da
        switch type {
        case .bool: return da ? "ja/nej: true eller false" : "yes/no: true or false"
        case .int: return da ? "heltal" : "whole number"
        case .double: return da ? "tal" : "number"
        case .string: return da ? "tekst" : "text"
        case .date: return da ? "dato: ÅÅÅÅ-MM-DD" : "date: YYYY-MM-DD"
        case .enumeration(let values):
            return (da ? "én af: " : "one of: ") + values.joined(separator: " | ")
        case .list(.enumeration(let values)):
            return (da ? "liste med nogle af: " : "list of some of: ") + values.joined(separator: ", ")
                + (da ? "; [] = ingen" : "; [] = none")
        case .list:
            return da ? "liste, ét eksempel vist; [] = ingen" : "list, one example shown; [] = none"
        case .object, .dyn:
            return nil
        }
    }

    // MARK: Placeholders

    /// A neutral value that validates: the first enum value, `false`, `0`, a date, or a pseudonym.
    private func placeholder(_ field: FieldSchema) -> String {
        switch field.type {
        case .bool: return "false"
        case .int, .double: return "0"
        case .date: return "2025-01-01"
        case .string: return textPlaceholder(field.name)
        case .enumeration(let values): return values.first ?? "\"\""
        case .list(.enumeration(let values)): return values.first.map { "[\($0)]" } ?? "[]"
        case .list: return "[]"
        case .object, .dyn: return "null"
        }
    }

    private func textPlaceholder(_ name: String) -> String {
        switch name {
        case "shelter_id": return "mit-krisecenter"
        case "case_id": return "SAG-0001"
        case "child_id": return "SAG-0001-c1"
        case "name": return language == .da ? "Mit Krisecenter" : "My Shelter"
        default:
            return name.hasSuffix("municipality") ? (language == .da ? "Min Kommune" : "My Municipality") : "\"\""
        }
    }

    private func header(_ kind: Kind) -> [String] {
        switch language {
        case .da:
            let what = kind == .shelter ? "en krisecenterprofil (kind: shelter)" : "et ophold (kind: case) med ét barn som eksempel"
            return [
                "# Skabelon til \(what) for grundpakke-check.",
                "# Skrevet ud fra inputmodellen; beskrivelsen af hvert felt står i kommentaren over det.",
                "#",
                "# Sådan udfylder du den:",
                "# - Erstat eksempelværdierne (false, 0, 2025-01-01, den første tilladte værdi) med jeres egne.",
                "# - ja/nej skrives true eller false (ikke ja/nej, yes/no).",
                "# - Datoer skrives ÅÅÅÅ-MM-DD, fx 2025-03-07.",
                "# - Udelad en nøgle, hvis oplysningen ikke er registreret (så bliver resultatet 'ufuldstændigt').",
                "# - Skriv null, når det er registreret, at noget IKKE er gjort (fx date: null = ikke sket).",
                "# - Id'er er pseudonymer. Brug aldrig et cpr-nummer, og skriv ingen navne på personer.",
            ]
        case .en:
            let what = kind == .shelter ? "a shelter profile (kind: shelter)" : "a stay (kind: case) with one example child"
            return [
                "# Template for \(what) for grundpakke-check.",
                "# Written from the input model; each field's description is the comment above it.",
                "#",
                "# How to fill it in:",
                "# - Replace the example values (false, 0, 2025-01-01, the first allowed value) with your own.",
                "# - Yes/no answers are true or false (not yes/no).",
                "# - Dates are YYYY-MM-DD, e.g. 2025-03-07.",
                "# - Leave a key out when it is not recorded (the result is then 'incomplete').",
                "# - Write null when it is recorded that something was NOT done (e.g. date: null = not made).",
                "# - Ids are pseudonyms. Never use a CPR number, and write no names of people.",
            ]
        }
    }
}
