extension String {
    /// The same text in storage of its own (a short text is kept inline, with no storage at
    /// all). Threads that work on texts of their own never count references to one shared
    /// string, which would make cores take turns at its memory.
    var detached: String {
        withUTF8InPlace { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
