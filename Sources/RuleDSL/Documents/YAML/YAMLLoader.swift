import CYAML

/// Documents read from one file, and every problem met on the way.
public struct LoadedDocuments: Sendable {
    public var documents: [Node]
    public var diagnostics: [Diagnostic]

    public init(documents: [Node] = [], diagnostics: [Diagnostic] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Reads YAML streams through the system libyaml's event API into `Node` trees.
///
/// A syntax error ends only the document it is in: reading resumes at the next `---` line, so one
/// broken case in a multi-document file does not hide the others.
public struct YAMLLoader: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    public func load(_ text: String, file: String) -> LoadedDocuments {
        load(Array(text.utf8), file: file)
    }

    public func load(_ bytes: [UInt8], file: String) -> LoadedDocuments {
        var result = LoadedDocuments()
        guard bytes.count <= limits.maxFileBytes else {
            result.diagnostics.append(.error(
                at: SourceLocation(file: file, line: 1, column: 1), code: "input.limit.file-size",
                "the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                hint: "split it into smaller files, or use JSON Lines, which is read line by line"))
            return result
        }
        let lineStarts = LineIndex(bytes)
        var start = 0
        while start < bytes.count || (start == 0 && bytes.isEmpty) {
            let firstLine = lineStarts.line(ofOffset: start)
            var chunk = YAMLChunkParser(
                file: file, limits: limits, lineOffset: firstLine,
                documentsSoFar: result.documents.count)
            let chunkStart = start
            let outcome = bytes.withUnsafeBufferPointer { buffer in
                chunk.parse(UnsafeBufferPointer(rebasing: buffer[chunkStart...])) { offset in
                    lineStarts.location(ofOffset: chunkStart + offset, in: bytes, file: file)
                }
            }
            result.documents += chunk.documents
            guard let failure = outcome else { break }
            result.diagnostics.append(failure.diagnostic)
            if failure.fatal { break }
            // Resume at the first document marker on or after the failing line (libyaml often
            // notices an unclosed bracket only at the next `---`).
            guard let next = lineStarts.nextDocumentMarker(in: bytes, fromLine: failure.diagnostic.location?.line ?? firstLine, after: start)
            else { break }
            start = next
        }
        return result
    }
}

/// Line starts of a byte buffer, to turn offsets into line numbers and find `---` lines.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
    }

    /// 1-based line of a byte offset.
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// 1-based line and column (in code points) of a byte offset.
    func location(ofOffset offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let line = self.line(ofOffset: offset)
        let lineStart = starts[line - 1]
        let clamped = min(offset, bytes.count)
        // Count code points: every byte that is not a UTF-8 continuation byte starts one.
        let column = bytes[lineStart..<clamped].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The byte offset of the first line from `line` (1-based) on that starts a YAML document
    /// and lies after the byte offset `after`.
    func nextDocumentMarker(in bytes: [UInt8], fromLine line: Int, after: Int) -> Int? {
        var index = max(0, line - 1)
        while index < starts.count {
            let offset = starts[index]
            if offset > after, bytes.count >= offset + 3,
               bytes[offset] == UInt8(ascii: "-"), bytes[offset + 1] == UInt8(ascii: "-"),
               bytes[offset + 2] == UInt8(ascii: "-"),
               offset + 3 == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[offset + 3]) {
                return offset
            }
            index += 1
        }
        return nil
    }
}
