import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check shelter profiles and case files against the Grundpakke.",
        discussion: """
            PATH may be files (.yaml, .yml, .json, .jsonl, .ndjson) or directories, which are read \
            recursively in sorted order. Exit status: 0 = no findings at or above --fail-on, \
            1 = such findings, 2 = input errors or invalid rules.
            """)

    @Argument(help: "Files or directories to check.")
    var paths: [String]

    func run() throws {
        let batch = InputReader().read(paths: paths)
        print(InputSummaryText.render(batch), terminator: "")
        if !batch.errors.isEmpty { throw ExitCode(2) }
    }
}
