/// A runtime value of the rule language, and the shape validated input records take.
///
/// Records are maps with string keys; an absent key means "not recorded" and `.null` means
/// "recorded as none", which is why maps never store absent fields as `.null`.
public indirect enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(MapValue)
    case date(CivilDate)
    /// An instant (CEL `google.protobuf.Timestamp`).
    case timestamp(Timestamp)
    /// A signed span of time (CEL `google.protobuf.Duration`).
    case duration(CELDuration)
    /// A type as a value: what `type(x)` returns and what names such as `int` denote.
    case type(TypeName)
}

/// The runtime name of a type, as `type(x)` yields it (`int`, `list`, `null_type`, ...).
public struct TypeName: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }
}

/// A map value. Lookup by key is constant time; iteration order is the insertion order so that
/// anything printed from a map is deterministic.
public struct MapValue: Sendable, Hashable {
    public private(set) var keys: [Value]
    public private(set) var storage: [Value: Value]

    public init() {
        keys = []
        storage = [:]
    }

    /// A map from string keys, in the given order. A later duplicate key replaces the earlier value.
    public init(stringKeyed pairs: [(String, Value)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        storage.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[.string(key)] = value }
    }

    public var count: Int { keys.count }

    public subscript(key: Value) -> Value? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public subscript(field: String) -> Value? {
        get { storage[.string(field)] }
        set { self[.string(field)] = newValue }
    }

    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] {
        keys.compactMap { key in storage[key].map { (key, $0) } }
    }

    /// Lookup as CEL does it: numeric keys match across `int`, `uint` and integral `double`
    /// (`{1: 'a'}[1u]` finds the entry), everything else by exact key.
    public func lookup(_ key: Value) -> Value? {
        if let found = storage[key] { return found }
        switch key {
        case .int(let int):
            return int >= 0 ? storage[.uint(UInt64(int))] : nil
        case .uint(let uint):
            return uint <= UInt64(Int64.max) ? storage[.int(Int64(uint))] : nil
        case .double(let double):
            if let int = Int64(exactly: double), let found = storage[.int(int)] { return found }
            if let uint = UInt64(exactly: double) { return storage[.uint(uint)] }
            return nil
        default:
            return nil
        }
    }

    public static func == (lhs: MapValue, rhs: MapValue) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }
}
