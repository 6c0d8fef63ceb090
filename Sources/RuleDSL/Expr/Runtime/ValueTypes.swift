/// Runtime type names and runtime type tests used for overload dispatch.
extension Value {
    /// The CEL type name of this value, as `type(x)` yields it.
    public var typeName: TypeName {
        switch self {
        case .null: return TypeName("null_type")
        case .bool: return TypeName("bool")
        case .int: return TypeName("int")
        case .uint: return TypeName("uint")
        case .double: return TypeName("double")
        case .string: return TypeName("string")
        case .bytes: return TypeName("bytes")
        case .list: return TypeName("list")
        case .map: return TypeName("map")
        case .date: return TypeName("date")
        case .timestamp: return TypeName("timestamp")
        case .duration: return TypeName("duration")
        case .type: return TypeName("type")
        }
    }

    /// Whether this value can be passed where `type` is expected (element types are not
    /// inspected: the checker vouches for them, and `dyn` elements are checked where used).
    func matches(_ type: CELType) -> Bool {
        switch (type, self) {
        case (.dyn, _): return true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double),
             (.string, .string), (.bytes, .bytes), (.timestamp, .timestamp), (.duration, .duration),
             (.date, .date), (.type, .type), (.list, .list), (.map, .map), (.object, .map):
            return true
        default:
            return false
        }
    }
}
