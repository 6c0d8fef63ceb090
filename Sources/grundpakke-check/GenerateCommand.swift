import ArgumentParser
import Foundation
import GrundpakkeRules
import RuleDSL

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic test data: shelter profiles and cases (deterministic by seed).",
        discussion: """
            The data is invented: pseudonymous ids, no names of people, nothing shaped like a CPR \
            number. The same options always give the same bytes. With --output DIR the command \
            writes DIR/shelters.yaml and DIR/cases.jsonl (or DIR/cases.yaml with --cases-format \
            yaml); without it, the cases as JSON Lines go to standard output.
            """)

    @Option(help: "Number of cases (stays) to write.")
    var cases: Int

    @Option(help: "Number of shelters the cases are spread over.")
    var shelters: Int = 3

    @Option(help: "Seed of the random generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "The date of the export, YYYY-MM-DD (default 2025-06-30, so output never depends on the clock): admissions fall in the two years up to it, and stays that would end after it are ongoing.")
    var asOf: CivilDate?

    @Option(help: "Directory to write shelters.yaml and the cases file to (created if needed).")
    var output: String?

    @Option(name: .customLong("cases-format"), help: "Format of the cases file in --output: jsonl or yaml (one case-export per shelter).")
    var casesFormat: CasesFormat = .jsonl

    enum CasesFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl
        case yaml
    }

    func validate() throws {
        guard cases >= 0 else { throw ValidationError("--cases must be 0 or more") }
        guard (1...SampleGenerator.Configuration.maxShelters).contains(shelters) else {
            throw ValidationError("--shelters must be from 1 to \(SampleGenerator.Configuration.maxShelters)")
        }
        if output == nil, casesFormat != .jsonl {
            throw ValidationError("--cases-format yaml needs --output")
        }
    }

    func run() throws {
        guard let date = asOf ?? CivilDate(year: 2025, month: 6, day: 30) else { throw ExitCode(2) }
        let generator = SampleGenerator(.init(seed: seed, shelters: shelters, cases: cases, asOf: date))
        guard let output else {
            let stdout = FileHandle.standardOutput
            generator.writeCasesJSONLines { buffer in
                stdout.write(Data(buffer.bytes))
                buffer.removeAll()
            }
            return
        }
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(generator.sheltersYAML().utf8).write(to: directory.appendingPathComponent("shelters.yaml"))
        switch casesFormat {
        case .yaml:
            try Data(generator.caseExportsYAML().utf8).write(to: directory.appendingPathComponent("cases.yaml"))
        case .jsonl:
            let file = directory.appendingPathComponent("cases.jsonl")
            guard FileManager.default.createFile(atPath: file.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: file) else {
                throw ValidationError("cannot write \(file.path)")
            }
            defer { try? handle.close() }
            try generator.writeCasesJSONLines { buffer in
                try handle.write(contentsOf: buffer.bytes)
                buffer.removeAll()
            }
        }
    }
}
