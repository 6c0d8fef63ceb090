import Foundation

/// The direct decoder's reading position in one JSON text. Every method returns nil when the
/// text is not the plain, valid shape the plan expects; see `DirectJSONDecoder`.
struct ByteCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxScalarBytes: Int
    private let maxNodes: Int
    private(set) var position = 0
    private var nodes = 0
    /// The tracked list's items (see `DirectJSONDecoder`).
    private(set) var trackedItems: [TrackedItem] = []
    /// Whether a byte outside ASCII has been read so far: until then a column is simply the
    /// offset plus one.
    private(set) var sawNonASCII = false
    /// The block the small objects of this record are built into (see `MapStorage`), made at
    /// the first one with room for `sharedRoom` entries; `sharedAccess` is the same block,
    /// reached without counting references (this property keeps it alive).
    private var sharedBlock: MapStorage?
    private var sharedAccess: Unmanaged<MapStorage>?
    private let sharedRoom: Int

    /// `sharedRoom`: the entries the record's small objects usually take (`ObjectPlan.sharedEntries`).
    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: DocumentLimits, sharedRoom: Int = 0) {
        self.bytes = bytes
        maxScalarBytes = limits.maxScalarBytes
        maxNodes = limits.maxNodesPerDocument
        self.sharedRoom = sharedRoom
    }

    var atEnd: Bool { position >= bytes.count }

    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Inlined: it runs wherever `separator` does not settle the whitespace at once, and nearly
    /// always finds one space or none.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            // Every byte that is whitespace is at most a space: anything above ends the run at
            // one comparison (a key, a value or punctuation nearly always follows).
            guard byte <= UInt8(ascii: " "),
                  byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { return }
            position += 1
        }
    }

    /// Steps over the separator `byte` (`:` or `,`) and the whitespace around it, when the
    /// cursor is at it or at whitespace before it; false (the cursor moved past whitespace
    /// only) when another byte comes first. Exports write `": "` and `", "`: those two bytes
    /// are recognised at once, where skipping whitespace on either side took two loops of
    /// compares, twice per key and per list item.
    @inline(__always)
    mutating func separator(_ byte: UInt8) -> Bool {
        if position + 2 <= bytes.count, bytes[position] == byte, bytes[position + 1] == UInt8(ascii: " ") {
            position += 2
            if peek <= UInt8(ascii: " ") { skipWhitespace() }
            return true
        }
        skipWhitespace()
        guard peek == byte else { return false }
        position += 1
        skipWhitespace()
        return true
    }

    /// An object at the cursor, decoded by `plan`. `tracking` names the field whose list items'
    /// offsets are recorded (top level only). Without `build` it is only checked, and the
    /// (empty) map returned costs nothing; with it, the plan's built fields are built.
    mutating func object(_ plan: ObjectPlan, tracking: Int? = nil, build: Bool = true) -> MapValue? {
        guard plan.decodable else { return nil }
        countNode()
        position += 1
        // The plan's parts are read in place: its names and fields are unsafe memory the plan
        // owns, so nothing here counts references to what both cores share.
        let names = plan.names
        let nameCount = names.count
        // A key longer than the scalar limit is left to the located path, which reports it;
        // checked once per object when no name is that long (the usual case).
        let namesFit = plan.longestName <= maxScalarBytes
        let fields = plan.fields
        let built = build ? plan.builtMask : 0
        // A built object goes straight into a block: a small one into the record's shared
        // block, any other into one of its own with room for every built field. Either way an
        // entry is put in place with no check of the map's (as appending to a map makes).
        var ownBlock: MapStorage?
        let block: Unmanaged<MapStorage>?
        if built == 0 {
            block = nil
        } else if plan.sharesBlock {
            block = sharedBlock(room: plan.builtCount)
        } else {
            let made = MapStorage.make(capacity: plan.builtCount)
            ownBlock = made
            block = Unmanaged.passUnretained(made)
        }
        let blockStart = block?._withUnsafeGuaranteedRef { $0.count } ?? 0
        var seen: UInt64 = 0
        var expected = 0
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position += 1
        } else {
            // Each turn starts at a key, whitespace skipped.
            while true {
                // Exports usually give keys in schema order, so the field after the last one is
                // tried first, straight against the bytes at the cursor, then the two after it
                // (optional fields left out); any other key is read as a string and looked up.
                var index = -1
                if peek == UInt8(ascii: "\"") {
                    var candidate = expected
                    let last = min(expected + 3, nameCount)
                    while candidate < last {
                        if namesFit || names.length(candidate) <= maxScalarBytes,
                           let end = names.keyEnd(candidate, in: bytes, at: position + 1) {
                            countNode()
                            position = end
                            index = candidate
                            break
                        }
                        candidate += 1
                    }
                }
                if index < 0 {
                    guard let text = string(), let found = names.index(of: text, likely: expected) else { return nil }
                    index = found
                }
                let bit: UInt64 = 1 << UInt64(index)
                guard seen & bit == 0 else { return nil }
                seen |= bit
                guard separator(UInt8(ascii: ":")) else { return nil }
                let nullable = plan.nullableMask & bit != 0
                let builds = built & bit != 0
                guard let value = value(fields[index].type, nullable: nullable, tracked: builds && index == tracking, build: builds) else {
                    return nil
                }
                if builds, let block { ByteCursor.put(fields[index], consume value, plain: fields[index].plainValues, into: block) }
                expected = index + 1
                if separator(UInt8(ascii: ",")) { continue }
                guard peek == UInt8(ascii: "}") else { return nil }
                position += 1
                break
            }
        }
        guard seen & plan.requiredMask == plan.requiredMask else { return nil }
        guard let block else { return MapValue() }
        for (index, value) in plan.absentDefaults where seen & (1 << UInt64(index)) == 0 {
            ByteCursor.put(fields[index], value, plain: value.isPlainCase, into: block)
        }
        let count = block._withUnsafeGuaranteedRef { $0.count } - blockStart
        // `ownBlock` keeps a block of the object's own alive until the map holds it.
        return withExtendedLifetime(ownBlock) { MapValue(sharing: block.takeUnretainedValue(), from: blockStart, count: count) }
    }

    /// `field` with `value` in the next slot of `block`, the value moved there, not copied (a
    /// copy costs a retain and a release). A short key is put as its bits (`PlainValue`); with
    /// a `plain` value beside it (one that holds no reference), the entry is marked as holding
    /// nothing to free.
    @inline(__always)
    private static func put(_ field: ObjectPlan.Field, _ value: consuming Value, plain: Bool, into block: Unmanaged<MapStorage>) {
        guard let plainKey = field.plainKey else {
            return block._withUnsafeGuaranteedRef { $0.claimSlot(plain: false) }
                .initialize(to: MapValue.Entry(key: field.key, value: value, fingerprint: field.fingerprint))
        }
        let slot = block._withUnsafeGuaranteedRef { $0.claimSlot(plain: plain) }
        slot.initialize(to: MapValue.Entry(key: .null, value: value, fingerprint: field.fingerprint))
        plainKey.storeAsKey(of: slot)
    }

    /// The shared block, or a new one when it has no room for `room` more entries (the maps
    /// already in the old one keep it). A block is made no larger than the allocator serves
    /// cheaply (`MapStorage.entriesPerSmallBlock`): a record whose small objects take more
    /// gets two blocks.
    private mutating func sharedBlock(room: Int) -> Unmanaged<MapStorage> {
        if let access = sharedAccess, access._withUnsafeGuaranteedRef({ $0.room }) >= room { return access }
        let made = MapStorage.make(capacity: max(room, min(sharedRoom, MapStorage.entriesPerSmallBlock)))
        let access = Unmanaged.passUnretained(made)
        sharedBlock = made
        sharedAccess = access
        return access
    }

    /// The value at the cursor, or (without `build`) `.null` once it is checked: what is not
    /// built is read exactly as strictly, so a record is accepted or not whatever is built.
    /// Inlined into the object loop, which calls it for every value of a record: left to
    /// itself the compiler made it a call of its own, and decoding took a tenth more
    /// instructions.
    @inline(__always)
    private mutating func value(_ type: TypePlan, nullable: Bool, tracked: Bool = false, build: Bool) -> Value? {
        if peek == UInt8(ascii: "n") {
            guard nullable, literal("null") else { return nil }
            return .null
        }
        switch type {
        case .bool:
            if peek == UInt8(ascii: "t") { return literal("true") ? .bool(true) : nil }
            if peek == UInt8(ascii: "f") { return literal("false") ? .bool(false) : nil }
            return nil
        case .int:
            return integer()
        case .string:
            guard let text = string() else { return nil }
            return build ? .string(String(decoding: text, as: UTF8.self)) : .null
        case .date:
            return date(build: build)
        case .enumeration(let allowed):
            guard let index = allowed.with({ enumeration($0.names) }) else { return nil }
            return build ? allowed.with { $0.values[index] } : .null
        case .list(let plan):
            let element = plan.with(\.element)
            return list(element, tracked: tracked, build: build)
        case .object(let plan):
            guard peek == UInt8(ascii: "{"), let map = plan.with({ object($0, build: build) }) else { return nil }
            return build ? .map(map) : .null
        case .unsupported:
            return nil
        }
    }

    private mutating func list(_ element: TypePlan, tracked: Bool, build: Bool) -> Value? {
        guard peek == UInt8(ascii: "[") else { return nil }
        countNode()
        position += 1
        var items: [Value] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return build ? .list(items) : .null
        }
        // Each turn starts at an item, whitespace skipped.
        while true {
            if tracked {
                if trackedItems.isEmpty { trackedItems.reserveCapacity(4) }
                trackedItems.append(TrackedItem(offset: position, afterNonASCII: sawNonASCII))
            }
            guard let item = value(element, nullable: false, build: build) else { return nil }
            if build {
                // Lists in records are short (charges, children): room for a few at the first
                // item, instead of growing the storage at the second and the third.
                if items.isEmpty { items.reserveCapacity(4) }
                items.append(item)
            }
            if separator(UInt8(ascii: ",")) { continue }
            guard peek == UInt8(ascii: "]") else { return nil }
            position += 1
            return build ? .list(items) : .null
        }
    }

    /// The bytes of a string without escapes or control characters, valid UTF-8, within the
    /// scalar limit.
    private mutating func string() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        countNode()
        let start = position + 1
        var end = ByteCursor.plainRun(bytes, from: start)
        var ascii = true
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            end += 1
        }
        guard end < bytes.count, end - start <= maxScalarBytes else { return nil }
        let text = bytes[start..<end]
        if !ascii {
            guard UTF8Validation.isValid(text) else { return nil }
            sawNonASCII = true
        }
        position = end + 1
        return text
    }

    /// The end of the run of plain ASCII text from `start` (no quote, backslash, control or
    /// non-ASCII byte), eight bytes a step: most of a record's bytes are such text.
    private static func plainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        #if _endian(little)
        guard let base = bytes.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var end = start
        while end + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // The classic "has a zero byte" test per kind; the lowest flagged byte is exact
            // (borrows only flag bytes above a true one), which is all that is used.
            let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash
                | (word &- ones &* 0x20) & ~word | word) & highs
            if special != 0 { return end + special.trailingZeroBitCount / 8 }
            end += 8
        }
        return end
        #else
        return start
        #endif
    }

    /// A whole number as JSON writes it (no sign on zero, no leading zeros, no fraction or
    /// exponent) that fits in 64 bits with room to spare.
    private mutating func integer() -> Value? {
        countNode()
        var index = position
        let negative = peek == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        var magnitude: Int64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            guard index - digitsStart < 18 else { return nil }
            magnitude = magnitude * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let count = index - digitsStart
        guard count > 0, !(bytes[digitsStart] == UInt8(ascii: "0") && (count > 1 || negative)) else { return nil }
        if index < bytes.count {
            let next = bytes[index]
            guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
        }
        position = index
        return .int(negative ? -magnitude : magnitude)
    }

    /// The index of the allowed name the string at the cursor spells. Each name of plain ASCII
    /// is first matched straight against the bytes, closing quote included (as keys are, see
    /// `ByteNames.keyEnd`), which is exactly what reading the string and looking it up finds:
    /// a record holds half a dozen such values, and the scan and lookup took twice as long.
    private mutating func enumeration(_ names: ByteNames) -> Int? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        for candidate in 0..<names.count where names.length(candidate) <= maxScalarBytes {
            if let end = names.keyEnd(candidate, in: bytes, at: position + 1) {
                countNode()
                position = end
                return candidate
            }
        }
        guard let text = string() else { return nil }
        return names.index(of: text, likely: 0)
    }

    /// A string holding a real calendar date written `YYYY-MM-DD`; without `build`, `.null` once
    /// it is checked (its day number is not worked out). The digits are read in place: a record
    /// holds a dozen dates.
    private mutating func date(build: Bool) -> Value? {
        let at: UnsafePointer<UInt8>
        if position + 12 <= bytes.count, maxScalarBytes >= 10, let base = bytes.baseAddress,
           base[position] == UInt8(ascii: "\""), base[position + 11] == UInt8(ascii: "\"") {
            // The usual date: ten bytes between quotes, read without scanning for the string's
            // end. Each of the ten is checked below to be a digit or a dash, so the text is the
            // one `string()` would give (no quote, escape, control or non-ASCII byte in it).
            countNode()
            at = base + position + 1
            position += 12
        } else {
            guard let text = string(), text.count == 10, let base = text.base.baseAddress else { return nil }
            at = base + text.startIndex
        }
        guard at[4] == UInt8(ascii: "-"), at[7] == UInt8(ascii: "-") else { return nil }
        // A byte below "0" wraps around to a large number, so one comparison checks a digit.
        func digit(_ offset: Int) -> Int? {
            let value = at[offset] &- UInt8(ascii: "0")
            return value <= 9 ? Int(value) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) else { return nil }
        let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3
        let month = m0 * 10 + m1
        let day = d0 * 10 + d1
        guard build else { return CivilDate.isValid(year: year, month: month, day: day) ? .null : nil }
        return CivilDate(year: year, month: month, day: day).map(Value.date)
    }

    /// `true`, `false` or `null` at the cursor, compared a word at a time rather than through
    /// a call to `memcmp` (a record holds a dozen such literals).
    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        countNode()
        guard position + length <= bytes.count, let base = bytes.baseAddress else { return false }
        let at = UnsafeRawPointer(base + position)
        let expected = UnsafeRawPointer(word.utf8Start)
        let matched: Bool
        if length == 4 || length == 5 {
            // Its first four bytes as one word, then the fifth of `false`.
            matched = at.loadUnaligned(as: UInt32.self) == expected.loadUnaligned(as: UInt32.self)
                && (length == 4 || at.load(fromByteOffset: 4, as: UInt8.self) == expected.load(fromByteOffset: 4, as: UInt8.self))
        } else {
            matched = memcmp(at, expected, length) == 0
        }
        guard matched else { return false }
        position += length
        return true
    }

    /// Counts a value against the per-document limit, which `withinNodeLimit` checks once the
    /// record is read: past it the located path reports it. (The plan follows the schema, not
    /// the input, so reading on past the limit cannot nest without end; a check per value cost
    /// a compare and a branch for each of a record's hundred-odd values.)
    @inline(__always)
    private mutating func countNode() {
        nodes &+= 1
    }

    /// Whether the values read so far are within the per-document limit.
    var withinNodeLimit: Bool { nodes <= maxNodes }
}

/// Where an item of the tracked list starts, and whether any non-ASCII text came before it
/// (else its column is its offset plus one).
struct TrackedItem: Sendable {
    var offset: Int
    var afterNonASCII: Bool
}
