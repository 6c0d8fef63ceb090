/// One CSV field: CPR numbers redacted, guarded against formula injection, quoted per RFC 4180.
///
/// Quoting works on Unicode scalars, not characters, so a quote or separator followed by a
/// combining mark is still seen (a byte-level CSV reader would see it).
enum CSVCell {
    /// Scalars that make a spreadsheet read a cell as a formula (or that hide one). A cell
    /// starting with one gets a leading `'`, which spreadsheets show as text and do not evaluate.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    static func field(_ text: String, separator: Unicode.Scalar) -> String {
        var value = CPRRedaction.redact(text)
        if let first = value.unicodeScalars.first, formulaStarts.contains(first) { value = "'" + value }
        let needsQuotes = value.unicodeScalars.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// A record: fields joined by the separator, ended by CRLF.
    static func record(_ fields: [String], separator: Unicode.Scalar) -> String {
        fields.map { field($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }
}
