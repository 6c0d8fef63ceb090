import RuleDSL

/// Placeholder while the CSV report is being written; `audit --format` refuses it until then.
public struct CSVReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        ""
    }
}
