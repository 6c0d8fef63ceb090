/// Every problem a user sees: where it is, what was expected, what was found, and what to do.
///
/// One type for YAML syntax errors, schema violations, rule-file problems and expression errors,
/// so that every front end (CLI text, JSON report, CI annotations) prints them the same way.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// A stable, machine-readable kind such as `yaml.syntax` or `input.type`.
    public var code: String
    /// What is wrong, naming what was expected and what was found.
    public var message: String
    /// What the user can do about it.
    public var hint: String?

    public init(
        _ severity: Severity = .error, at location: SourceLocation?, code: String,
        message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.hint = hint
    }

    public static func error(
        at location: SourceLocation?, code: String, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, at: location, code: code, message: message, hint: hint)
    }

    public static func warning(
        at location: SourceLocation?, code: String, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, at: location, code: code, message: message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// `file:line:column: error: message (hint: …)` on one line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}
