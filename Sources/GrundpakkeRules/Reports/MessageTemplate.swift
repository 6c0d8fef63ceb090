import RuleDSL

/// A rule's message template cut once into fixed text and placeholders (`{due}`, `{days_late}`,
/// `{as_of}`, an evidence path such as `{admission.date}` or `{case.admission.date}`), so that
/// filling it for a result neither searches the template for braces nor makes a string of each
/// placeholder's name. A report fills one for every finding it lists; `render(_:result:asOf:)`
/// cuts and fills in one pass for a template used once.
struct MessageTemplate: Sendable {
    /// A part of the template, as a range of its bytes.
    enum Piece: Sendable {
        case text(Range<Int>)
        /// A placeholder, and its text as written (kept when the result has no value for it).
        case slot(Slot, written: Range<Int>)
    }

    enum Slot: Sendable {
        case due
        case daysLate
        case asOf
        /// An evidence path as written, and without its subject (`case.`, `child.`, `shelter.`).
        case evidence(name: String, bare: String)
    }

    /// The template as written.
    let text: String
    /// Its bytes, which the pieces are ranges of.
    let bytes: [UInt8]
    /// Nil when the template has no opening brace: the message is then the template as it is,
    /// without redaction (it is the rule's own fixed text).
    let pieces: [Piece]?

    init(_ template: String) {
        text = template
        bytes = Array(template.utf8)
        var pieces: [Piece] = []
        let cut = bytes.withUnsafeBufferPointer { MessageTemplate.cut($0) { pieces.append($0) } }
        self.pieces = cut ? pieces : nil
    }

    /// Calls `body` with each piece of `bytes`, in order; false, calling nothing, when there is
    /// no opening brace. Braces are ASCII, so the template is cut as UTF-8 bytes, only next to
    /// a brace, never inside a character. An unclosed brace is text like any other.
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Piece) -> Void) -> Bool {
        guard var open = bytes.firstIndex(of: UInt8(ascii: "{")) else { return false }
        var rest = 0
        while true {
            guard let close = bytes[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if rest < open { body(.text(rest..<open)) }
            let name = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
            body(.slot(slot(named: name), written: open..<(close + 1)))
            rest = close + 1
            guard let next = bytes[rest...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        if rest < bytes.count { body(.text(rest..<bytes.count)) }
        return true
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
        guard let pieces else { return text }
        var output = OutputBuffer(capacity: bytes.count + 64)
        bytes.withUnsafeBufferPointer { bytes in
            for piece in pieces { MessageTemplate.fill(piece, of: bytes, result: result, asOf: asOf, into: &output) }
        }
        return output.withBytes(MessageTemplate.redactedText)
    }

    /// `MessageTemplate(template).render(result:asOf:)` without keeping the pieces: for a
    /// template used once (the reports other than JSON, which render from the rule).
    static func render(_ template: String, result: RuleResult, asOf: CivilDate) -> String {
        let rendered = template.withUTF8InPlace { bytes -> String? in
            var output = OutputBuffer(capacity: bytes.count + 64)
            let cut = MessageTemplate.cut(bytes) { fill($0, of: bytes, result: result, asOf: asOf, into: &output) }
            return cut ? output.withBytes(redactedText) : nil
        }
        return rendered ?? template
    }

    /// `render`, quoted into `out` as a JSON string. The template is filled straight into the
    /// report's bytes and quoted where it lies; only a message that needs an escape or holds a
    /// CPR number is written again.
    func write(result: RuleResult, asOf: CivilDate, into out: inout PrettyJSONWriter) {
        bytes.withUnsafeBufferPointer { bytes in
            guard let pieces else { return out.string(utf8: bytes) }
            out.string(filledBy: { output in
                for piece in pieces { MessageTemplate.fill(piece, of: bytes, result: result, asOf: asOf, into: &output) }
            }, replacement: CPRRedaction.redacted)
        }
    }

    /// Filled-in bytes as text, with every CPR number in them hidden.
    private static func redactedText(_ filled: UnsafeBufferPointer<UInt8>) -> String {
        guard let redacted = CPRRedaction.redacted(filled) else { return String(decoding: filled, as: UTF8.self) }
        return String(decoding: redacted, as: UTF8.self)
    }

    private static func fill(_ piece: Piece, of template: UnsafeBufferPointer<UInt8>, result: RuleResult, asOf: CivilDate,
                             into output: inout OutputBuffer) {
        switch piece {
        case .text(let range):
            output.append(UnsafeBufferPointer(rebasing: template[range]))
        case .slot(let slot, let written):
            switch filling(slot, result: result, asOf: asOf) {
            case .date(let date)?:
                date.appendText(to: &output)
            case .text(let text)?:
                // In one piece: appending a string's UTF-8 view goes byte by byte.
                text.withUTF8InPlace { output.append($0) }
            case nil:
                output.append(UnsafeBufferPointer(rebasing: template[written]))
            }
        }
    }

    /// What fills a slot: a date (the usual value) is written as bytes, with no string made
    /// for it; any other value as its text.
    private enum Filling {
        case date(CivilDate)
        case text(String)
    }

    private static func filling(_ slot: Slot, result: RuleResult, asOf: CivilDate) -> Filling? {
        switch slot {
        case .due: return result.due.map(Filling.date)
        case .daysLate: return result.daysLate.map { .text(String($0)) }
        case .asOf: return .date(asOf)
        case .evidence(let name, let bare):
            guard let item = result.evidence.first(where: { $0.path == name || $0.path == bare }),
                  let value = item.value else { return nil }
            if case .date(let date) = value { return .date(date) }
            return .text(ValueText.describe(value))
        }
    }
}
