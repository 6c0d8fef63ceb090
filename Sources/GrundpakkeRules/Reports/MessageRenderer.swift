import RuleDSL

/// Fills a rule's message template with the result's values: `{due}`, `{days_late}`,
/// `{as_of}` and any evidence path, e.g. `{admission.date}`. Every filled-in value passes through
/// CPR redaction.
public enum MessageRenderer {
    public static func render(_ template: String, result: RuleResult, asOf: CivilDate) -> String {
        var text = template
        let rendered = text.withUTF8 { bytes -> String? in
            guard let output = filled(bytes, result: result, asOf: asOf) else { return nil }
            return CPRRedaction.redact(String(decoding: output, as: UTF8.self))
        }
        return rendered ?? template
    }

    /// `render`, quoted into `out` as a JSON string: the filled-in bytes are checked for CPR
    /// numbers and quoted as they are, with no text made of them on the way (a report does
    /// this for every finding it lists).
    static func write(_ template: String, result: RuleResult, asOf: CivilDate, into out: inout PrettyJSONWriter) {
        var text = template
        text.withUTF8 { bytes in
            guard let output = filled(bytes, result: result, asOf: asOf) else { return out.string(utf8: bytes) }
            output.withUnsafeBufferPointer { output in
                guard let redacted = CPRRedaction.redacted(output) else { return out.string(utf8: output) }
                redacted.withUnsafeBufferPointer { out.string(utf8: $0) }
            }
        }
    }

    /// The template with its placeholders filled in, or nil when it has none (it is then the
    /// message as it is). Braces are ASCII, so the template is searched as UTF-8 bytes and cut
    /// only next to a brace, never inside a character.
    private static func filled(_ bytes: UnsafeBufferPointer<UInt8>, result: RuleResult, asOf: CivilDate) -> [UInt8]? {
        guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var rest = 0
        while true {
            // An unclosed brace is text like any other.
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            output.append(contentsOf: bytes[rest..<open])
            let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            if let filled = value(named: name, result: result, asOf: asOf) {
                output.append(contentsOf: filled.utf8)
            } else {
                output.append(contentsOf: bytes[open...close])
            }
            rest = close + 1
            guard let next = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        output.append(contentsOf: bytes[rest...])
        return output
    }

    private static func value(named name: String, result: RuleResult, asOf: CivilDate) -> String? {
        switch name {
        case "due": return result.due?.description
        case "days_late": return result.daysLate.map(String.init)
        case "as_of": return asOf.description
        default:
            let bare = withoutSubject(name)
            guard let item = result.evidence.first(where: { $0.path == name || $0.path == bare }) else { return nil }
            return item.value.map(ValueText.describe)
        }
    }

    private static let subjectPrefixes = ["case.", "child.", "shelter."]

    /// `case.admission.date` → `admission.date`: evidence paths may leave out the subject.
    private static func withoutSubject(_ name: String) -> String {
        for subject in subjectPrefixes where name.hasPrefix(subject) && name.utf8.count > subject.utf8.count {
            return String(name.dropFirst(subject.count))
        }
        return name
    }
}
