/// A static type as the checker sees it.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    /// Unknown until run time; accepted wherever any type is.
    case dyn
    case null
    case bool, int, uint, double, string, bytes
    case timestamp, duration
    /// Our civil-date extension.
    case date
    /// The type of type values (`int`, `type(x)`).
    case type
    case list(CELType)
    case map(key: CELType, value: CELType)
    /// A declared record (held as a map with string keys at run time).
    case object(ObjectType)

    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "timestamp"
        case .duration: return "duration"
        case .date: return "date"
        case .type: return "type"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .object(let object): return object.name
        }
    }

    var isNumeric: Bool { self == .int || self == .uint || self == .double }
    var isDyn: Bool { self == .dyn }

    /// Whether a value of static type `self` may be passed where `parameter` is expected.
    func isAssignable(to parameter: CELType) -> Bool {
        switch (self, parameter) {
        case (.dyn, _), (_, .dyn): return true
        case (.list(let element), .list(let expected)): return element.isAssignable(to: expected)
        case (.map(let key, let value), .map(let expectedKey, let expectedValue)):
            return key.isAssignable(to: expectedKey) && value.isAssignable(to: expectedValue)
        case (.object, .map(let key, let value)):
            return CELType.string.isAssignable(to: key) && value == .dyn
        case (.object(let object), .object(let expected)): return object.name == expected.name
        default: return self == parameter
        }
    }

    /// The type of a value that may come from either of two expressions (conditional branches,
    /// list elements). Different types meet in `dyn`; CEL would reject them, we stay lenient.
    func joined(with other: CELType) -> CELType {
        if self == other { return self }
        switch (self, other) {
        case (.null, let type), (let type, .null): return type
        case (.list(let a), .list(let b)): return .list(a.joined(with: b))
        case (.map(let k1, let v1), .map(let k2, let v2)): return .map(key: k1.joined(with: k2), value: v1.joined(with: v2))
        default: return .dyn
        }
    }

    /// The runtime name `type(x)` yields for values of this static type.
    var runtimeTypeName: String {
        switch self {
        case .list: return "list"
        case .map, .object: return "map"
        default: return description
        }
    }
}

/// A declared record type: named fields, each with a type and whether it may hold `null`.
public struct ObjectType: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var type: CELType
        public var nullable: Bool

        public init(_ type: CELType, nullable: Bool = false) {
            self.type = type
            self.nullable = nullable
        }
    }

    public var name: String
    /// Field names in declaration order (for messages and suggestions).
    public private(set) var fieldNames: [String]
    public private(set) var fields: [String: Field]

    public init(name: String, fields: [(String, Field)]) {
        self.name = name
        fieldNames = fields.map(\.0)
        self.fields = Dictionary(fields, uniquingKeysWith: { first, _ in first })
    }
}
