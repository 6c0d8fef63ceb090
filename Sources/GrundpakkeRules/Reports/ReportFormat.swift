import RuleDSL

/// The formats `audit --format` can write, all rendered from the same `Report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case html
    case json
    case junit
    case github
    case csv
}

/// Choices that shape a rendered report.
public struct ReportOptions: Sendable {
    public var language: Language
    /// Which results are listed (summaries always count every result).
    public var results: ResultSelection
    /// ANSI colour in the text format (the CLI decides: a terminal, and no NO_COLOR).
    public var colour: Bool
    /// Show the values each rule looked at beside every finding (`--explain`).
    public var explain: Bool
    /// The CSV field separator (`;` by default, so that Danish Excel opens the file).
    public var csvSeparator: Character

    public init(
        language: Language = .da, results: ResultSelection = .all, colour: Bool = false, explain: Bool = false,
        csvSeparator: Character = ";"
    ) {
        self.language = language
        self.results = results
        self.colour = colour
        self.explain = explain
        self.csvSeparator = csvSeparator
    }
}

extension ReportFormat {
    /// The report in this format, written to `sink` as it is made. JSON, JUnit, GitHub and CSV
    /// stream result by result; text, Markdown and HTML group results per shelter or section
    /// first, so they build their text whole and write it at once.
    ///
    /// Throws what the sink throws, and `ResultStoreError` when spilled results could not be
    /// read back (the report would otherwise be short of them).
    public func write(_ report: Report, options: ReportOptions, to sink: inout some ReportSink) throws {
        // A report whose listed results were written as JSON while it was made holds them
        // only as that text; any other format would come out without them.
        if report.writtenResults != nil, self != .json { throw ReportWrittenAsJSON(format: self) }
        switch self {
        case .text: try sink.write(TextReporter(options: options).render(report))
        case .json: try JSONReporter(language: options.language, results: options.results).write(report, to: &sink)
        case .markdown: try sink.write(MarkdownReporter(options: options).render(report))
        case .html: try sink.write(HTMLReporter(options: options).render(report))
        case .junit: try JUnitReporter(options: options).write(report, to: &sink)
        case .github: try GitHubReporter(options: options).write(report, to: &sink)
        case .csv: try CSVReporter(options: options).write(report, to: &sink)
        }
        try report.results.checkReadBack()
    }

    /// `write(_:options:to:)`, with a JSON report's results rendered on up to `parallelism`
    /// cores (`JSONReporter.write(_:to:parallelism:)`): the same bytes, sooner.
    public func write(_ report: Report, options: ReportOptions, to sink: inout some ReportSink, parallelism: Int) async throws {
        guard self == .json else { return try write(report, options: options, to: &sink) }
        try await JSONReporter(language: options.language, results: options.results).write(report, to: &sink, parallelism: parallelism)
        try report.results.checkReadBack()
    }

    /// The report in this format, as one string (for tests and small reports; `audit` writes
    /// through `write`, which also reports a failure to read spilled results back).
    public func render(_ report: Report, options: ReportOptions) -> String {
        var sink = StringSink()
        try? write(report, options: options, to: &sink)
        return sink.text
    }
}

/// A report made for JSON output (`AuditRequest.listedJSON`) asked for in another format.
public struct ReportWrittenAsJSON: Error, Sendable, CustomStringConvertible {
    public var format: ReportFormat

    public var description: String {
        "the report's results were written as JSON while it was made, so it cannot be written as \(format.rawValue)"
    }
}
