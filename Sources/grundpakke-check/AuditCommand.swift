import ArgumentParser
import Foundation
import GrundpakkeRules
import RuleDSL

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check shelter profiles and case files against the Grundpakke.",
        discussion: """
            PATH may be files (.yaml, .yml, .json, .jsonl, .ndjson) or directories, which are read \
            recursively in sorted order. Exit status: 0 = no noncompliant findings at or above \
            --fail-on; 1 = such findings; 2 = input errors, rule errors or an invalid rule pack \
            (the report still covers everything that could be evaluated).
            """)

    @Argument(help: "Files or directories to check.")
    var paths: [String]

    @Option(help: "Report format: text, markdown, html, json, junit, github or csv.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD for ongoing stays and deadlines (default: today in Denmark).")
    var asOf: CivilDate?

    @Option(help: "Report language: da or en.")
    var lang: Language = .da

    @Option(help: "A rule pack directory instead of the bundled one.")
    var rules: String?

    @Option(parsing: .singleValue, help: "Run only rules with this id or id prefix (repeatable), e.g. GP-B.")
    var only: [String] = []

    @Option(parsing: .singleValue, help: "Skip rules with this id or id prefix (repeatable).")
    var skip: [String] = []

    @Option(name: .customLong("fail-on"), help: "Which noncompliant findings make the exit status 1: requirement, recommendation or never.")
    var failOn: FailOn = .requirement

    @Option(help: "Which results the report lists: all, findings or none (the summary always counts every result).")
    var results: ResultSelection = .all

    @Option(help: "Accepted deviations (YAML or JSON): rule, subject id or *, reason, approved_by, expires.")
    var waivers: String?

    @Option(help: "An earlier JSON report: mark each finding new or unchanged and list resolved ones.")
    var baseline: String?

    @Flag(help: "Show, for each finding, the values the rule looked at.")
    var explain = false

    @Option(name: .customLong("csv-separator"), help: "Field separator of --format csv (default ';').")
    var csvSeparator: String = ";"

    func validate() throws {
        guard csvSeparator.count == 1, let separator = csvSeparator.first, separator != "\"", !separator.isNewline else {
            throw ValidationError("--csv-separator takes one character other than a quote or a line break")
        }
    }

    func run() async throws {
        let pack = try RulePackLocation.load(rules)
        if pack.selecting(only: only, skip: skip).isEmpty, !(only.isEmpty && skip.isEmpty) {
            throw ValidationError("--only/--skip left no rules to run")
        }
        let request = AuditRequest(
            paths: paths, asOf: asOf ?? Today.inDenmark(), selection: results, only: only, skip: skip,
            waiversFile: waivers, baselineFile: baseline, listedJSON: format == .json ? lang : nil)
        var meter = ProgressMeter()
        let report = await pack.audit(request, toolVersion: GrundpakkeCheck.configuration.version) { meter.update(records: $0) }
        meter.finish()
        let options = ReportOptions(
            language: lang, results: results, colour: format == .text && output == nil && Terminal.wantsColour,
            explain: explain, csvSeparator: csvSeparator.first ?? ";")
        try await ReportOutput.write(report, format: format, options: options, to: output)
        if !report.inputErrors.isEmpty || report.hasRuleErrors { throw ExitCode(2) }
        if let level = failOn.level, report.hasNoncompliance(atLeast: level) { throw ExitCode(1) }
    }
}

extension ReportFormat: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case requirement
    case recommendation
    case never

    var level: Rule.Level? {
        switch self {
        case .requirement: return .requirement
        case .recommendation: return .recommendation
        case .never: return nil
        }
    }
}

extension ResultSelection: ExpressibleByArgument {}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}
