/// JSON for values, as the `eval --format json` contract fixes it: integers exact, doubles as
/// numbers or "NaN"/"Infinity"/"-Infinity", bytes base64, timestamps RFC 3339, durations
/// "1.5s", dates YYYY-MM-DD, types by name, maps as objects when all keys are strings (else
/// arrays of [key, value] pairs). Map entries are sorted by key so output is canonical.
public enum ValueJSON {
    /// The type as the JSON contract names it: CEL's names, except `null_type`, which is `null`.
    static func jsonTypeName(_ value: Value) -> String {
        let name = value.typeName.name
        return name == "null_type" ? "null" : name
    }

    /// `{"value": V, "type": T}`.
    public static func result(_ value: Value) -> String {
        "{\"value\": \(encode(value)), \"type\": \(string(jsonTypeName(value)))}"
    }

    /// `{"error": MESSAGE}`.
    public static func error(_ message: String) -> String {
        "{\"error\": \(string(message))}"
    }

    public static func encode(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .uint(let uint): return String(uint)
        case .double(let double):
            if double.isNaN || double.isInfinite { return string(Display.doubleText(double)) }
            return String(double)
        case .string(let text): return string(text)
        case .bytes(let bytes): return string(base64(bytes))
        case .list(let elements): return "[" + elements.map(encode).joined(separator: ", ") + "]"
        case .map(let map):
            let entries = map.entries.sorted { keyOrder($0.key, $1.key) }
            if entries.allSatisfy({ if case .string = $0.key { return true } else { return false } }) {
                return "{" + entries.map { "\(encode($0.key)): \(encode($0.value))" }.joined(separator: ", ") + "}"
            }
            return "[" + entries.map { "[\(encode($0.key)), \(encode($0.value))]" }.joined(separator: ", ") + "]"
        case .date(let date): return string(date.description)
        case .timestamp(let timestamp): return string(timestamp.description)
        case .duration(let duration): return string(duration.description)
        case .type(let type): return string(type.name)
        }
    }

    /// A total order on map keys: by kind (bool, int, uint, string), then by value.
    static func keyOrder(_ a: Value, _ b: Value) -> Bool {
        func rank(_ value: Value) -> Int {
            switch value {
            case .bool: return 0
            case .int: return 1
            case .uint: return 2
            case .string: return 3
            default: return 4
            }
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return !x && y
        case (.int(let x), .int(let y)): return x < y
        case (.uint(let x), .uint(let y)): return x < y
        case (.string(let x), .string(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        default: return rank(a) < rank(b)
        }
    }

    /// A JSON string literal (the report's own quoting, so all JSON the tool writes agrees).
    public static func string(_ text: String) -> String {
        var out = ""
        JSONValue.quote(text, into: &out)
        return out
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let b0 = Int(chunk[0]), b1 = chunk.count > 1 ? Int(chunk[1]) : 0, b2 = chunk.count > 2 ? Int(chunk[2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[((b0 & 0x03) << 4) | (b1 >> 4)])
            out.append(chunk.count > 1 ? alphabet[((b1 & 0x0F) << 2) | (b2 >> 6)] : "=")
            out.append(chunk.count > 2 ? alphabet[b2 & 0x3F] : "=")
            index += 3
        }
        return out
    }
}
