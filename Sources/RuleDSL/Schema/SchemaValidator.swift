/// The outcome of validating one document: its value when it had no errors, and every
/// diagnostic (errors and warnings) found on the way.
public struct ValidatedValue: Sendable {
    public var value: Value?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// Checks a `Node` against a `SchemaType` and builds the typed `Value`.
///
/// Absent keys stay absent (not recorded) and `null` stays `null` (recorded as none): the rules
/// treat the two differently, so validation must never blur them. Unknown keys are warnings with a
/// did-you-mean, and are dropped so they cannot be mistaken for data.
public struct SchemaValidator: Sendable {
    public init() {}

    public func validate(_ node: Node, as schema: SchemaType, path: String = "") -> ValidatedValue {
        var diagnostics: [Diagnostic] = []
        let value = convert(node, schema, path: path, nullable: false, diagnostics: &diagnostics)
        let failed = diagnostics.contains { $0.isError }
        return ValidatedValue(value: failed ? nil : value, diagnostics: diagnostics)
    }

    /// Validates the fields of a mapping against an object schema, leaving out the `excluding`
    /// keys (which the caller handles itself, such as the list of cases in an export) and giving
    /// absent top-level fields the `inherited` values (a case inherits its export's shelter).
    public func validateObject(
        _ node: Node, as schema: ObjectSchema, path: String = "", excluding: Set<String> = [],
        inherited: [String: Value] = [:]
    ) -> ValidatedValue {
        var diagnostics: [Diagnostic] = []
        var value = object(node, schema, path: path, excluding: excluding, inherited: Set(inherited.keys), diagnostics: &diagnostics)
        if case .map(var map)? = value {
            for (key, inheritedValue) in inherited.sorted(by: { $0.key < $1.key }) where map[key] == nil {
                map[key] = inheritedValue
            }
            value = .map(map)
        }
        let failed = diagnostics.contains { $0.isError }
        return ValidatedValue(value: failed ? nil : value, diagnostics: diagnostics)
    }

    private func convert(_ node: Node, _ type: SchemaType, path: String, nullable: Bool, diagnostics: inout [Diagnostic]) -> Value? {
        if let scalar = node.scalar, !scalar.isQuoted, scalar.resolved == .null {
            if nullable { return .null }
            diagnostics.append(.error(at: node.location, code: "input.null",
                "\(label(path))expected \(describe(type)), found null",
                hint: "this field cannot be null; leave the key out if it is not known"))
            return nil
        }
        switch type {
        case .bool:
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            if case .bool(let flag) = scalar.resolved { return .bool(flag) }
            let yamlOneOne: Set<String> = ["yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"]
            let hint = yamlOneOne.contains(scalar.text) && !scalar.isQuoted
                ? "write true or false: '\(scalar.text)' is text here, not a yes/no answer (YAML 1.2)"
                : "write true or false without quotes"
            return mismatch(node, type, path, &diagnostics, hint: hint)
        case .int:
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            switch scalar.resolved {
            case .int(let number): return .int(number)
            case .integerOverflow:
                diagnostics.append(.error(at: node.location, code: "input.overflow",
                    "\(label(path))expected a whole number that fits in 64 bits, found \(scalar.text)",
                    hint: "check the value; it is far outside any sensible range"))
                return nil
            default:
                let hint = scalar.isQuoted && ScalarGrammar.integer(scalar.text) != nil ? "write the number without quotes" : nil
                return mismatch(node, type, path, &diagnostics, hint: hint)
            }
        case .double:
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            switch scalar.resolved {
            case .int(let number): return .double(Double(number))
            case .double(let number): return .double(number)
            default: return mismatch(node, type, path, &diagnostics)
            }
        case .string:
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            return .string(scalar.text)
        case .date:
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            return date(scalar, node, path: path, diagnostics: &diagnostics)
        case .enumeration(let allowed):
            guard let scalar = node.scalar else { return mismatch(node, type, path, &diagnostics) }
            if allowed.contains(scalar.text) { return .string(scalar.text) }
            let suggestion = Suggestion.closest(to: scalar.text, among: allowed)
            diagnostics.append(.error(at: node.location, code: "input.enum",
                "\(label(path))expected one of \(allowed.joined(separator: ", ")), found \(node.kindDescription)",
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "use one of the listed values exactly as written"))
            return nil
        case .list(let element):
            guard let items = node.sequenceItems else { return mismatch(node, type, path, &diagnostics) }
            var values: [Value] = []
            values.reserveCapacity(items.count)
            var failed = false
            for (index, item) in items.enumerated() {
                if let value = convert(item, element, path: "\(path)[\(index)]", nullable: false, diagnostics: &diagnostics) {
                    values.append(value)
                } else {
                    failed = true
                }
            }
            return failed ? nil : .list(values)
        case .object(let schema):
            return object(node, schema, path: path, excluding: [], inherited: [], diagnostics: &diagnostics)
        case .dyn:
            return dynamic(node, path: path, diagnostics: &diagnostics)
        }
    }

    private func object(
        _ node: Node, _ schema: ObjectSchema, path: String, excluding: Set<String>, inherited: Set<String>,
        diagnostics: inout [Diagnostic]
    ) -> Value? {
        guard let entries = node.mappingEntries else {
            return mismatch(node, .object(schema), path, &diagnostics)
        }
        var map = MapValue()
        var failed = false
        for entry in entries {
            let key = entry.key.scalar?.text ?? ""
            if !excluding.isEmpty, excluding.contains(key) { continue }
            let fieldPath = path.isEmpty ? key : path + "." + key
            guard let field = schema.field(named: key) else {
                let suggestion = Suggestion.closest(to: key, among: schema.fields.map(\.name))
                diagnostics.append(.warning(at: entry.key.location, code: "input.unknown-key",
                    "unknown key '\(fieldPath)' is ignored\(path.isEmpty ? "" : " in \(path)")",
                    hint: suggestion.map { "did you mean '\($0)'? Until it is spelt right, the checker treats that field as not recorded" }
                        ?? "known keys here: \(schema.fields.map(\.name).joined(separator: ", "))"))
                continue
            }
            if let value = convert(entry.value, field.type, path: fieldPath, nullable: field.nullable, diagnostics: &diagnostics) {
                // Loaders reject duplicate keys, so each key arrives once.
                map.append(.string(key), value)
            } else {
                failed = true
            }
        }
        for field in schema.fields where field.absentMeans != nil && map[field.name] == nil {
            map[field.name] = field.absentMeans
        }
        for field in schema.fields where field.required && map[field.name] == nil && !excluding.contains(field.name) && !inherited.contains(field.name) {
            guard !entries.contains(where: { $0.key.scalar?.text == field.name }) else { continue }
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            diagnostics.append(.error(at: node.location, code: "input.required",
                "expected the key '\(fieldPath)', found none",
                hint: "add \(field.name): \(field.doc.en.lowercased())"))
            failed = true
        }
        return failed ? nil : .map(map)
    }

    private func date(_ scalar: Scalar, _ node: Node, path: String, diagnostics: inout [Diagnostic]) -> Value? {
        if let date = CivilDate(iso: scalar.text) { return .date(date) }
        let fields = scalar.text.split(separator: "-", omittingEmptySubsequences: false)
        if fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
           let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) {
            let why = !(1...12).contains(month) ? "there is no month \(month)"
                : year == 0 ? "year 0 does not exist"
                : day == 0 ? "there is no day 0"
                : "that month has \(CivilDate.daysIn(month: month, year: year)) days, not \(day)"
            diagnostics.append(.error(at: node.location, code: "input.date",
                "\(label(path))expected a real calendar date, found \(scalar.text): \(why)",
                hint: "check the date against the case file"))
            return nil
        }
        diagnostics.append(.error(at: node.location, code: "input.date",
            "\(label(path))expected a date written YYYY-MM-DD, found \(node.kindDescription)",
            hint: "write dates as e.g. 2025-03-07 (four-digit year, two-digit month and day)"))
        return nil
    }

    private func dynamic(_ node: Node, path: String, diagnostics: inout [Diagnostic]) -> Value? {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            case .string(let text): return .string(text)
            case .integerOverflow:
                diagnostics.append(.error(at: node.location, code: "input.overflow",
                    "\(label(path))expected a whole number that fits in 64 bits, found \(scalar.text)"))
                return nil
            }
        case .sequence(let items):
            var values: [Value] = []
            for (index, item) in items.enumerated() {
                guard let value = dynamic(item, path: "\(path)[\(index)]", diagnostics: &diagnostics) else { return nil }
                values.append(value)
            }
            return .list(values)
        case .mapping(let entries):
            var map = MapValue()
            for entry in entries {
                let key = entry.key.scalar?.text ?? ""
                guard let value = dynamic(entry.value, path: path.isEmpty ? key : "\(path).\(key)", diagnostics: &diagnostics) else { return nil }
                map[key] = value
            }
            return .map(map)
        }
    }

    private func mismatch(_ node: Node, _ type: SchemaType, _ path: String, _ diagnostics: inout [Diagnostic], hint: String? = nil) -> Value? {
        diagnostics.append(.error(at: node.location, code: "input.type",
            "\(label(path))expected \(describe(type)), found \(node.kindDescription)", hint: hint))
        return nil
    }

    private func label(_ path: String) -> String {
        path.isEmpty ? "" : "\(path): "
    }

    /// How a type is named in messages.
    public func describe(_ type: SchemaType) -> String {
        switch type {
        case .bool: return "true or false"
        case .int: return "a whole number"
        case .double: return "a number"
        case .string: return "text"
        case .date: return "a date (YYYY-MM-DD)"
        case .enumeration(let values): return "one of \(values.joined(separator: ", "))"
        case .list: return "a list"
        case .object: return "a mapping of keys to values"
        case .dyn: return "a value"
        }
    }
}
