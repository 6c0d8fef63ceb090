/// Block-style YAML: one key per line, nested objects indented by two spaces, list items with
/// `- ` before their first key. Every value written is a plain scalar that YAML 1.2 reads back as
/// the intended type (dates unquoted, words and ids as text).
struct YAMLSink: RecordSink {
    var buffer: ByteBuffer
    /// The column keys start at.
    var indent: Int
    private var pendingDash = false

    init(buffer: ByteBuffer, indent: Int = 0) {
        self.buffer = buffer
        self.indent = indent
    }

    private mutating func key(_ key: StaticString) {
        if pendingDash {
            buffer.spaces(indent - 2)
            buffer.append("- ")
            pendingDash = false
        } else {
            buffer.spaces(indent)
        }
        buffer.append(key)
        buffer.append(UInt8(ascii: ":"))
    }

    private mutating func line(_ name: StaticString, _ value: StaticString) {
        key(name)
        buffer.append(UInt8(ascii: " "))
        buffer.append(value)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func beginObject(_ name: StaticString) {
        key(name)
        buffer.append(UInt8(ascii: "\n"))
        indent += 2
    }

    mutating func endObject() { indent -= 2 }

    mutating func beginList(_ name: StaticString) {
        key(name)
        buffer.append(UInt8(ascii: "\n"))
        indent += 2
    }

    mutating func endList() { indent -= 2 }

    mutating func beginItem() {
        indent += 2
        pendingDash = true
    }

    mutating func endItem() { indent -= 2 }

    mutating func emptyList(_ name: StaticString) { line(name, "[]") }

    mutating func words(_ name: StaticString, _ values: [String]) {
        key(name)
        buffer.append(" [")
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(", ") }
            buffer.append(value)
        }
        buffer.append("]\n")
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        buffer.append(UInt8(ascii: " "))
        buffer.append(value)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func id(_ name: StaticString, _ value: SampleID) {
        key(name)
        buffer.append(UInt8(ascii: " "))
        value.write(into: &buffer)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        buffer.append(UInt8(ascii: " "))
        buffer.append(value)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func bool(_ name: StaticString, _ value: Bool) { line(name, value ? "true" : "false") }

    mutating func date(_ name: StaticString, _ day: Int) {
        key(name)
        buffer.append(UInt8(ascii: " "))
        buffer.appendDate(day)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func null(_ name: StaticString) { line(name, "null") }
}
