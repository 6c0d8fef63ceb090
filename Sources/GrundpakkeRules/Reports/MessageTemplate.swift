import RuleDSL

/// A rule's message template cut once into fixed text and placeholders (`{due}`, `{days_late}`,
/// `{as_of}`, an evidence path such as `{admission.date}` or `{case.admission.date}`), so that
/// filling it for a result neither searches the template for braces nor makes a string of each
/// placeholder's name. A report fills one for every finding it lists.
struct MessageTemplate: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        /// A placeholder, and its text as written (kept when the result has no value for it).
        case slot(Slot, written: [UInt8])
    }

    enum Slot: Sendable {
        case due
        case daysLate
        case asOf
        /// An evidence path as written, and without its subject (`case.`, `child.`, `shelter.`).
        case evidence(name: String, bare: String)
    }

    /// The template's bytes as written.
    let template: [UInt8]
    /// Nil when the template has no opening brace: the message is then the template as it is,
    /// without redaction (it is the rule's own fixed text).
    let pieces: [Piece]?

    init(_ template: String) {
        let bytes = Array(template.utf8)
        self.template = bytes
        pieces = MessageTemplate.cut(bytes)
    }

    /// Braces are ASCII, so the template is cut as UTF-8 bytes, only next to a brace, never
    /// inside a character. An unclosed brace is text like any other.
    private static func cut(_ bytes: [UInt8]) -> [Piece]? {
        guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        var pieces: [Piece] = []
        var rest = 0
        while true {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if rest < open { pieces.append(.text(Array(bytes[rest..<open]))) }
            let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            pieces.append(.slot(slot(named: name), written: Array(bytes[open...close])))
            rest = close + 1
            guard let next = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        if rest < bytes.count { pieces.append(.text(Array(bytes[rest...]))) }
        return pieces
    }

    private static func slot(named name: String) -> Slot {
        switch name {
        case "due": return .due
        case "days_late": return .daysLate
        case "as_of": return .asOf
        default: return .evidence(name: name, bare: withoutSubject(name))
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

    /// The message for `result`, redacted: every filled-in value passes through CPR redaction.
    func render(result: RuleResult, asOf: CivilDate) -> String {
        guard let pieces else { return String(decoding: template, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(template.count + 64)
        MessageTemplate.fill(pieces, result: result, asOf: asOf, into: &output)
        return output.withUnsafeBufferPointer { filled in
            guard let redacted = CPRRedaction.redacted(filled) else { return String(decoding: filled, as: UTF8.self) }
            return String(decoding: redacted, as: UTF8.self)
        }
    }

    /// `render`, quoted into `out` as a JSON string. The template is filled straight into the
    /// report's bytes and quoted where it lies; only a message that needs an escape or holds a
    /// CPR number is written again.
    func write(result: RuleResult, asOf: CivilDate, into out: inout PrettyJSONWriter) {
        guard let pieces else { return template.withUnsafeBufferPointer { out.string(utf8: $0) } }
        out.string(filledBy: { MessageTemplate.fill(pieces, result: result, asOf: asOf, into: &$0) },
                   replacement: CPRRedaction.redacted)
    }

    private static func fill(_ pieces: [Piece], result: RuleResult, asOf: CivilDate, into output: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let text):
                output.append(contentsOf: text)
            case .slot(let slot, let written):
                if var value = value(slot, result: result, asOf: asOf) {
                    // In one piece: appending a string's UTF-8 view goes byte by byte.
                    value.withUTF8 { output.append(contentsOf: $0) }
                } else {
                    output.append(contentsOf: written)
                }
            }
        }
    }

    private static func value(_ slot: Slot, result: RuleResult, asOf: CivilDate) -> String? {
        switch slot {
        case .due: return result.due?.description
        case .daysLate: return result.daysLate.map(String.init)
        case .asOf: return asOf.description
        case .evidence(let name, let bare):
            guard let item = result.evidence.first(where: { $0.path == name || $0.path == bare }) else { return nil }
            return item.value.map(ValueText.describe)
        }
    }
}
