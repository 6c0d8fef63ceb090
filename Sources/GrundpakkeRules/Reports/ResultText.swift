import RuleDSL

/// The one-line human text of a result, shared by every format.
public struct ResultText: Sendable {
    public let catalogue: Catalogue
    public let asOf: CivilDate

    public init(language: Language, asOf: CivilDate) {
        catalogue = Catalogue(language)
        self.asOf = asOf
    }

    public func message(_ rule: Rule, _ result: RuleResult) -> String {
        message(title: rule.title.text(in: catalogue.language), template: rule.message.text(in: catalogue.language), result)
    }

    /// `message(title:template:_:)` quoted into `out`; a finding's filled-in template is
    /// written from its bytes (see `MessageRenderer.write`).
    func writeMessage(title: String, template: String, _ result: RuleResult, into out: inout PrettyJSONWriter) {
        guard result.outcome == .noncompliant else { return out.string(message(title: title, template: template, result)) }
        MessageRenderer.write(template, result: result, asOf: asOf, into: &out)
    }

    /// `message` from the rule's title and message template in the catalogue's language.
    func message(title: String, template: String, _ result: RuleResult) -> String {
        switch result.outcome {
        case .noncompliant:
            return MessageRenderer.render(template, result: result, asOf: asOf)
        case .pending:
            return result.due.map { "\(title) (\(catalogue.due($0)))" } ?? title
        case .incomplete:
            return "\(title) (\(catalogue.missing(result.missing)))"
        case .error:
            return "\(catalogue.outcome(.error)): \(CPRRedaction.redact(result.errorMessage ?? ""))"
        case .compliant, .notApplicable:
            return title
        }
    }
}
