import RuleDSL

/// Fills a rule's message template with the result's values: `{due}`, `{days_late}`,
/// `{as_of}` and any evidence path, e.g. `{admission.date}`. Every filled-in value passes through
/// CPR redaction. (Reports that fill one template many times keep it cut: `MessageTemplate`.)
public enum MessageRenderer {
    public static func render(_ template: String, result: RuleResult, asOf: CivilDate) -> String {
        MessageTemplate.render(template, result: result, asOf: asOf)
    }
}
