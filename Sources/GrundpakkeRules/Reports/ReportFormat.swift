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
    /// The report in this format.
    public func render(_ report: Report, options: ReportOptions) -> String {
        switch self {
        case .text: return TextReporter(options: options).render(report)
        case .json: return JSONReporter(language: options.language, results: options.results).render(report)
        case .markdown: return MarkdownReporter(options: options).render(report)
        case .html: return HTMLReporter(options: options).render(report)
        case .junit: return JUnitReporter(options: options).render(report)
        case .github: return GitHubReporter(options: options).render(report)
        case .csv: return CSVReporter(options: options).render(report)
        }
    }
}
