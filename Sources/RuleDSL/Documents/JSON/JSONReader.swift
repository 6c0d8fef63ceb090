/// Reads JSON text (RFC 8259, strict) into the same located `Node` tree as YAML.
///
/// Strings become double-quoted scalars and numbers, `true`, `false` and `null` plain ones, so the
/// typing rules after parsing are the same for both formats.
public struct JSONReader: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    /// Parses one JSON value filling the whole text. `firstLine` numbers the text's first line
    /// (JSON Lines passes the line's number in its file).
    public func read(_ bytes: ArraySlice<UInt8>, file: String, firstLine: Int = 1) -> Result<Node, Diagnostic> {
        var parser = JSONParser(bytes: bytes, file: file, line: firstLine, limits: limits)
        do {
            parser.skipWhitespace()
            let node = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.atEnd else {
                throw parser.error("expected the end of the JSON value, found more text", hint: "one JSON value per file (or per line in JSON Lines)")
            }
            return .success(node)
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(parser.error("unreadable JSON"))
        }
    }

    public func read(_ text: String, file: String) -> Result<Node, Diagnostic> {
        read(Array(text.utf8)[...], file: file)
    }
}

/// A hand-written recursive-descent parser; recursion depth is bounded by `limits.maxDepth`.
struct JSONParser {
    let bytes: ArraySlice<UInt8>
    let file: String
    let limits: DocumentLimits
    var index: Int
    var line: Int
    var lineStart: Int
    var nodeCount = 0

    init(bytes: ArraySlice<UInt8>, file: String, line: Int, limits: DocumentLimits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        index = bytes.startIndex
        self.line = line
        lineStart = bytes.startIndex
        // A byte-order mark is allowed at the very start.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index += 3
            lineStart = index
        }
    }

    var atEnd: Bool { index >= bytes.endIndex }

    /// The column is counted incrementally from the last place asked about (locations are
    /// asked for in reading order), so a long line costs linear time, not quadratic.
    private var columnCache: (index: Int, column: Int) = (0, 1)

    var here: SourceLocation {
        mutating get {
            let end = min(index, bytes.endIndex)
            var (from, column) = columnCache.index >= lineStart && columnCache.index <= end ? columnCache : (lineStart, 1)
            while from < end {
                if bytes[from] & 0xC0 != 0x80 { column += 1 }
                from += 1
            }
            columnCache = (end, column)
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    mutating func error(_ message: String, hint: String? = nil, code: String = "json.syntax") -> Diagnostic {
        .error(at: here, code: code, message, hint: hint)
    }

    mutating func skipWhitespace() {
        while index < bytes.endIndex {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private func found() -> String {
        guard index < bytes.endIndex else { return "the end of the text" }
        let byte = bytes[index]
        if byte == 0 { return "a NUL byte" }
        if byte < 0x20 { return "a control character" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "'\(Character(Unicode.Scalar(byte)))'"
    }

    mutating func value(depth: Int) throws -> Node {
        guard index < bytes.endIndex else {
            throw error("expected a JSON value, found the end of the text", hint: "the record looks cut off")
        }
        nodeCount += 1
        guard nodeCount <= limits.maxNodesPerDocument else {
            throw error("the document holds more than \(limits.maxNodesPerDocument) values", code: "input.limit.nodes")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""):
            let start = here
            return Node(.scalar(Scalar(try string(), style: .doubleQuoted)), at: start)
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            let capitalised = ["True", "False", "Null", "TRUE", "FALSE", "NULL"].contains { bytes[index...].starts(with: $0.utf8) }
            throw error("expected a JSON value, found \(found())",
                hint: bytes[index] == UInt8(ascii: "'") ? "JSON strings use double quotes"
                    : capitalised ? "JSON spells its literals true, false and null in lower case" : nil)
        }
    }

    private mutating func checkDepth(_ depth: Int) throws {
        guard depth <= limits.maxDepth else {
            throw error("lists and objects nested more than \(limits.maxDepth) levels deep",
                hint: "this limit protects the checker; flatten the data", code: "input.limit.depth")
        }
    }

    private mutating func object(depth: Int) throws -> Node {
        try checkDepth(depth)
        let start = here
        index += 1
        var entries: [Node.MappingEntry] = []
        var firstLines: [String: Int] = [:]
        skipWhitespace()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return Node(.mapping([]), at: start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a quoted key, found \(found())",
                    hint: atEnd ? "the record looks cut off" : "JSON keys are written in double quotes")
            }
            let keyLocation = here
            let key = try string()
            if let firstLine = firstLines[key] {
                throw Diagnostic.error(at: keyLocation, code: "json.duplicate-key",
                    "expected each key once in an object, found '\(key)' a second time",
                    hint: "it was first given at line \(firstLine); keep one of them")
            }
            firstLines[key] = keyLocation.line
            skipWhitespace()
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key '\(key)', found \(found())")
            }
            index += 1
            skipWhitespace()
            let value = try value(depth: depth)
            entries.append(Node.MappingEntry(key: Node(.scalar(Scalar(key, style: .doubleQuoted)), at: keyLocation), value: value))
            skipWhitespace()
            guard index < bytes.endIndex else {
                throw error("expected ',' or '}', found the end of the text", hint: "the record looks cut off")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return Node(.mapping(entries), at: start)
            }
            throw error("expected ',' or '}', found \(found())")
        }
    }

    private mutating func array(depth: Int) throws -> Node {
        try checkDepth(depth)
        let start = here
        index += 1
        var items: [Node] = []
        skipWhitespace()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return Node(.sequence([]), at: start)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.endIndex else {
                throw error("expected ',' or ']', found the end of the text", hint: "the record looks cut off")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return Node(.sequence(items), at: start)
            }
            throw error("expected ',' or ']', found \(found())")
        }
    }

    private mutating func literal(_ word: String) throws -> Node {
        let start = here
        let wordBytes = Array(word.utf8)
        guard bytes[index...].starts(with: wordBytes) else {
            throw error("expected a JSON value, found \(found())", hint: "JSON spells its literals true, false and null in lower case")
        }
        index += wordBytes.count
        return Node(.scalar(Scalar(word)), at: start)
    }

    private mutating func number() throws -> Node {
        let start = here
        let begin = index
        func digits() -> Int {
            let from = index
            while index < bytes.endIndex, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard digits() > 0 else { throw error("expected a digit, found \(found())") }
        if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            throw Diagnostic.error(at: start, code: "json.syntax", "expected a number without leading zeros, found '\(String(decoding: bytes[begin..<index], as: UTF8.self))'",
                hint: "quote it if it is an identifier")
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after '.', found \(found())") }
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found())") }
        }
        guard index - begin <= limits.maxScalarBytes else {
            throw Diagnostic.error(at: start, code: "input.limit.scalar-size",
                "a number of \(index - begin) characters, more than the limit of \(limits.maxScalarBytes)",
                hint: "this limit protects the checker; check the value")
        }
        return Node(.scalar(Scalar(String(decoding: bytes[begin..<index], as: UTF8.self))), at: start)
    }

    /// A string literal: escapes decoded, UTF-8 validated, control characters rejected.
    private mutating func string() throws -> String {
        index += 1
        // Most strings have no escapes: take them straight from the input in one piece.
        var end = index
        while end < bytes.endIndex, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: "\""), end - index <= limits.maxScalarBytes,
           let text = String(validating: bytes[index..<end], as: UTF8.self) {
            index = end + 1
            return text
        }
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.endIndex else {
                throw error("expected a closing '\"', found the end of the text", hint: "the record looks cut off")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard utf8.count <= limits.maxScalarBytes else {
                    throw error("a value of \(utf8.count) bytes, more than the limit of \(limits.maxScalarBytes)", code: "input.limit.scalar-size")
                }
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw error("expected UTF-8 text in a string, found invalid bytes", hint: "save the file as UTF-8", code: "input.encoding")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &utf8)
            case 0:
                throw error("expected text, found a NUL byte", hint: "the file looks binary or damaged", code: "input.encoding")
            case 0x01..<0x20:
                throw error("expected text, found a raw control character inside a string", hint: "write it as an escape such as \\n or \\t")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard index < bytes.endIndex else { throw error("expected an escape, found the end of the text") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): utf8.append(byte)
        case UInt8(ascii: "\\"): utf8.append(byte)
        case UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard bytes[index...].starts(with: "\\u".utf8) else {
                    throw error("expected the second half of a surrogate pair, found \(found())")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("expected a low surrogate, found \\u\(String(low, radix: 16))") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw error("expected a Unicode character, found a lone surrogate \\u\(String(scalar, radix: 16))")
            }
            if unicode == "\0" {
                throw error("expected text, found an escaped NUL character", code: "input.encoding")
            }
            utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u, found '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.endIndex else { throw error("expected four hex digits, found the end of the text") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: throw error("expected a hex digit, found \(found())")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
