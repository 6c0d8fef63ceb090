/// A runtime value of the rule language, and the shape validated input records take.
///
/// Records are maps with string keys; an absent key means "not recorded" and `.null` means
/// "recorded as none", which is why maps never store absent fields as `.null`.
// Not `indirect`: lists and maps already hold their elements in heap storage, and boxing every
// scalar would cost an allocation per value read.
public enum Value: Sendable, Hashable {
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
