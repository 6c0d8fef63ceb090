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
        let text = ResultText(language: options.language, asOf: report.asOf)
        var casesByRule = Array(repeating: [JUnitCase](), count: report.rules.count)
        for item in report.results where options.results.includes(item.result.outcome) {
            casesByRule[item.ruleIndex].append(testCase(report.rule(of: item), item, text))
        }
        var suites = zip(report.rules, casesByRule).map { rule, cases in
            JUnitSuite(name: rule.id, properties: [
                ("title", rule.title.text(in: options.language)),
                ("level", rule.level.rawValue),
                ("section", rule.section),
            ], cases: cases)
        }
        if !report.inputErrors.isEmpty {
            suites.append(JUnitSuite(name: "input", properties: [], cases: report.inputErrors.map(inputCase)))
        }
        return JUnitDocument.render(name: report.toolName, suites: suites)
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
