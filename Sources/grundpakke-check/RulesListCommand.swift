import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct RulesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rules: id, level, subject and title.")

    @Option(help: "Language of the titles: da or en.")
    var lang: Language = .da

    @Option(help: "A rule pack directory instead of the bundled one.")
    var rules: String?

    func run() throws {
        let loaded = try RulePackLocation.load(rules)
        let idWidth = loaded.rules.map(\.rule.id.count).max() ?? 6
        for compiled in loaded.rules {
            let rule = compiled.rule
            let columns = [
                rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                rule.level.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0),
                rule.subject.padding(toLength: 8, withPad: " ", startingAt: 0),
                rule.title.text(in: lang),
            ]
            print(columns.joined(separator: "  "))
        }
    }
}
