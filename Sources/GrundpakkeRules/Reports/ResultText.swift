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
    /// filled in and quoted in place (see `MessageTemplate.write`).
    func writeMessage(title: String, template: MessageTemplate, _ result: RuleResult, into out: inout PrettyJSONWriter) {
        guard result.outcome == .noncompliant else { return out.string(message(title: title, template: template, result)) }
        template.write(result: result, asOf: asOf, into: &out)
    }

    /// `message` from the rule's title and message template in the catalogue's language.
    func message(title: String, template: String, _ result: RuleResult) -> String {
        guard result.outcome == .noncompliant else { return titled(title, result) }
        return MessageRenderer.render(template, result: result, asOf: asOf)
    }

    /// `message(title:template:_:)` with the template already cut.
    func message(title: String, template: MessageTemplate, _ result: RuleResult) -> String {
        guard result.outcome == .noncompliant else { return titled(title, result) }
        return template.render(result: result, asOf: asOf)
    }

    /// The message of any result but a noncompliant one: the rule's title, and what the
    /// outcome needs said beside it.
    private func titled(_ title: String, _ result: RuleResult) -> String {
        switch result.outcome {
        case .pending:
            return result.due.map { "\(title) (\(catalogue.due($0)))" } ?? title
        case .incomplete:
            return "\(title) (\(catalogue.missing(result.missing)))"
        case .error:
            return "\(catalogue.outcome(.error)): \(CPRRedaction.redact(result.errorMessage ?? ""))"
        case .compliant, .notApplicable, .noncompliant:
            return title
        }
    }
}
