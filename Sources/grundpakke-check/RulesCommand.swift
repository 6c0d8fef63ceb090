import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show, lint and test the rules of a rule pack.",
        subcommands: [RulesList.self, RulesShow.self, RulesLint.self, RulesTest.self])
}
