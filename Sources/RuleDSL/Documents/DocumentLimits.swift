/// Hard limits on what one input file may make the reader do. Hitting one is a located error,
/// never a crash, a hang or unbounded memory: case exports are edited by hand and rule packs by
/// consultants, and neither should be able to take a nightly job down.
public struct DocumentLimits: Sendable, Hashable {
    /// Largest file read whole (YAML and JSON). JSON Lines files are read line by line instead.
    public var maxFileBytes: Int
    /// Longest line of a JSON Lines file.
    public var maxLineBytes: Int
    /// Longest single scalar (text value).
    public var maxScalarBytes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Most nodes one document may hold, counting every expansion of a YAML alias: this is what
    /// stops a "billion laughs" file before it is expanded.
    public var maxNodesPerDocument: Int
    /// Most documents in one YAML stream.
    public var maxDocuments: Int

    public init(
        maxFileBytes: Int = 256 << 20,
        maxLineBytes: Int = 4 << 20,
        maxScalarBytes: Int = 1 << 20,
        maxDepth: Int = 256,
        maxNodesPerDocument: Int = 1_000_000,
        maxDocuments: Int = 1_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxLineBytes = maxLineBytes
        self.maxScalarBytes = maxScalarBytes
        self.maxDepth = maxDepth
        self.maxNodesPerDocument = maxNodesPerDocument
        self.maxDocuments = maxDocuments
    }

    public static let standard = DocumentLimits()
}
