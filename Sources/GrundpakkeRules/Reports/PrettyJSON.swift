import RuleDSL

/// Pieces of a `JSONValue.pretty` document, so that a long document can be written member by
/// member and item by item with exactly the bytes `pretty` would give for the whole.
enum PrettyJSON {
    /// The value as `pretty` prints it when nested `level` deep, without the final newline.
    ///
    /// `pretty` escapes every line break inside strings, so each raw newline in its output is
    /// structural and gets the extra indentation.
    static func nested(_ value: JSONValue, level: Int) -> String {
        var text = value.pretty
        text.removeLast()
        guard level > 0, text.utf8.contains(UInt8(ascii: "\n")) else { return text }
        let indent = Array(repeating: UInt8(ascii: " "), count: 2 * level)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 5 / 4)
        for byte in text.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes += indent }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An object key, quoted as `pretty` quotes it.
    static func key(_ key: String) -> String {
        JSONValue.string(key).compact
    }
}
