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
        var badText = TextScan.firstProblem(in: bytes, from: 0)
        while start < bytes.count || (start == 0 && bytes.isEmpty) {
            if let problem = badText, problem.offset < start {
                badText = TextScan.firstProblem(in: bytes, from: start)
            }
            // Parse up to the document that holds the next bad byte, if any.
            let end = badText.map { lineStarts.lastDocumentMarker(in: bytes, atOrBefore: $0.offset, after: start) ?? start } ?? bytes.count
            if end > start || bytes.isEmpty {
                let firstLine = lineStarts.line(ofOffset: start)
                var chunk = YAMLChunkParser(
                    file: file, limits: limits, lineOffset: firstLine,
                    documentsSoFar: result.documents.count)
                let chunkStart = start
                let outcome = bytes.withUnsafeBufferPointer { buffer in
                    chunk.parse(UnsafeBufferPointer(rebasing: buffer[chunkStart..<end])) { offset in
                        lineStarts.location(ofOffset: chunkStart + offset, in: bytes, file: file)
                    }
                }
                result.documents += chunk.documents
                if let failure = outcome {
                    result.diagnostics.append(failure.diagnostic)
                    if failure.fatal { break }
                    // Resume at the first document marker on or after the failing line (libyaml
                    // often notices an unclosed bracket only at the next `---`).
                    guard let next = lineStarts.nextDocumentMarker(
                        in: bytes, fromLine: failure.diagnostic.location?.line ?? firstLine, after: start)
                    else { break }
                    start = next
                    continue
                }
            }
            guard let problem = badText else { break }
            // The document holding the bad byte is set aside as one rejected record.
            result.diagnostics.append(.error(
                at: lineStarts.location(ofOffset: problem.offset, in: bytes, file: file), code: "input.encoding",
                "expected UTF-8 text, found \(problem.description)",
                hint: "the file looks damaged or was saved in another encoding; save it as UTF-8 text"))
            let badLine = lineStarts.line(ofOffset: problem.offset)
            guard let next = lineStarts.nextDocumentMarker(in: bytes, fromLine: badLine + 1, after: problem.offset) else { break }
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
        // A byte-order mark is not a character of the first line.
        let from = lineStart == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, clamped) : lineStart
        // Count code points: every byte that is not a UTF-8 continuation byte starts one.
        let column = bytes[from..<clamped].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The start of the last `---` line at or before `offset` that lies after `after`.
    func lastDocumentMarker(in bytes: [UInt8], atOrBefore offset: Int, after: Int) -> Int? {
        var index = line(ofOffset: offset) - 1
        while index >= 0, starts[index] > after {
            if isMarker(bytes, at: starts[index]) { return starts[index] }
            index -= 1
        }
        return nil
    }

    private func isMarker(_ bytes: [UInt8], at offset: Int) -> Bool {
        bytes.count >= offset + 3
            && bytes[offset] == UInt8(ascii: "-") && bytes[offset + 1] == UInt8(ascii: "-") && bytes[offset + 2] == UInt8(ascii: "-")
            && (offset + 3 == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[offset + 3]))
    }

    /// The byte offset of the first line from `line` (1-based) on that starts a YAML document
    /// and lies after the byte offset `after`.
    func nextDocumentMarker(in bytes: [UInt8], fromLine line: Int, after: Int) -> Int? {
        var index = max(0, line - 1)
        while index < starts.count {
            let offset = starts[index]
            if offset > after, isMarker(bytes, at: offset) {
                return offset
            }
            index += 1
        }
        return nil
    }
}
