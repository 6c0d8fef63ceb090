import RuleDSL

/// Fills a rule's message template with the result's values: `{due}`, `{days_late}`,
/// `{as_of}` and any evidence path, e.g. `{admission.date}`. Every filled-in value passes through
/// CPR redaction.
public enum MessageRenderer {
    public static func render(_ template: String, result: RuleResult, asOf: CivilDate) -> String {
        // Braces are ASCII, so the template is searched byte by byte (a report renders this for
        // every finding it lists) and the indices found are valid wherever the text is cut.
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var output = ""
        var rest = template[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            // An unclosed brace is text like any other.
            guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            output += rest[..<open]
            let name = String(rest[rest.utf8.index(after: open)..<close])
            output += value(named: name, result: result, asOf: asOf) ?? "{\(name)}"
            rest = rest[rest.utf8.index(after: close)...]
        }
        output += rest
        return CPRRedaction.redact(output)
    }

    private static func value(named name: String, result: RuleResult, asOf: CivilDate) -> String? {
        switch name {
        case "due": return result.due?.description
        case "days_late": return result.daysLate.map(String.init)
        case "as_of": return asOf.description
        default:
            let bare = withoutSubject(name)
            guard let item = result.evidence.first(where: { $0.path == name || $0.path == bare }) else { return nil }
            return item.value.map(ValueText.describe)
        }
    }

    /// `case.admission.date` → `admission.date`: evidence paths may leave out the subject.
    private static func withoutSubject(_ name: String) -> String {
        guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")) else { return name }
        let after = name[name.utf8.index(after: dot)...]
        guard ["case", "child", "shelter"].contains(name[..<dot]), !after.isEmpty else { return name }
        return String(after)
    }
}
