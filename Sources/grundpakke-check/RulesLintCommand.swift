import ArgumentParser
import GrundpakkeRules

struct RulesLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load and type-check a rule pack; print every problem with file:line:column (exit 2 on any error).")

    @Argument(help: "The rule pack directory (default: the bundled pack).")
    var directory: String?

    func run() throws {
        let loaded = try RulePackLocation.load(directory, failOnErrors: false)
        let errors = loaded.diagnostics.filter(\.isError).count
        let warnings = loaded.diagnostics.count - errors
        print("\(loaded.pack.rules.count) rules read, \(loaded.rules.count) compiled; \(errors) errors, \(warnings) warnings")
        if errors > 0 { throw ExitCode(2) }
    }
}
