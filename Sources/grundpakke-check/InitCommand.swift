import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Print a commented template of a shelter profile or a case for a shelter leader to fill in.",
        discussion: """
            The template is written from the input model, so it lists every field with its \
            description, allowed values and type. As printed it is valid input: replace the \
            example values with your own.
            """)

    @Argument(help: "Which template: shelter or case.")
    var kind: TemplateWriter.Kind

    @Option(help: "Language of the comments: da or en.")
    var lang: Language = .da

    func run() {
        print(TemplateWriter(language: lang).template(kind), terminator: "")
    }
}

extension TemplateWriter.Kind: ExpressibleByArgument {}
