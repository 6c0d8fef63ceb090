/// Values as people read them in reports: dates as `YYYY-MM-DD`, text without quotes.
public enum ValueText {
    public static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .uint(let number): return "\(number)u"
        case .double(let number): return "\(number)"
        case .string(let text): return text
        case .bytes(let bytes): return "\(bytes.count) bytes"
        case .date(let date): return date.description
        case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + map.entries.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", ") + "}"
        default: return "\(value)"
        }
    }

    /// A node as compact flow YAML, for showing examples.
    public static func describe(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): return scalar.isQuoted ? "\"\(scalar.text)\"" : scalar.text
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
