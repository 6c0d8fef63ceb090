import RuleDSL

/// The fixed text a listed result prints of its rule, in one language: id, level, section,
/// title and message template. Rendering a result copies this, not the whole `Rule`; and a core
/// rendering results on its own takes a `detached` copy, whose strings share no storage with
/// another core's (cores counting references to the same string take turns at its memory).
struct RuleText: Sendable {
    let id: String
    let level: String
    let section: String
    let title: String
    let message: String
    /// `message` cut into text and placeholders once, not for every result.
    let template: MessageTemplate
    /// What every listed result of this rule starts with in a JSON report, written once
    /// (`JSONReporter.resultHead`).
    let jsonHead: [UInt8]

    init(_ rule: Rule, language: Language) {
        self.init(id: rule.id, level: rule.level.rawValue, section: rule.section, title: rule.title.text(in: language),
                  message: rule.message.text(in: language))
    }

    private init(id: String, level: String, section: String, title: String, message: String) {
        self.id = id
        self.level = level
        self.section = section
        self.title = title
        self.message = message
        template = MessageTemplate(message)
        jsonHead = JSONReporter.resultHead(id: id, level: level, section: section)
    }

    /// The texts of `rules`, by rule index.
    static func of(_ rules: [Rule], language: Language) -> [RuleText] {
        rules.map { RuleText($0, language: language) }
    }

    /// The same texts in storage of their own.
    func detached() -> RuleText {
        RuleText(id: id.detached, level: level.detached, section: section.detached, title: title.detached, message: message.detached)
    }
}
