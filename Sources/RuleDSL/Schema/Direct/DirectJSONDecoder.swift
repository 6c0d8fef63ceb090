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
        /// The items of the tracked list, in order (empty when it is absent).
        var trackedItems: [TrackedItem]

        /// Byte offsets of the items of the tracked list, in order.
        public var itemOffsets: [Int] { trackedItems.map(\.offset) }

        /// Calls `body` with the 1-based column of each of the tracked list's items in `bytes`,
        /// in order. Code points are counted once from the line's start to the last item, not
        /// from the start for each item (a line with an accented name before its children).
        ///
        /// Not generic: a generic function of this module called from another runs unspecialized,
        /// asking for type metadata at every step (a thousand instructions for a case with a
        /// child, where the work is a few dozen). The caller builds what it needs from the columns.
        public func forEachItemColumn(in bytes: ArraySlice<UInt8>, _ body: (Int) -> Void) {
            // `column` is the column of the byte at offset `counted`; items come in line order.
            var counted = 0
            var column = 1
            for item in trackedItems {
                assert(item.offset >= counted, "the tracked list's items are recorded in order")
                column = item.afterNonASCII ? column + DirectJSONDecoder.codePointStarts(in: bytes, from: counted, to: item.offset) : item.offset + 1
                counted = item.offset
                body(column)
            }
        }

        /// The number of the tracked list's items.
        public var itemCount: Int { trackedItems.count }
    }

    /// The object filling `bytes` (whitespace around it allowed), or nil when the located path
    /// must read it.
    public func decode(_ bytes: ArraySlice<UInt8>) -> Decoded? {
        guard root.decodable else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Decoded? in
            var cursor = ByteCursor(buffer, limits: limits, sharedRoom: root.sharedEntries)
            cursor.skipWhitespace()
            let start = cursor.position
            guard cursor.peek == UInt8(ascii: "{"),
                  let fields = cursor.object(root, tracking: trackedField) else { return nil }
            cursor.skipWhitespace()
            guard cursor.atEnd, cursor.withinNodeLimit else { return nil }
            return Decoded(fields: fields, start: start, trackedItems: cursor.trackedItems)
        }
    }

    /// The 1-based column of a byte offset in a line, counting code points as `SourceLocation`
    /// does.
    public static func column(of offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        1 + codePointStarts(in: bytes, from: 0, to: offset)
    }

    /// How many code points start between the byte offsets `from` and `to` of `bytes`.
    /// Eight bytes a step: a record with a non-ASCII name before its children counts most of
    /// its bytes here, for every child.
    static func codePointStarts(in bytes: ArraySlice<UInt8>, from: Int, to: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = from
            #if _endian(little)
            if let base = buffer.baseAddress {
                let highs: UInt64 = 0x8080_8080_8080_8080
                while index + 8 <= to {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
                    let continuations = word & ~(word << 1) & highs
                    count += 8 - continuations.nonzeroBitCount
                    index += 8
                }
            }
            #endif
            while index < to {
                if buffer[index] & 0xC0 != 0x80 { count += 1 }
                index += 1
            }
            return count
        }
    }
}
