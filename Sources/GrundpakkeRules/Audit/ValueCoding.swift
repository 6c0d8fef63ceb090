import RuleDSL

/// A rule-language `Value` (the evidence of a result) in the spill encoding, and back.
///
/// Every case round-trips exactly: doubles by bit pattern, maps in their insertion order (the
/// order reports print them in), dates as day numbers.
enum ValueCoding {
    private enum Tag {
        static let null: UInt8 = 0
        static let `false`: UInt8 = 1
        static let `true`: UInt8 = 2
        static let int: UInt8 = 3
        static let uint: UInt8 = 4
        static let double: UInt8 = 5
        static let string: UInt8 = 6
        static let bytes: UInt8 = 7
        static let list: UInt8 = 8
        static let map: UInt8 = 9
        static let date: UInt8 = 10
        static let timestamp: UInt8 = 11
        static let duration: UInt8 = 12
        static let type: UInt8 = 13
    }

    /// Values nest no deeper than this when read back: the validator bounds the depth of what
    /// is written, and a damaged file must not recurse without end.
    private static let maxDepth = 256

    static func encode(_ value: Value, into output: inout ByteWriter) {
        switch value {
        case .null: output.byte(Tag.null)
        case .bool(let flag): output.byte(flag ? Tag.true : Tag.false)
        case .int(let number):
            output.byte(Tag.int)
            output.signed(number)
        case .uint(let number):
            output.byte(Tag.uint)
            output.unsigned(number)
        case .double(let number):
            output.byte(Tag.double)
            output.raw(number.bitPattern)
        case .string(let text):
            output.byte(Tag.string)
            output.string(text)
        case .bytes(let bytes):
            output.byte(Tag.bytes)
            output.unsigned(bytes.count)
            output.bytes += bytes
        case .list(let items):
            output.byte(Tag.list)
            output.unsigned(items.count)
            for item in items { encode(item, into: &output) }
        case .map(let map):
            output.byte(Tag.map)
            output.unsigned(map.count)
            for entry in map.entries {
                encode(entry.key, into: &output)
                encode(entry.value, into: &output)
            }
        case .date(let date):
            output.byte(Tag.date)
            output.signed(date.daysSinceEpoch)
        case .timestamp(let instant):
            output.byte(Tag.timestamp)
            output.signed(instant.seconds)
            output.signed(Int64(instant.nanos))
        case .duration(let span):
            output.byte(Tag.duration)
            output.signed(span.seconds)
            output.signed(Int64(span.nanos))
        case .type(let name):
            output.byte(Tag.type)
            output.string(name.name)
        }
    }

    static func decode(_ reader: inout ByteReader, depth: Int = 0) throws(ResultStoreError) -> Value {
        guard depth < maxDepth else { throw .corrupt }
        switch try reader.byte() {
        case Tag.null: return .null
        case Tag.false: return .bool(false)
        case Tag.true: return .bool(true)
        case Tag.int: return .int(try reader.signed64())
        case Tag.uint: return .uint(try reader.unsigned())
        case Tag.double: return .double(Double(bitPattern: try reader.raw()))
        case Tag.string: return .string(try reader.string())
        case Tag.bytes:
            let count = try reader.int()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(count, 4096))
            for _ in 0..<count { bytes.append(try reader.byte()) }
            return .bytes(bytes)
        case Tag.list:
            let count = try reader.int()
            var items: [Value] = []
            items.reserveCapacity(min(count, 4096))
            for _ in 0..<count { items.append(try decode(&reader, depth: depth + 1)) }
            return .list(items)
        case Tag.map:
            let count = try reader.int()
            var map = MapValue()
            for _ in 0..<count {
                let key = try decode(&reader, depth: depth + 1)
                map[key] = try decode(&reader, depth: depth + 1)
            }
            return .map(map)
        case Tag.date:
            guard let date = CivilDate(daysSinceEpoch: try reader.signed()) else { throw .corrupt }
            return .date(date)
        case Tag.timestamp:
            guard let instant = Timestamp(seconds: try reader.signed64(), nanos: try reader.signed64()) else { throw .corrupt }
            return .timestamp(instant)
        case Tag.duration:
            guard let span = CELDuration(seconds: try reader.signed64(), nanos: try reader.signed64()) else { throw .corrupt }
            return .duration(span)
        case Tag.type: return .type(TypeName(try reader.string()))
        default: throw .corrupt
        }
    }
}
