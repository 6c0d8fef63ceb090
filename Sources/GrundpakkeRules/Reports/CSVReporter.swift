import RuleDSL

/// One row per listed result (`--results`), for spreadsheets and scripts.
///
/// The header has stable English column names and codes (`requirement`, `noncompliant`,
/// dates as `YYYY-MM-DD`); only `message` is in the report language. Fields are separated by
/// `options.csvSeparator` (`;` by default, for Danish Excel), quoted per RFC 4180 and ended by
/// CRLF; the file starts with a UTF-8 byte order mark unless `byteOrderMark` is false. Lists
/// are joined with ` | `. A cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
/// so no spreadsheet runs it as a formula. With `--explain`, an `evidence` column is added.
public struct CSVReporter: Sendable {
    public var options: ReportOptions
    /// Whether the output starts with U+FEFF, so Excel reads it as UTF-8.
    public var byteOrderMark = true

    public static let columns = [
        "rule", "level", "section", "subject_kind", "subject_id", "case_id", "shelter_id", "file", "line",
        "outcome", "due", "days_late", "message", "missing", "legal_basis", "waived", "baseline",
    ]
    public static let listSeparator = " | "

    public init(options: ReportOptions) {
        self.options = options
    }

    /// The separator in use: `options.csvSeparator`, or `;` when that is one no CSV can use
    /// (a quote, CR, LF, or more than one scalar).
    public var separator: Unicode.Scalar {
        let scalars = options.csvSeparator.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first, !["\"", "\r", "\n"].contains(scalar) else { return ";" }
        return scalar
    }

    public func render(_ report: Report) -> String {
        var sink = StringSink()
        // A string cannot fail; reading spilled results back could, and the CLI checks that.
        try? write(report, to: &sink)
        return sink.text
    }

    /// The header, then a row per listed result as the results are read.
    public func write(_ report: Report, to sink: inout some ReportSink) throws {
        let text = ResultText(language: options.language, asOf: report.asOf)
        let separator = separator
        try sink.write((byteOrderMark ? "\u{FEFF}" : "") + CSVCell.record(Self.columns + (options.explain ? ["evidence"] : []), separator: separator))
        for item in report.results where options.results.includes(item.result.outcome) {
            try sink.write(CSVCell.record(row(report.rule(of: item), item, text), separator: separator))
        }
    }

    private func row(_ rule: Rule, _ item: AuditResult, _ text: ResultText) -> [String] {
        let result = item.result
        let subject = item.subject
        var fields = [
            rule.id, rule.level.rawValue, rule.section, subject.kind.rawValue, subject.id, subject.caseID ?? "",
            subject.shelterID, subject.location.file, String(subject.location.line),
            result.outcome.rawValue, result.due?.description ?? "", result.daysLate.map(String.init) ?? "",
            text.message(rule, result),
            result.missing.joined(separator: Self.listSeparator),
            result.legalBasis.map(\.citation).joined(separator: Self.listSeparator),
            item.waiver == nil ? "no" : "yes",
            item.baseline?.rawValue ?? "",
        ]
        if options.explain {
            fields.append(result.evidence.map { text.catalogue.ci.evidenceItem(path: $0.path, value: $0.value) }
                .joined(separator: Self.listSeparator))
        }
        return fields
    }
}
