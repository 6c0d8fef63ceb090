import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the input documents (shelter profiles, cases, case exports).")

    @Option(help: "Language of the field descriptions: da or en.")
    var lang: Language = .en

    func run() {
        print(InputJSONSchema.document(language: lang).pretty, terminator: "")
    }
}
