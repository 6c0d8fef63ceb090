import Foundation
import Testing

/// `rules`, `audit` and `eval` as a user runs them: exit statuses, the closing lines CI reads,
/// and the bundled pack found from any directory.
@Suite("commands")
struct CommandsCLITests {
    typealias CLI = AuditCLITests

    static func pack(rule: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("name: test\nversion: \"1\"\n".utf8).write(to: directory.appendingPathComponent("pack.yaml"))
        try Data(rule.utf8).write(to: directory.appendingPathComponent("rule.yaml"))
        return directory
    }

    static let goodRule = """
        id: T-01
        level: requirement
        subject: shelter
        section: Målgruppen
        title: {da: Ingen mænd, en: No men}
        message: {da: Mænd kan indskrives., en: Men can be admitted.}
        legal_basis: [{law: Serviceloven, provision: § 109}]
        require: shelter.admits_men == false
        examples:
          - {name: ok, shelter: {admits_men: false}, expect: compliant}
          - {name: men, shelter: {admits_men: true}, expect: noncompliant}
          - {name: unknown, shelter: {}, expect: incomplete}

        """

    @Test func rulesListShowsTheWholeCatalogue() throws {
        let run = try CLI.run(["rules", "list"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 39)
        #expect(lines.first?.hasPrefix("GP-B01") == true)
    }

    @Test func rulesShowPrintsCitationsAndExamples() throws {
        let run = try CLI.run(["rules", "show", "GP-B04", "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Serviceloven § 153 (in force until 2023-12-31)"))
        #expect(run.stdout.contains("Barnets Lov § 133 (in force from 2024-01-01)"))
        #expect(run.stdout.contains("examples:"))
    }

    @Test func theBundledPackLintsCleanAndItsExamplesPass() throws {
        let lint = try CLI.run(["rules", "lint"])
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("39 rules read, 39 compiled; 0 errors"))
        let test = try CLI.run(["rules", "test"])
        #expect(test.status == 0)
        #expect(test.stdout.range(of: #"(?m)^\d+ passed, 0 failed$"#, options: .regularExpression) != nil)
    }

    @Test func lintLocatesAMisspeltField() throws {
        let directory = try Self.pack(rule: Self.goodRule.replacingOccurrences(of: "shelter.admits_men ==", with: "shelter.admit_men =="))
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["rules", "lint", directory.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rule.yaml:8:"))
        #expect(run.stderr.contains("admits_men"))
    }

    @Test func aWrongExampleFailsTheTestWithExpectedAndActual() throws {
        let directory = try Self.pack(rule: Self.goodRule.replacingOccurrences(of: "{name: men, shelter: {admits_men: true}, expect: noncompliant}", with: "{name: men, shelter: {admits_men: true}, expect: compliant}"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try CLI.run(["rules", "test", directory.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("expected compliant, got noncompliant"))
        #expect(run.stdout.contains("2 passed, 1 failed"))
    }

    @Test(arguments: [
        (["--fail-on", "requirement"], Int32(1)),
        (["--fail-on", "never"], Int32(0)),
        (["--only", "GP-S01"], Int32(0)),
    ])
    func auditExitStatus(_ options: [String], _ status: Int32) throws {
        let run = try CLI.run(["audit", "sample-cases", "--as-of", "2025-06-30"] + options)
        #expect(run.status == status)
    }

    @Test func aUsageErrorExitsWithTwo() throws {
        let run = try CLI.run(["audit", "sample-cases", "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--format"))
    }

    @Test func theJSONReportIsTheSameTwice() throws {
        let arguments = ["audit", "sample-cases", "--as-of", "2025-06-30", "--format", "json"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("\"as_of\": \"2025-06-30\""))
    }

    @Test func evalBindsAnInputDocumentAndKnowsWorkingDays() throws {
        let file = try CLI.temporaryFile(named: "case.yaml", """
            kind: case
            case_id: X-1
            shelter_id: kc-a
            admission: {date: 2025-04-16}
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try CLI.run(["eval", "nth_working_day(case.admission.date, 3)", "--input", file.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"value": "2025-04-23", "type": "date"}"#)
        let missing = try CLI.run(["eval", "case.woman.sex == 'female'", "--input", file.path, "--format", "json"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("missing data: case.woman"))
    }

    @Test(arguments: ["text", "markdown", "html", "json", "junit", "github", "csv"])
    func everyFormatIsWrittenFromTheSamples(_ format: String) throws {
        let run = try CLI.run(["audit", "sample-cases/cases", "sample-cases/shelters", "--as-of", "2025-06-30", "--format", format])
        #expect(run.status == 1)
        #expect(run.stdout.count > 1000)
        #expect(!run.stdout.contains("\u{1B}["), "no colour codes in \(format) (NO_COLOR is set, and stdout is no terminal)")
    }

    @Test func theCSVSeparatorCanBeChanged() throws {
        let run = try CLI.run(["audit", "sample-cases/shelters", "--as-of", "2025-06-30", "--format", "csv", "--csv-separator", ","])
        #expect(run.stdout.split(separator: "\r\n").first?.hasPrefix("\u{FEFF}rule,level,section") == true)
        let bad = try CLI.run(["audit", "sample-cases/shelters", "--format", "csv", "--csv-separator", "ab"])
        #expect(bad.status == 2)
    }
}
