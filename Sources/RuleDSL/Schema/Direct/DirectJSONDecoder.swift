/// Decodes one JSON object straight from its bytes into a validated record map, following an
/// object schema: no `Node` tree, no `String` per key, no location per token.
///
/// It is the fast path for large JSON Lines exports, and it only ever says "this record is
/// clean, here it is" or "not sure" (`nil`). Whenever a record would need a diagnostic of any
/// kind (a syntax error, an unknown key, a duplicate key, a wrong type, a missing required
/// field, an escape sequence, a limit), it gives up and the caller reads the record again with
/// `JSONReader` and `SchemaValidator`, which word the message and locate it. So the two paths
/// never disagree about a record: the direct one yields exactly the map the located one would,
/// and leaves every other record to it.
public struct DirectJSONDecoder: Sendable {
    private let root: ObjectPlan
    private let limits: DocumentLimits
    /// The top-level field whose list items' offsets are reported (e.g. a case's children, whose
    /// locations results point at).
    private let trackedField: Int?

    /// `selection` names the fields to build; the others are checked as strictly but left out
    /// of the record, so it must cover everything the record's readers read.
    public init(schema: ObjectSchema, limits: DocumentLimits = .standard, trackingItemsOf field: String? = nil,
                building selection: FieldSelection = .everything) {
        root = ObjectPlan(schema, building: selection)
        self.limits = limits
        trackedField = field.flatMap { name in schema.fields.firstIndex { $0.name == name } }
    }

    /// A record the direct path could decode.
    public struct Decoded: Sendable {
        public var fields: MapValue
        /// Byte offset of the object's opening brace from the start of the text.
        public var start: Int
        /// Byte offsets of the items of the tracked list, in order (empty when it is absent).
        public var itemOffsets: [Int]
        /// Whether any non-ASCII text came before each item (else its column is offset + 1).
        var itemsAfterNonASCII: [Bool]

        /// The 1-based column of the tracked list's item `position` in `bytes`.
        public func itemColumn(_ position: Int, in bytes: ArraySlice<UInt8>) -> Int {
            itemsAfterNonASCII[position] ? DirectJSONDecoder.column(of: itemOffsets[position], in: bytes) : itemOffsets[position] + 1
        }
    }

    /// The object filling `bytes` (whitespace around it allowed), or nil when the located path
    /// must read it.
    public func decode(_ bytes: ArraySlice<UInt8>) -> Decoded? {
        guard root.decodable else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Decoded? in
            var cursor = ByteCursor(buffer, limits: limits)
            cursor.skipWhitespace()
            let start = cursor.position
            guard cursor.peek == UInt8(ascii: "{"),
                  let fields = cursor.object(root, tracking: trackedField) else { return nil }
            cursor.skipWhitespace()
            guard cursor.atEnd else { return nil }
            return Decoded(fields: fields, start: start, itemOffsets: cursor.itemOffsets, itemsAfterNonASCII: cursor.itemsAfterNonASCII)
        }
    }

    /// The 1-based column of a byte offset in a line, counting code points as `SourceLocation`
    /// does.
    public static func column(of offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var column = 1
        var index = bytes.startIndex
        let end = bytes.startIndex + offset
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
