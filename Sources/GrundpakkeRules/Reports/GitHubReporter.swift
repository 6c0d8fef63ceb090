import RuleDSL

/// GitHub Actions annotations: one workflow command per finding, then a plain summary line.
///
/// A noncompliant requirement or a rule error is an `::error`; a noncompliant recommendation,
/// a pending deadline and missing data are `::warning`s; a waived finding is a `::notice` with
/// the waiver's reason. Compliant and not-applicable results write nothing; `--results none`
/// keeps only input problems and the summary. Input errors and warnings are annotated at
/// their file, line and column.
public struct GitHubReporter: Sendable {
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

    /// The annotations line by line as the results are read, then the summary line.
    public func write(_ report: Report, to sink: inout some ReportSink) throws {
        let text = ResultText(language: options.language, asOf: report.asOf)
        for item in report.results where item.result.outcome.isFinding && options.results.includes(item.result.outcome) {
            try sink.write(annotation(report.rule(of: item), item, text).command + "\n")
        }
        for diagnostic in report.inputErrors + report.inputWarnings {
            try sink.write(inputAnnotation(diagnostic, text.catalogue).command + "\n")
        }
        try sink.write(CPRRedaction.redact(text.catalogue.ci.summary(report)) + "\n")
    }

    private func annotation(_ rule: Rule, _ item: AuditResult, _ text: ResultText) -> GitHubAnnotation {
        let catalogue = text.catalogue
        let result = item.result
        var message: String
        if result.outcome == .incomplete {
            message = "\(rule.title.text(in: catalogue.language)) (\(catalogue.ci.missingData(result.missing)))"
        } else {
            message = text.message(rule, result)
        }
        if result.outcome == .noncompliant, let late = result.daysLate { message += " — \(catalogue.daysLate(late))" }
        if !result.legalBasis.isEmpty { message += " [\(catalogue.ci.citations(result.legalBasis))]" }
        let level: GitHubAnnotation.Level
        if let waiver = item.waiver, result.outcome != .error {
            level = .notice
            message += " (\(catalogue.ci.waived(waiver)))"
        } else if result.outcome == .error || (result.outcome == .noncompliant && rule.level == .requirement) {
            level = .error
        } else {
            level = .warning
        }
        let subject = "\(catalogue.subjectKind(item.subject.kind)) \(item.subject.id)"
        var lines = ["\(subject): \(message)"]
        if options.explain, !result.evidence.isEmpty {
            lines.append(catalogue.ci.evidenceHeading)
            lines += result.evidence.map { "  " + catalogue.ci.evidenceItem(path: $0.path, value: $0.value) }
        }
        return GitHubAnnotation(
            level: level, file: item.subject.location.file, line: item.subject.location.line,
            title: rule.id, message: lines.joined(separator: "\n"))
    }

    private func inputAnnotation(_ diagnostic: Diagnostic, _ catalogue: Catalogue) -> GitHubAnnotation {
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += " (hint: \(hint))" }
        return GitHubAnnotation(
            level: diagnostic.isError ? .error : .warning, file: diagnostic.location?.file,
            line: diagnostic.location?.line, column: diagnostic.location?.column,
            title: "\(catalogue.ci.inputTitle(diagnostic)) \(diagnostic.code)", message: message)
    }
}
