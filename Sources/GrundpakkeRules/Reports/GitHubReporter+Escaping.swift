/// One GitHub Actions workflow command (`::error file=F,line=L,title=T::message`), escaped as
/// the runner expects and with CPR numbers redacted first.
struct GitHubAnnotation: Sendable {
    enum Level: String, Sendable {
        case error
        case warning
        case notice
    }

    var level: Level
    var file: String?
    var line: Int?
    var column: Int?
    var title: String
    var message: String

    var command: String {
        var properties: [String] = []
        if let file, !file.isEmpty {
            properties.append("file=\(Self.property(file))")
            if let line, line > 0 { properties.append("line=\(line)") }
            if let column, column > 0 { properties.append("col=\(column)") }
        }
        properties.append("title=\(Self.property(title))")
        return "::\(level.rawValue) \(properties.joined(separator: ","))::\(Self.data(message))"
    }

    /// The message: `%`, CR and LF are encoded, so a message is always one line. Other control
    /// characters (except tab) become U+FFFD, so input cannot drive the log viewer (an ESC
    /// starting a terminal sequence, say).
    static func data(_ text: String) -> String {
        escape(text, commas: false)
    }

    /// A property value: as data, and also `:` and `,`, which separate properties.
    static func property(_ text: String) -> String {
        escape(text, commas: true)
    }

    private static func escape(_ text: String, commas: Bool) -> String {
        var output = ""
        for scalar in CPRRedaction.redact(text).unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where commas: output += "%3A"
            case "," where commas: output += "%2C"
            case "\t": output.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}": output.unicodeScalars.append("\u{FFFD}")
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
