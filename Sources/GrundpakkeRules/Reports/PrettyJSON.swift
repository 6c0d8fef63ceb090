import RuleDSL

/// Pieces of a `JSONValue.pretty` document, so that a long document can be written member by
/// member and item by item with exactly the bytes `pretty` would give for the whole.
enum PrettyJSON {
    /// The value as `pretty` prints it when nested `level` deep, without the final newline.
    static func nested(_ value: JSONValue, level: Int) -> String {
        value.pretty(nestedAt: level)
    }

    /// An object key, quoted as `pretty` quotes it.
    static func key(_ key: String) -> String {
        JSONValue.string(key).compact
    }
}
