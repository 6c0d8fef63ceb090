import RuleDSL

/// Placeholder while the HTML report is being written; `audit --format` refuses it until then.
public struct HTMLReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        ""
    }
}
