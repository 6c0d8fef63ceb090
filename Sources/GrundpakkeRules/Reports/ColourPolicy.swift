/// When the text report may use colour: only on a terminal, never when `NO_COLOR` is set to
/// anything (https://no-color.org), and never on a terminal that says it is dumb.
public enum ColourPolicy {
    public static func wantsColour(environment: [String: String], isTerminal: Bool) -> Bool {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }
}
