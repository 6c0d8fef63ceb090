/// A JSON document whose object keys keep the order they were given in, so that every report
/// and schema prints byte for byte the same on every run and platform.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.compact == rhs.compact
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(compact) }

    /// One line, no spaces.
    public var compact: String {
        var output = ""
        write(to: &output, indent: nil, level: 0)
        return output
    }

    /// Two-space indentation and a final newline.
    public var pretty: String {
        var output = ""
        write(to: &output, indent: "  ", level: 0)
        output += "\n"
        return output
    }

    /// The value as `pretty` prints it when it sits `level` deep inside a larger document
    /// (every line after the first indented two spaces per level), without the final newline:
    /// a long document can be written piece by piece with exactly the bytes of the whole.
    public func pretty(nestedAt level: Int) -> String {
        var output = ""
        write(to: &output, indent: "  ", level: level)
        return output
    }

    private func write(to output: inout String, indent: String?, level: Int) {
        // Written as bytes and turned into text once: appending many small pieces to a `String`
        // costs far more, and reports write one such piece per result.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(into: &bytes, indent: indent.map { Array($0.utf8) }, level: level)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value as `pretty(nestedAt: level)` prints it.
    public func writePretty(into output: inout [UInt8], level: Int) {
        write(into: &output, indent: JSONValue.prettyIndent, level: level)
    }

    private static let prettyIndent: [UInt8]? = Array("  ".utf8)

    private func write(into output: inout [UInt8], indent: [UInt8]?, level: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .int(let number): output += String(number).utf8
        case .double(let number): output += JSONValue.format(number).utf8
        case .string(let text): JSONValue.quote(text, into: &output)
        case .array(let items):
            guard !items.isEmpty else { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent, level + 1)
                items[index].write(into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent, level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for index in members.indices {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent, level + 1)
                JSONValue.quote(members[index].0, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                members[index].1.write(into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent, level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout [UInt8], _ indent: [UInt8]?, _ level: Int) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<level { output += indent }
    }

    /// Numbers JSON can hold; non-finite doubles become null (callers that must keep them encode
    /// them as strings themselves).
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// `quote(_:into:)` of valid UTF-8 bytes onto bytes.
    static func quote(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard needsEscaping(text) else {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: text)
            output.append(UInt8(ascii: "\""))
            return
        }
        var quoted = ""
        quote(String(decoding: text, as: UTF8.self), into: &quoted)
        output += quoted.utf8
    }

    /// `quote(utf8:into:)` onto a byte buffer (see `PrettyJSONWriter`).
    static func quote(utf8 text: UnsafeBufferPointer<UInt8>, into output: inout OutputBuffer) {
        guard needsEscaping(text) else {
            output.append(UInt8(ascii: "\""))
            output.append(text)
            output.append(UInt8(ascii: "\""))
            return
        }
        var quoted: [UInt8] = []
        quote(utf8: text, into: &quoted)
        output.append(quoted)
    }

    /// `quote(_:into:)` onto a byte buffer.
    static func quote(_ text: String, into output: inout OutputBuffer) {
        text.withUTF8InPlace { quote(utf8: $0, into: &output) }
    }

    /// `quote(_:into:)` onto bytes. Native strings are contiguous UTF-8, read in place (a
    /// small one from a stack copy), so this is `quote(utf8:into:)` on their bytes.
    static func quote(_ text: String, into output: inout [UInt8]) {
        text.withUTF8InPlace { quote(utf8: $0, into: &output) }
    }

    static func quote(_ text: String, into output: inout String) {
        output += "\""
        // Almost every string needs no escape: then it is copied in one piece.
        guard text.utf8.contains(where: needsEscape) else {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// Whether any byte of `bytes` is one `needsEscape` flags, eight bytes a step (a report
    /// quotes every key and text of every result it lists). A text of eight bytes or more ends
    /// with one more step over its last eight bytes (some of them looked at twice) instead of a
    /// byte at a time; only a shorter one is read byte by byte.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        #if _endian(little)
        if let base = bytes.baseAddress, bytes.count >= 8 {
            func word(at offset: Int) -> UInt64 { UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) }
            var index = 0
            while index + 8 <= bytes.count {
                if flagged(word(at: index)) { return true }
                index += 8
            }
            return index < bytes.count && flagged(word(at: bytes.count - 8))
        }
        #endif
        for byte in bytes where needsEscape(byte) { return true }
        return false
    }

    /// Whether any of a word's eight bytes is one `needsEscape` flags. Each test is the classic
    /// "has a byte below n" or "has a zero byte" one, which is exact as a yes or no for the
    /// whole word; they are combined without a branch between them.
    @inline(__always)
    private static func flagged(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let control = (word &- ones &* 0x20) & ~word
        let special = zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0x7F)) | zeroBytes(word ^ (ones &* 0xE2))
        return (control | special) & highs != 0
    }

    /// Whether a UTF-8 byte may start something `quote` escapes: a control character, a quote,
    /// a backslash, DEL, or the first byte of U+2028 and U+2029 (a false alarm only costs the
    /// slow path).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2
    }
}
