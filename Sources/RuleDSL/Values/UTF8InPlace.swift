extension String {
    /// `body` applied to the string's UTF-8 bytes where they lie (a small string's from a stack
    /// copy), without a copy of the string.
    ///
    /// Why not `withUTF8`: it is mutating (it may first make a string contiguous), so calling it
    /// on a `let` needs a `var` copy, and that copy counts a reference to the string's storage
    /// and releases it again: an atomic operation each, for every id, key and message read this
    /// way, several times a record. Native and small strings, all this project makes, are
    /// contiguous; any other is read through such a copy, as before.
    @inlinable
    public func withUTF8InPlace<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
