/// A map key whose fingerprint (`KeyFingerprint`) is worked out once, for code that reads the
/// same field of every record (a record's id, its children, the dates the input checks compare):
/// a lookup by a plain `Value` works the fingerprint out again each time.
public struct MapKey: Sendable {
    public let value: Value
    let fingerprint: UInt64
    /// The key's bits (see `KeyIdentity`).
    let identity: KeyIdentity
    /// Where the search starts (see `MapValue.position(forKey:fingerprint:hint:)`).
    let hint: Int

    public init(_ value: Value) {
        self.value = value
        fingerprint = KeyFingerprint.of(value)
        identity = KeyIdentity(value)
        hint = 0
    }

    /// A string key, the usual kind.
    public init(_ name: String) {
        self.init(.string(name))
    }

    /// A field of records that follow `schema`: a record keeps its fields in schema order, less
    /// the absent ones, so the search starts at the field's place in the schema and walks back.
    public init(_ name: String, in schema: ObjectSchema) {
        value = .string(name)
        fingerprint = KeyFingerprint.of(value)
        identity = KeyIdentity(value)
        hint = schema.position(of: name) ?? 0
    }
}

extension MapValue {
    /// The value under `key`, as `self[key.value]` gives it.
    public subscript(key: MapKey) -> Value? {
        guard let position = position(forKey: key.value, identity: key.identity, fingerprint: key.fingerprint, hint: key.hint) else { return nil }
        return withValue(at: position) { copy $0 }
    }

    /// `body` applied to the value under `key` where it lies in the map, without copying it
    /// (a copy of a nested record or list costs a retain and a release); nil when it is absent.
    @inline(__always)
    public func withValue<Result>(forKey key: MapKey, _ body: (borrowing Value) -> Result) -> Result? {
        guard let position = position(forKey: key.value, identity: key.identity, fingerprint: key.fingerprint, hint: key.hint) else { return nil }
        return withValue(at: position, body)
    }
}
