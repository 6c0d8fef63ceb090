import ArgumentParser
import Foundation

@main
struct GrundpakkeCheck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grundpakke-check",
        abstract: "Check Danish women's crisis shelters against LOKK's Grundpakke.",
        version: "0.1.0",
        subcommands: [Audit.self, RulesCommand.self, Eval.self, Schema.self, Init.self, Generate.self]
    )

    /// Like the default entry point, except that a usage error exits with 2 (the contract's
    /// "bad arguments") rather than argument-parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
