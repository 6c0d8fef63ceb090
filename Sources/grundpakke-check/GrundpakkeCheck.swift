import ArgumentParser

@main
struct GrundpakkeCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grundpakke-check",
        abstract: "Check Danish women's crisis shelters against LOKK's Grundpakke.",
        version: "0.1.0",
        subcommands: [Audit.self, RulesCommand.self, Eval.self, Schema.self]
    )
}
