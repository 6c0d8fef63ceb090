/// Writes JSON straight to bytes with exactly the layout of `JSONValue.pretty`, without building
/// a `JSONValue` first: for documents with a fixed shape written many times over (a report's
/// results), where making and walking a tree per item costs more than the writing.
///
/// Containers are opened and closed explicitly; `key` or `item` starts each member. The bytes
/// equal `value.pretty(nestedAt: level)` for the value described, which tests check. They are
/// written into an `OutputBuffer` the writer owns, so a writer is not copied either.
public struct PrettyJSONWriter: ~Copyable {
    private var bytes: OutputBuffer
    /// Open containers: whether each has a member yet.
    private var open: [Bool] = []
    private let baseLevel: Int

    /// A writer for a value that sits `level` deep in a larger document.
    public init(level: Int = 0, capacity: Int = 512) {
        baseLevel = level
        bytes = OutputBuffer(capacity: capacity)
    }

    /// How many bytes have been written.
    public var count: Int { bytes.count }

    /// The bytes written, as an array of their own.
    public var written: [UInt8] { bytes.array }

    /// The bytes written, handed over whole: no copy is made, and the writer is gone.
    public consuming func finish() -> OutputBuffer { bytes }

    /// The depth the next member or item is written at.
    public var level: Int { baseLevel + open.count }

    public mutating func openObject() { openContainer(UInt8(ascii: "{")) }
    public mutating func closeObject() { closeContainer(UInt8(ascii: "}")) }
    public mutating func openArray() { openContainer(UInt8(ascii: "[")) }
    public mutating func closeArray() { closeContainer(UInt8(ascii: "]")) }

    /// Starts an object member; its value is written next.
    public mutating func key(_ key: String) {
        startMember()
        JSONValue.quote(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// A line break and the indentation of up to 32 levels, of which a new line's part is
    /// copied in one piece (written for every member of every result a report lists).
    private static let lineStart: StaticString = "\n                                                                "

    /// Starts an array item; its value is written next.
    public mutating func item() { startMember() }

    public mutating func string(_ text: String) { JSONValue.quote(text, into: &bytes) }

    /// `string` for text already at hand as valid UTF-8 bytes.
    public mutating func string(utf8 text: UnsafeBufferPointer<UInt8>) { JSONValue.quote(utf8: text, into: &bytes) }

    /// A string whose UTF-8 text `fill` appends to the bytes, then quoted where it lies. Nearly
    /// always the text needs no escape and `replacement` (e.g. a redaction) gives nothing for it,
    /// so it is written once, with no copy in between; otherwise the replacement, or the text,
    /// is quoted again in its place.
    public mutating func string(filledBy fill: (inout OutputBuffer) -> Void,
                                replacement: (UnsafeBufferPointer<UInt8>) -> [UInt8]?) {
        let quoteAt = bytes.count
        bytes.append(UInt8(ascii: "\""))
        fill(&bytes)
        let start = quoteAt + 1
        let (replaced, escapes) = bytes.withBytes(from: start) { text in
            if let replaced = replacement(text) { return (Optional(replaced), true) }
            return (nil, JSONValue.needsEscaping(text))
        }
        guard escapes else { return bytes.append(UInt8(ascii: "\"")) }
        let text: [UInt8]
        if let replaced { text = replaced } else { text = bytes.withBytes(from: start) { Array($0) } }
        bytes.removeSuffix(from: quoteAt)
        text.withUnsafeBufferPointer { JSONValue.quote(utf8: $0, into: &bytes) }
    }

    /// A whole number's digits, written where they go: no string is made for them, and
    /// appending a string's UTF-8 view went byte by byte.
    public mutating func int(_ number: Int64) {
        // Twenty bytes hold any `Int64` with its sign; filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A date as a JSON string, `"YYYY-MM-DD"`, with no string made in between.
    public mutating func date(_ date: CivilDate) {
        bytes.append(UInt8(ascii: "\""))
        date.appendText(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func bool(_ flag: Bool) { bytes.append(flag ? "true" : "false") }

    public mutating func null() { bytes.append("null") }

    /// Any value, laid out as `pretty` would at this depth.
    public mutating func value(_ value: JSONValue) { self.value(value, level: level) }

    /// Text written as it is: what separates values that a caller writes one after another
    /// into the same bytes, or the layout of a document of a fixed shape that the caller lays
    /// out itself (separators, keys and indentation in one piece, see
    /// `JSONReporter.writtenResult`; the containers it opens that way are its own to close, and
    /// `level` does not count them). Fixed text only: a `StaticString` is copied in one piece,
    /// where appending a `String`'s UTF-8 view went through it byte by byte.
    public mutating func raw(_ layout: StaticString) {
        bytes.append(layout)
    }

    /// Layout and values written once and kept (e.g. the part every result of one rule starts
    /// with), copied as they are.
    public mutating func raw(bytes written: [UInt8]) {
        bytes.append(written)
    }

    /// `value`, laid out as `pretty` would `level` deep (inside containers written by `raw`).
    /// Containers written this way are rare in a report (a waiver), so the value is laid out
    /// as an array and copied on.
    public mutating func value(_ value: JSONValue, level: Int) {
        var laidOut: [UInt8] = []
        value.writePretty(into: &laidOut, level: level)
        bytes.append(laidOut)
    }

    private mutating func openContainer(_ brace: UInt8) {
        bytes.append(brace)
        open.append(false)
    }

    private mutating func closeContainer(_ brace: UInt8) {
        let hadMembers = open.removeLast()
        if hadMembers { newline(level) }
        bytes.append(brace)
    }

    private mutating func startMember() {
        if open[open.count - 1] { bytes.append(UInt8(ascii: ",")) }
        open[open.count - 1] = true
        newline(level)
    }

    private mutating func newline(_ level: Int) {
        let length = 1 + 2 * level
        guard length <= Self.lineStart.utf8CodeUnitCount else {
            bytes.append(UInt8(ascii: "\n"))
            bytes.append(repeating: UInt8(ascii: " "), count: 2 * level)
            return
        }
        Self.lineStart.withUTF8Buffer { line in bytes.append(UnsafeBufferPointer(rebasing: line[..<length])) }
    }
}
