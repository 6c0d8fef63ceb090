import RuleDSL

/// JUnit XML for CI test dashboards: a test suite per rule, a test case per (rule, subject).
///
/// - noncompliant → `<failure type="noncompliant">` (message, level, deadline, legal basis and,
///   with `--explain`, the values the rule looked at);
/// - pending → passing, with the due date in `<system-out>` (the deadline has not passed, so
///   nothing has failed yet);
/// - incomplete → `<skipped message="missing data: …">` (the rule could not be decided);
/// - not applicable → `<skipped>`; compliant → passing;
/// - a waived finding → `<skipped>` with the waiver's reason (never its approver);
/// - a rule error → `<error type="rule_error">`;
/// - input errors → an extra suite `input` with one `<error type="input_error">` each.
///
/// Counts on `<testsuites>` and `<testsuite>` count the test cases listed (`--results`).
public struct JUnitReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        var sink = StringSink()
        // A string cannot fail; reading spilled results back could, and the CLI checks that.
        try? write(report, to: &sink)
        return sink.text
    }

    /// Suites are per rule but results come in input order, so the listed results are first
    /// sorted into one store per rule (in memory as far as the report's own store was; past
    /// that each spills too, sharing the report's memory bound). Each store counts as it is
    /// filled, which gives every suite's counts before its test cases are written.
    public func write(_ report: Report, to sink: inout some ReportSink) throws {
        let text = ResultText(language: options.language, asOf: report.asOf)
        let perRule = report.results.isSpilled ? max(1, report.results.memoryLimit / max(1, report.rules.count)) : Int.max
        var byRule = report.rules.map { _ in ResultStore(memoryLimit: perRule) }
        for item in report.results where options.results.includes(item.result.outcome) {
            byRule[item.ruleIndex].append(item)
        }
        let ruleCounts = byRule.indices.map { Self.counts(byRule[$0].counts, rule: $0) }
        let inputCases = report.inputErrors.map(inputCase)
        var inputCounts = JUnitCounts()
        for inputCase in inputCases { inputCounts.add(inputCase.kind) }
        var total = JUnitCounts()
        for counts in ruleCounts { total.add(counts) }
        if !inputCases.isEmpty { total.add(inputCounts) }

        try sink.write(JUnitDocument.header(name: report.toolName, counts: total))
        for (index, rule) in report.rules.enumerated() {
            try sink.write(JUnitDocument.suiteHeader(name: rule.id, properties: [
                ("title", rule.title.text(in: options.language)),
                ("level", rule.level.rawValue),
                ("section", rule.section),
            ], counts: ruleCounts[index]))
            for item in byRule[index] { try sink.write(testCase(rule, item, text).xml + "\n") }
            try byRule[index].checkReadBack()
            try sink.write(JUnitDocument.suiteFooter)
        }
        if !inputCases.isEmpty {
            try sink.write(JUnitDocument.suiteHeader(name: "input", properties: [], counts: inputCounts))
            for inputCase in inputCases { try sink.write(inputCase.xml + "\n") }
            try sink.write(JUnitDocument.suiteFooter)
        }
        try sink.write(JUnitDocument.footer)
    }

    /// A suite's counts from the counts of its listed results.
    private static func counts(_ listed: ListedCounts, rule: Int) -> JUnitCounts {
        var counts = JUnitCounts()
        for outcome in Outcome.allCases {
            for waived in [false, true] {
                counts.add(kind(outcome, waived: waived), listed.count(rule: rule, outcome: outcome, waived: waived))
            }
        }
        return counts
    }

    /// What a result counts as: the one place `testCase` and the suite counts agree on.
    private static func kind(_ outcome: Outcome, waived: Bool) -> JUnitVerdictKind {
        if waived, outcome.isFinding, outcome != .error { return .skipped }
        switch outcome {
        case .compliant, .pending: return .passed
        case .noncompliant: return .failure
        case .incomplete, .notApplicable: return .skipped
        case .error: return .error
        }
    }

    private func testCase(_ rule: Rule, _ item: AuditResult, _ text: ResultText) -> JUnitCase {
        let catalogue = text.catalogue
        let result = item.result
        let message = text.message(rule, result)
        let details = ([message] + catalogue.ci.details(rule, result, explain: options.explain)).joined(separator: "\n")
        var testCase = JUnitCase(
            name: "\(item.subject.kind.rawValue) \(item.subject.id)", classname: rule.id,
            file: item.subject.location.file, line: item.subject.location.line, verdict: .passed)
        if let waiver = item.waiver, result.outcome.isFinding, result.outcome != .error {
            testCase.verdict = .skipped(message: catalogue.ci.waived(waiver))
            testCase.systemOut = "\(catalogue.outcome(result.outcome)): \(details)"
            return testCase
        }
        switch result.outcome {
        case .compliant:
            break
        case .noncompliant:
            testCase.verdict = .failure(message: message, type: "noncompliant", body: details)
        case .pending:
            testCase.systemOut = "\(catalogue.outcome(.pending)): \(details)"
        case .incomplete:
            testCase.verdict = .skipped(message: catalogue.ci.missingData(result.missing))
            testCase.systemOut = details
        case .notApplicable:
            testCase.verdict = .skipped(message: catalogue.outcome(.notApplicable))
        case .error:
            testCase.verdict = .error(message: message, type: "rule_error", body: details)
        }
        return testCase
    }

    private func inputCase(_ diagnostic: Diagnostic) -> JUnitCase {
        let location = diagnostic.location
        var body = diagnostic.message
        if let hint = diagnostic.hint { body += "\n\(hint)" }
        return JUnitCase(
            name: location.map(\.description) ?? diagnostic.code, classname: "input",
            file: location?.file ?? "", line: location?.line ?? 0,
            verdict: .error(message: "\(diagnostic.code): \(diagnostic.message)", type: "input_error", body: body))
    }
}
