import RuleDSL

/// Fills a rule's message template with the result's values: `{due}`, `{days_late}`,
/// `{as_of}` and any evidence path, e.g. `{admission.date}`. Every filled-in value passes through
/// CPR redaction.
public enum MessageRenderer {
    public static func render(_ template: String, result: RuleResult, asOf: CivilDate) -> String {
        guard template.contains("{") else { return template }
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            output += value(named: name, result: result, asOf: asOf) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
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
            let bare = name.split(separator: ".", maxSplits: 1).count == 2 && ["case.", "child.", "shelter."].contains { name.hasPrefix($0) }
                ? String(name.split(separator: ".", maxSplits: 1)[1]) : name
            guard let item = result.evidence.first(where: { $0.path == name || $0.path == bare }) else { return nil }
            return item.value.map(ValueText.describe)
        }
    }
}
