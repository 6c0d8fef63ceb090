import RuleDSL

/// Placeholder while the JUnit report is being written; `audit --format` refuses it until then.
public struct JUnitReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        ""
    }
}
