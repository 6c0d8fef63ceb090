/// Where the generator writes a record, field by field, in the order of the input model. One
/// implementation writes JSON (one record per line), the other block-style YAML, so the same
/// draws give the same record in either format.
protocol RecordSink {
    mutating func beginObject(_ key: StaticString)
    mutating func endObject()
    mutating func beginList(_ key: StaticString)
    mutating func endList()
    /// An object inside a list.
    mutating func beginItem()
    mutating func endItem()
    mutating func emptyList(_ key: StaticString)
    /// A list of plain words (enum values), written inline.
    mutating func words(_ key: StaticString, _ values: [String])
    mutating func string(_ key: StaticString, _ value: String)
    mutating func id(_ key: StaticString, _ value: SampleID)
    mutating func int(_ key: StaticString, _ value: Int)
    mutating func bool(_ key: StaticString, _ value: Bool)
    /// A date given as days since 1970-01-01.
    mutating func date(_ key: StaticString, _ day: Int)
    mutating func null(_ key: StaticString)
}

extension RecordSink {
    mutating func date(_ key: StaticString, _ value: Recorded<Int>) {
        switch value {
        case .absent: break
        case .null: null(key)
        case .value(let day): date(key, day)
        }
    }

    mutating func bool(_ key: StaticString, _ value: Recorded<Bool>) {
        switch value {
        case .absent: break
        case .null: null(key)
        case .value(let flag): bool(key, flag)
        }
    }
}

/// A value that may be left out (not recorded) or recorded as `null` (not done / none).
enum Recorded<Wrapped> {
    case absent
    case null
    case value(Wrapped)
}

extension Recorded: Sendable where Wrapped: Sendable {}

/// A pseudonymous id such as `GEN-K01-2025-0042` or `GEN-K01-2025-0042-c1`: never shaped like a
/// CPR number (no run of more than four digits).
struct SampleID: Sendable {
    var shelterCode: Int
    var codeWidth: Int
    var year: Int
    var number: Int
    /// 0 for the stay itself, else the child's position (1, 2, ...).
    var child: Int = 0

    func write(into buffer: inout ByteBuffer) {
        buffer.append("GEN-K")
        buffer.append(shelterCode, width: codeWidth)
        buffer.append(UInt8(ascii: "-"))
        buffer.append(year, width: 4)
        buffer.append(UInt8(ascii: "-"))
        buffer.append(number, width: 4)
        if child > 0 {
            buffer.append("-c")
            buffer.append(child)
        }
    }
}

/// JSON with `", "` and `": "` separators, like hand-written JSON Lines; the caller ends the line.
struct JSONSink: RecordSink {
    var buffer: ByteBuffer
    private var first = true

    init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    mutating func beginRecord() {
        buffer.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func endRecord() {
        buffer.append(UInt8(ascii: "}"))
        first = false
    }

    private mutating func key(_ key: StaticString) {
        if !first { buffer.append(", ") }
        first = false
        buffer.append(UInt8(ascii: "\""))
        buffer.append(key)
        buffer.append("\": ")
    }

    mutating func beginObject(_ name: StaticString) {
        key(name)
        buffer.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func endObject() {
        buffer.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func beginList(_ name: StaticString) {
        key(name)
        buffer.append(UInt8(ascii: "["))
        first = true
    }

    mutating func endList() {
        buffer.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func beginItem() {
        if !first { buffer.append(", ") }
        buffer.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func endItem() { endObject() }

    mutating func emptyList(_ name: StaticString) {
        key(name)
        buffer.append("[]")
    }

    mutating func words(_ name: StaticString, _ values: [String]) {
        key(name)
        buffer.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(", ") }
            buffer.appendJSONString(value)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        buffer.appendJSONString(value)
    }

    mutating func id(_ name: StaticString, _ value: SampleID) {
        key(name)
        buffer.append(UInt8(ascii: "\""))
        value.write(into: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        buffer.append(value)
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        buffer.append(value ? "true" : "false")
    }

    mutating func date(_ name: StaticString, _ day: Int) {
        key(name)
        buffer.append(UInt8(ascii: "\""))
        buffer.appendDate(day)
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func null(_ name: StaticString) {
        key(name)
        buffer.append("null")
    }
}
