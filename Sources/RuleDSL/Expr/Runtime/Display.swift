/// Values written as CEL source text, for messages and the `eval` command's text output.
public enum Display {
    public static func literal(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .int(let int): return String(int)
        case .uint(let uint): return "\(uint)u"
        case .double(let double): return doubleText(double)
        case .string(let string): return quoted(string)
        case .bytes(let bytes):
            return "b\"" + bytes.map { byte in
                switch byte {
                case 0x22: return "\\\""
                case 0x5C: return "\\\\"
                case 0x20..<0x7F: return String(UnicodeScalar(byte))
                default: return "\\x" + hex(byte)
                }
            }.joined() + "\""
        case .list(let elements): return "[" + elements.map(literal).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.entries.map { "\(literal($0.key)): \(literal($0.value))" }.joined(separator: ", ") + "}"
        case .date(let date): return "date(\"\(date)\")"
        case .timestamp(let timestamp): return "timestamp(\"\(timestamp)\")"
        case .duration(let duration): return "duration(\"\(duration)\")"
        case .type(let type): return type.name
        }
    }

    static func doubleText(_ double: Double) -> String {
        if double.isNaN { return "NaN" }
        if double.isInfinite { return double < 0 ? "-Infinity" : "Infinity" }
        return String(double)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\x" + hex(UInt8(scalar.value))
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
