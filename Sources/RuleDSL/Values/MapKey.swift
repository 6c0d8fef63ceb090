/// A map key whose fingerprint (`KeyFingerprint`) is worked out once, for code that reads the
/// same field of every record (a record's id, its children, the dates the input checks compare):
/// a lookup by a plain `Value` works the fingerprint out again each time.
public struct MapKey: Sendable {
    public let value: Value
    let fingerprint: UInt64

    public init(_ value: Value) {
        self.value = value
        fingerprint = KeyFingerprint.of(value)
    }

    /// A string key, the usual kind.
    public init(_ name: String) {
        self.init(.string(name))
    }
}

extension MapValue {
    /// The value under `key`, as `self[key.value]` gives it.
    public subscript(key: MapKey) -> Value? {
        guard let position = position(forKey: key.value, fingerprint: key.fingerprint, hint: 0) else { return nil }
        return withValue(at: position) { copy $0 }
    }
}
