import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct RulesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one rule: section, legal basis, level, parameters, expressions and examples.")

    @Argument(help: "The rule id, e.g. GP-C06.")
    var id: String

    @Option(help: "Language: da or en.")
    var lang: Language = .da

    @Option(help: "A rule pack directory instead of the bundled one.")
    var rules: String?

    func run() throws {
        let loaded = try RulePackLocation.load(rules)
        guard let compiled = loaded.rules.first(where: { $0.rule.id == id }) else {
            let suggestion = Suggestion.closest(to: id, among: loaded.rules.map(\.rule.id))
            throw ValidationError("no rule \(id)" + (suggestion.map { "; did you mean \($0)?" } ?? ""))
        }
        print(RuleDescription.render(compiled.rule, language: lang), terminator: "")
    }
}
