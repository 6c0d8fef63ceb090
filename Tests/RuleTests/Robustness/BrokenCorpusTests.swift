import Foundation
import Testing

/// One broken file per class of damage met in real exports, each beside a good record: the real
/// command line must name the file and line of the damage, exit 2 (0 for the valid file), never
/// die by a signal, account for every record, and still evaluate the good one.
@Suite("broken-file corpus")
struct BrokenCorpusTests {
    /// A file of the corpus and what the audit must say about it.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// (line, code) of each input error, in report order; empty for a valid file.
        var errors: [(line: Int, code: String)]
        /// Case ids that must be evaluated (they appear in `results`).
        var good: [String]
        /// Case ids that must not be evaluated.
        var bad: [String]
        var testDescription: String { file }
    }

    static let committed: [Case] = [
        Case(file: "syntax-error.yaml", errors: [(11, "yaml.syntax")], good: ["SYN-GOOD"], bad: ["SYN-BAD"]),
        Case(file: "tab-indentation.yaml", errors: [(11, "yaml.syntax")], good: ["TAB-GOOD"], bad: ["TAB-BAD"]),
        Case(file: "invalid-utf8.yaml", errors: [(10, "input.encoding")], good: ["UTF-GOOD"], bad: ["UTF-BAD"]),
        Case(file: "nul-byte.yaml", errors: [(10, "input.encoding")], good: ["NUL-GOOD"], bad: ["NUL-BAD"]),
        Case(file: "bom-crlf.yaml", errors: [], good: ["BOM-GOOD-1", "BOM-GOOD-2"], bad: []),
        Case(file: "yes-no-boolean.yaml", errors: [(10, "input.type")], good: ["BOOL-GOOD"], bad: ["BOOL-BAD"]),
        Case(file: "impossible-date.yaml", errors: [(11, "input.date")], good: ["DATE-GOOD"], bad: ["DATE-BAD"]),
        Case(file: "year-10000.jsonl", errors: [(2, "input.date")], good: ["Y10K-GOOD"], bad: ["Y10K-BAD"]),
        Case(file: "integer-beyond-64-bits.json", errors: [(7, "input.overflow")], good: ["INT-GOOD"], bad: ["INT-BAD"]),
        Case(file: "wrong-type.yaml", errors: [(10, "input.type")], good: ["TYPE-GOOD"], bad: ["TYPE-BAD"]),
        Case(file: "unknown-kind.yaml", errors: [(7, "input.kind")], good: ["KIND-GOOD"], bad: ["KIND-BAD"]),
        Case(file: "duplicate-keys.yaml", errors: [(12, "yaml.duplicate-key")], good: ["DUP-GOOD"], bad: ["DUP-BAD"]),
        Case(file: "alias-bomb.yaml", errors: [(15, "input.limit.nodes")], good: ["BOMB-GOOD"], bad: ["BOMB-BAD"]),
        Case(file: "truncated.jsonl", errors: [(2, "json.syntax")], good: ["TRUNC-GOOD"], bad: ["TRUNC-BAD"]),
    ]

    static var corpus: URL {
        AuditCLITests.packageRoot.appendingPathComponent("Tests/RuleTests/Fixtures/broken")
    }

    static func goodLine(_ id: String) -> String {
        #"{"case_id": "\#(id)", "shelter_id": "kc-broken", "woman": {"sex": "female", "age": 34}, "admission": {"date": "2025-03-03", "decided_by": "leader"}}"#
    }

    @Test("every class of damage has its file, and nothing else is in the corpus")
    func corpusIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(files == Self.committed.map(\.file).sorted())
    }

    @Test("a broken file is located, costs only its broken record, and exits 2", arguments: committed)
    func committedFile(_ expected: Case) throws {
        try Self.check(path: Self.corpus.appendingPathComponent(expected.file).path, expected)
    }

    @Test("a 10,000-deep case on a JSON Lines line is a depth error on that line only")
    func deepNesting() throws {
        let deep = #"{"case_id": "DEEP-BAD", "shelter_id": "kc-broken", "woman": "#
            + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let text = [Self.goodLine("DEEP-GOOD"), deep, Self.goodLine("DEEP-GOOD-2")].joined(separator: "\n") + "\n"
        let file = try AuditCLITests.temporaryFile(named: "deep-nesting.jsonl", text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.check(path: file.path, Case(file: "deep-nesting.jsonl", errors: [(2, "input.limit.depth")],
                                             good: ["DEEP-GOOD", "DEEP-GOOD-2"], bad: ["DEEP-BAD"]))
    }

    @Test("a deeply nested YAML block is a depth error in its document only")
    func deepYAMLBlock() throws {
        var deep = "kind: case\ncase_id: DEEPY-BAD\nshelter_id: kc-broken\nwoman:\n"
        for level in 1...1_000 { deep += String(repeating: " ", count: level) + "k:\n" }
        let good = "kind: case\ncase_id: DEEPY-GOOD\nshelter_id: kc-broken\nwoman: {sex: female, age: 34}\nadmission: {date: 2025-03-03, decided_by: leader}\n"
        let file = try AuditCLITests.temporaryFile(named: "deep-nesting.yaml", good + "---\n" + deep)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        // The document starts on line 7; `woman` is level 1, so level 257 is its 256th `k`.
        try Self.check(path: file.path, Case(file: "deep-nesting.yaml", errors: [(10 + 256, "input.limit.depth")],
                                             good: ["DEEPY-GOOD"], bad: ["DEEPY-BAD"]))
    }

    @Test("a 5 MB line (past the 4 MB line limit) is skipped, and the lines around it are evaluated")
    func veryLongLine() throws {
        let long = #"{"case_id": "LONG-BAD", "shelter_id": "kc-broken", "notes": ""#
            + String(repeating: "x", count: 5 << 20) + #""}"#
        let text = [Self.goodLine("LONG-GOOD"), long, Self.goodLine("LONG-GOOD-2")].joined(separator: "\n") + "\n"
        let file = try AuditCLITests.temporaryFile(named: "very-long-line.jsonl", text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.check(path: file.path, Case(file: "very-long-line.jsonl", errors: [(2, "input.limit.line-length")],
                                             good: ["LONG-GOOD", "LONG-GOOD-2"], bad: ["LONG-BAD"]))
    }

    // MARK: Running the command line

    struct Outcome {
        var status: Int32
        var signalled: Bool
        var stdout: Data
        var stderr: String
    }

    /// Runs the built executable like `AuditCLITests.run`, but keeps how the process ended.
    static func audit(_ path: String) throws -> Outcome {
        let executable = AuditCLITests.productsDirectory.appendingPathComponent("grundpakke-check")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path),
            "build the executable first (swift build): not found at \(executable.path)")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["audit", path, "--as-of", "2025-06-30", "--format", "json", "--fail-on", "never"]
        process.currentDirectoryURL = AuditCLITests.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        // Standard error goes to a file, so that neither stream can fill a pipe and block the child.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("broken-corpus-\(UUID().uuidString).err")
        try #require(FileManager.default.createFile(atPath: errorFile.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                       stdout: stdout, stderr: stderr)
    }

    static func check(path: String, _ expected: Case) throws {
        let run = try audit(path)
        #expect(!run.signalled, "\(expected.file): killed by signal \(run.status)\n\(run.stderr)")
        #expect(run.status == (expected.errors.isEmpty ? 0 : 2), "\(expected.file): stderr: \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any],
                                  "\(expected.file): standard output is not a JSON report")
        let summary = try #require(report["summary"] as? [String: Any])
        let read = try #require(summary["records_read"] as? Int)
        let evaluated = try #require(summary["records_evaluated"] as? Int)
        let rejected = try #require(summary["records_rejected"] as? Int)
        #expect(read == evaluated + rejected, "\(expected.file): \(read) read, \(evaluated) evaluated, \(rejected) rejected")
        #expect(evaluated == expected.good.count, "\(expected.file)")
        #expect(rejected == expected.bad.count, "\(expected.file)")

        let errors = try #require(report["input_errors"] as? [[String: Any]])
        #expect(errors.map { $0["file"] as? String } == expected.errors.map { _ in path }, "\(expected.file)")
        #expect(errors.map { $0["line"] as? Int } == expected.errors.map(\.line), "\(expected.file): \(errors)")
        #expect(errors.map { $0["code"] as? String } == expected.errors.map(\.code), "\(expected.file): \(errors)")

        let results = try #require(report["results"] as? [[String: Any]])
        let evaluatedIDs = Set(results.compactMap { ($0["subject"] as? [String: Any])?["case_id"] as? String })
        for id in expected.good {
            #expect(evaluatedIDs.contains(id), "\(expected.file): the good record \(id) was not evaluated")
        }
        for id in expected.bad {
            #expect(!evaluatedIDs.contains(id), "\(expected.file): the broken record \(id) was evaluated")
        }
    }
}
