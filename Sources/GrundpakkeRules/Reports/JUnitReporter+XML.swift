/// Text made safe for XML 1.0, with CPR numbers redacted first.
///
/// XML 1.0 allows only tab, LF, CR and U+0020 and above (minus U+FFFE and U+FFFF); any other
/// control character is replaced by U+FFFD, so the document always parses. In attributes, tab,
/// LF and CR are written as character references, so parsers do not fold them into spaces.
enum XMLText {
    /// Character data, for element content.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// An attribute value, to be written between double quotes.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in CPRRedaction.redact(text).unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "'" where inAttribute: output += "&apos;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n" where inAttribute: output += "&#10;"
            // A bare CR would be normalised to LF by every parser, in content too.
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}
