import Foundation
import Testing

/// Runs the built `grundpakke-check` executable, as a user would.
@Suite("audit command line")
struct AuditCLITests {
    /// The folder holding the test bundle and the built products (as swift-argument-parser's own
    /// tests find it): on Linux the test runner is itself an executable in that folder.
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let executable = productsDirectory.appendingPathComponent("grundpakke-check")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path),
            "build the executable first (swift build): not found at \(executable.path)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A temporary directory holding one file; removed by the caller.
    static func temporaryFile(named name: String, _ text: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("audit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test("sample-cases audits with exit status 0 when findings do not fail the run")
    func sampleCases() throws {
        let run = try Self.run(["audit", "sample-cases", "--as-of", "2025-06-30", "--fail-on", "never", "--lang", "en"])
        #expect(run.status == 0, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(!run.stdout.contains("Input errors"))
    }

    @Test("an input error gives exit status 2 and is printed with file:line:column")
    func inputError() throws {
        let file = try Self.temporaryFile(named: "broken.yaml", """
            kind: case
            case_id: cli-1
            shelter_id: s
            woman:
              anonymous: yes
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try Self.run(["audit", file.path, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(run.status == 2, "stdout: \(run.stdout)\nstderr: \(run.stderr)")
        #expect(run.stdout.contains("\(file.path):5:14"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("true or false"))
    }

    @Test("a CPR-shaped id is an input error that the report never prints")
    func cprNeverPrinted() throws {
        let file = try Self.temporaryFile(named: "cpr.jsonl", #"{"case_id": "010190-1234", "shelter_id": "s"}"# + "\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try Self.run(["audit", file.path, "--as-of", "2025-06-30", "--lang", "en"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("\(file.path):1:"))
        #expect(!run.stdout.contains("010190"))
        #expect(!run.stderr.contains("010190"))
    }

    @Test("the schema command prints a JSON Schema with the three document kinds")
    func schemaCommand() throws {
        let run = try Self.run(["schema"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let defs = try #require(object?["$defs"] as? [String: Any])
        #expect(Set(defs.keys).isSuperset(of: ["shelter", "case", "case_export"]))
    }
}
