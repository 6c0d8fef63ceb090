import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// GitHub Actions workflow commands: one per finding, escaped, then a summary line.
@Suite struct GitHubReporterTests {
    static func lines(_ output: String) -> [Substring] {
        output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    }

    /// The level a result's annotation must have.
    static func level(_ report: Report, _ item: AuditResult) -> String {
        if item.waiver != nil, item.result.outcome != .error { return "notice" }
        if item.result.outcome == .error { return "error" }
        if item.result.outcome == .noncompliant, report.rule(of: item).level == .requirement { return "error" }
        return "warning"
    }

    @Test func oneLinePerFindingWithTheRightLevel() throws {
        let report = CIReportFixtures.sample
        let output = GitHubReporter(options: ReportOptions(language: .en)).render(report)
        #expect(output.hasSuffix("\n"))
        let lines = Self.lines(output)
        let findings = report.results.filter { $0.result.outcome.isFinding }
        try #require(lines.count == findings.count + 1)
        for (line, item) in zip(lines, findings) {
            let rule = report.rule(of: item)
            let prefix = "::\(Self.level(report, item)) file=\(item.subject.location.file),line=\(item.subject.location.line),title=\(rule.id)::"
            #expect(line.hasPrefix(prefix), "\(line)")
        }
        // A recommendation, a pending deadline and missing data are warnings.
        #expect(findings.contains { $0.result.outcome == .noncompliant && report.rule(of: $0).level == .recommendation })
        let incomplete = try #require(lines.first { $0.contains("title=GP-C06::") && $0.contains("VKY-2023-038") })
        #expect(incomplete.hasPrefix("::warning ") && incomplete.contains("(missing data: consents)"))
        let late = try #require(lines.first { $0.contains("title=GP-C06::case OST-2025-031: ") })
        #expect(late.hasPrefix("::error ") && late.hasSuffix(" — 1 day late [Serviceloven § 109]"))
        // The summary is a plain line counting every pair.
        let summary = try #require(lines.last)
        #expect(!summary.hasPrefix("::"))
        #expect(summary.contains("noncompliant: \(report.outcomeCounts[.noncompliant])"))
        #expect(summary.contains("compliant: \(report.outcomeCounts[.compliant])"))
    }

    @Test func compliantAndNotApplicableWriteNothing() {
        let report = CIReportFixtures.sample
        let output = GitHubReporter(options: ReportOptions()).render(report)
        for item in report.results where !item.result.outcome.isFinding {
            let rule = report.rule(of: item)
            #expect(!output.contains("title=\(rule.id)::\(Catalogue(.da).subjectKind(item.subject.kind)) \(item.subject.id):"))
        }
        let none = GitHubReporter(options: ReportOptions(results: .none)).render(report)
        #expect(Self.lines(none).count == 1)
    }

    @Test func escapingFollowsTheRunnersRules() {
        #expect(GitHubAnnotation.data("100% done, a: b\nnext\r") == "100%25 done, a: b%0Anext%0D")
        #expect(GitHubAnnotation.property("C:\\cases, 100%\n") == "C%3A\\cases%2C 100%25%0A")
        #expect(GitHubAnnotation.data("a\u{1B}[2Kb\tc\u{7F}") == "a\u{FFFD}[2Kb\tc\u{FFFD}")
        let command = GitHubAnnotation(level: .warning, file: "a,b:c.yaml", line: 3, title: "GP-C06", message: "x::y").command
        #expect(command == "::warning file=a%2Cb%3Ac.yaml,line=3,title=GP-C06::x::y")
    }

    @Test func hostileTextStaysOnOneLineAndIsRedacted() throws {
        let report = CIReportFixtures.hostile
        let output = GitHubReporter(options: ReportOptions(language: .da, explain: true)).render(report)
        CIReportFixtures.expectNothingPersonal(output)
        let lines = Self.lines(output)
        #expect(lines.count == report.results.count { $0.result.outcome.isFinding } + 1)
        #expect(!output.contains("\r"))
        let late = try #require(lines.first { $0.contains("ophold \(CIReportFixtures.lateSubject)") && $0.contains("GP-C06") })
        #expect(late.hasPrefix("::error file=sample-cases/[CPR].yaml,line="))
        #expect(late.contains("::ophold OST-2025-031: =HYPERLINK(\"x\"); 50%25 af 3,5: <b>&</b> ]]> frist 2025-04-24%0Any linje [CPR]\u{FFFD}%0D"))
        #expect(late.contains("%0AOplysninger, reglen så på:%0A  admission.date = note [CPR]%0A"))
        let waived = try #require(lines.first { $0.contains("ophold \(CIReportFixtures.waivedSubject)") && $0.contains("GP-C06") })
        #expect(waived.hasPrefix("::notice "))
        #expect(waived.contains("(dispensation til og med 2025-12-31: aftalt, se [CPR], 100%25: ok)"))
        #expect(lines.last?.contains("dispensation: 1") == true)
    }

    @Test func inputProblemsAreAnnotatedWhereTheyAre() throws {
        var report = CIReportFixtures.sample
        report.inputErrors = [.error(at: RuleDSL.SourceLocation(file: "cases/x.yaml", line: 4, column: 7), code: "input.type",
                                     "expected a date, found '010190-1234'", hint: "write YYYY-MM-DD")]
        report.inputWarnings = [.warning(at: RuleDSL.SourceLocation(file: "cases/x.yaml", line: 9, column: 3), code: "input.unknown_key",
                                         "unknown key 'navn'")]
        let output = GitHubReporter(options: ReportOptions(language: .en)).render(report)
        CIReportFixtures.expectNothingPersonal(output)
        #expect(output.contains("::error file=cases/x.yaml,line=4,col=7,title=input error input.type::expected a date, found '[CPR]' (hint: write YYYY-MM-DD)\n"))
        #expect(output.contains("::warning file=cases/x.yaml,line=9,col=3,title=warning input.unknown_key::unknown key 'navn'\n"))
        #expect(Self.lines(output).last?.contains("input errors: 1") == true)
    }

    @Test func twoRendersAreByteIdentical() {
        let reporter = GitHubReporter(options: ReportOptions(explain: true))
        #expect(reporter.render(CIReportFixtures.hostile) == reporter.render(CIReportFixtures.hostile))
        #expect(reporter.render(CIReportFixtures.sample) == reporter.render(SampleAuditTests.report))
    }
}
