import Foundation
import RuleDSL

/// The raw material of records, read in file order and cheap to hand to another core: a line
/// of JSON Lines still to parse, a parsed YAML or JSON document, or a problem already found.
public enum PendingInput: Sendable {
    case line(ArraySlice<UInt8>, file: String, line: Int)
    case document(Node)
    case rejected(RecordResult)
}

/// Reads input files in order and hands them on in chunks, so that memory stays flat however
/// large a JSON Lines export is: such files are read in blocks, never whole.
public struct InputStream: Sendable {
    public var limits: DocumentLimits
    /// Records per chunk handed on.
    public var chunkSize: Int
    /// Bytes read from a JSON Lines file at a time.
    public var blockSize: Int

    public init(limits: DocumentLimits = .standard, chunkSize: Int = 2048, blockSize: Int = 2 << 20) {
        self.limits = limits
        self.chunkSize = chunkSize
        self.blockSize = blockSize
    }

    /// Calls `body` with consecutive chunks of every file below `paths` (sorted), and returns
    /// the problems that belong to no record (a path that does not exist).
    public func read(paths: [String], _ body: ([PendingInput]) async -> Void) async -> [Diagnostic] {
        let (files, problems) = InputFiles.expand(paths)
        var chunk: [PendingInput] = []
        chunk.reserveCapacity(chunkSize)
        // A line is added to the chunk without an `await`: only handing on a full chunk
        // suspends. An asynchronous call per line copied what `body` captures (the caller's
        // whole run, dozens of references) for every record.
        func flushIfFull() async {
            guard chunk.count >= chunkSize else { return }
            await body(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
        func emit(_ item: PendingInput) async {
            chunk.append(item)
            await flushIfFull()
        }
        for path in files {
            let file = CPRRedaction.redact(path)
            guard let format = InputFormat(path: path), let handle = FileHandle(forReadingAtPath: path) else {
                await emit(.rejected(RecordResult(record: nil, location: SourceLocation(file: file, line: 1, column: 1), diagnostics: [
                    .error(at: SourceLocation(file: file, line: 1, column: 1), code: "input.file",
                        "expected a readable file, found '\(file)' unreadable", hint: "check the file's permissions"),
                ])))
                continue
            }
            defer { try? handle.close() }
            if format == .jsonLines {
                var lines = lines(of: handle, file: file)
                while let item = lines.next() {
                    // Moved in: appending a copy counted a reference to the line's bytes and to
                    // the file name, and releasing the original counted them down again.
                    chunk.append(consume item)
                    guard chunk.count >= chunkSize else { continue }
                    await flushIfFull()
                    // Each chunk's lines name their file with a copy of its own: the chunks are
                    // judged on different cores, and every record copies the name into its
                    // locations, which would make the cores take turns at one shared string.
                    lines.detachFileName()
                }
            } else {
                // One byte past the limit is enough to know the file is too large: a huge file, or
                // one without end such as a device or a pipe, is never read whole.
                let bytes = [UInt8]((try? handle.read(upToCount: limits.maxFileBytes + 1)) ?? Data())
                for item in documents(bytes, file: file, format: format) { await emit(item) }
            }
        }
        if !chunk.isEmpty { await body(chunk) }
        return problems.map(CPRRedaction.redact)
    }

    /// Every non-blank line of a JSON Lines file, read block by block as the caller asks.
    private func lines(of handle: FileHandle, file: String) -> JSONLinesIterator {
        JSONLinesIterator(handle: handle, file: file, blockSize: blockSize, maxLine: limits.maxLineBytes)
    }

    /// Pulls lines out of a file one block at a time: at most one block and one line are held.
    struct JSONLinesIterator: IteratorProtocol, Sequence {
        let handle: FileHandle
        private(set) var file: String
        let blockSize: Int
        let maxLine: Int
        private var buffer: [UInt8] = []
        private var position = 0
        /// Where the search for the next line break goes on (everything before it was searched).
        private var scanned = 0
        private var lineNumber = 0
        private var atEnd = false
        private var first = true

        init(handle: FileHandle, file: String, blockSize: Int, maxLine: Int) {
            self.handle = handle
            self.file = file
            self.blockSize = blockSize
            self.maxLine = maxLine
        }

        mutating func next() -> PendingInput? {
            while true {
                if let newline = InputStream.newline(in: buffer, from: Swift.max(position, scanned)) {
                    lineNumber += 1
                    let line = buffer[position..<newline]
                    position = newline + 1
                    scanned = position
                    if let item = InputStream.line(line, file: file, line: lineNumber, limit: maxLine) { return item }
                    continue
                }
                if atEnd {
                    guard position < buffer.count else { return nil }
                    lineNumber += 1
                    let line = buffer[position...]
                    position = buffer.count
                    if let item = InputStream.line(line, file: file, line: lineNumber, limit: maxLine) { return item }
                    return nil
                }
                // A line longer than the limit is reported and skipped without holding it whole.
                if buffer.count - position > maxLine {
                    lineNumber += 1
                    let length = buffer.count - position
                    skipRestOfLine()
                    return InputStream.longLine(file: file, line: lineNumber, length: length, limit: maxLine)
                }
                scanned = buffer.count
                refill()
            }
        }

        /// Keeps the unread tail and appends the next block (amortised: a long line grows the
        /// buffer in place instead of being copied on every block).
        /// Names the file with a new copy of its name in the lines read from now on.
        mutating func detachFileName() { file = file.detached }

        private mutating func refill() {
            // The lines handed on still share the old buffer, so a new one is made: the unread
            // tail, then the next block read straight into it (no intermediate `Data`).
            let tail = buffer[position...]
            let descriptor = handle.fileDescriptor
            let wanted = blockSize
            var readCount = 0
            // Every block the same size (rounded up to 64 KiB past the unread tail, nearly always
            // under a line long): a block freed on any core is then exactly the size of the next
            // one asked for, so the allocator reuses it instead of leaving it aside as a piece too
            // small, which grew memory by tens of megabytes over a large export.
            let room = (tail.count + wanted + 0xFFFF) & ~0xFFFF
            buffer = [UInt8](unsafeUninitializedCapacity: room) { storage, initialized in
                guard let base = storage.baseAddress else { return }
                tail.withUnsafeBufferPointer { old in
                    if let from = old.baseAddress { (base).update(from: from, count: old.count) }
                }
                initialized = tail.count
                readCount = InputStream.readFully(descriptor, into: base + tail.count, count: wanted)
                initialized += readCount
            }
            scanned -= position
            position = 0
            if first {
                first = false
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            }
            if readCount == 0 { atEnd = true }
        }

        private mutating func skipRestOfLine() {
            buffer = []
            position = 0
            scanned = 0
            while !atEnd {
                let block = (try? handle.read(upToCount: blockSize)) ?? Data()
                if block.isEmpty {
                    atEnd = true
                    return
                }
                if let newline = block.firstIndex(of: UInt8(ascii: "\n")) {
                    buffer = Array(block[(newline + 1)...])
                    return
                }
            }
        }
    }

    /// Reads up to `count` bytes, retrying after interrupted or short reads; 0 at the end of the
    /// file or on an error (which ends the file as the block reads did before).
    static func readFully(_ descriptor: Int32, into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var total = 0
        while total < count {
            #if canImport(Glibc)
            let got = Glibc.read(descriptor, destination + total, count - total)
            #else
            let got = Darwin.read(descriptor, destination + total, count - total)
            #endif
            if got > 0 {
                total += got
            } else if got < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return total
    }

    /// The index of the next line break at or after `start`. `memchr` scans many bytes a step:
    /// this runs on the one thread that feeds every core, over every byte of the input.
    static func newline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        }
    }

    private static func line(_ slice: ArraySlice<UInt8>, file: String, line: Int, limit: Int) -> PendingInput? {
        var text = slice
        if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
        guard text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        guard text.count <= limit else { return longLine(file: file, line: line, length: text.count, limit: limit) }
        return .line(text, file: file, line: line)
    }

    private static func longLine(file: String, line: Int, length: Int, limit: Int) -> PendingInput {
        let location = SourceLocation(file: file, line: line, column: 1)
        return .rejected(RecordResult(record: nil, location: location, diagnostics: [
            .error(at: location, code: "input.limit.line-length",
                "the line is more than \(limit) bytes long (at least \(length))",
                hint: "one case per line; check that line breaks were not lost"),
        ]))
    }

    /// The lines of JSON Lines text already in memory.
    func lines(_ bytes: [UInt8], file: String) -> [PendingInput] {
        var items: [PendingInput] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            let end = InputStream.newline(in: bytes, from: start) ?? bytes.count
            if let item = InputStream.line(bytes[start..<end], file: file, line: lineNumber, limit: limits.maxLineBytes) {
                items.append(item)
            }
            start = end + 1
        }
        return items
    }

    /// The documents of a YAML or JSON file, and its syntax errors as rejected records, in order.
    func documents(_ bytes: [UInt8], file: String, format: InputFormat) -> [PendingInput] {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= limits.maxFileBytes else {
            return [.rejected(RecordResult(record: nil, location: start, diagnostics: [
                .error(at: start, code: "input.limit.file-size",
                    "the file is larger than the limit of \(limits.maxFileBytes) bytes",
                    hint: "split it, or use JSON Lines for large exports: it is read line by line"),
            ]))]
        }
        if format == .json {
            switch JSONReader(limits: limits).read(bytes[...], file: file) {
            case .success(let node): return (node.sequenceItems ?? [node]).map(PendingInput.document)
            case .failure(let diagnostic):
                return [.rejected(RecordResult(record: nil, location: diagnostic.location ?? start, diagnostics: [CPRRedaction.redact(diagnostic)]))]
            }
        }
        let loaded = YAMLLoader(limits: limits).load(bytes, file: file)
        var items: [(SourceLocation, PendingInput)] = loaded.documents.map { ($0.location, .document($0)) }
        for diagnostic in loaded.diagnostics {
            let location = diagnostic.location ?? start
            items.append((location, .rejected(RecordResult(record: nil, location: location, diagnostics: [CPRRedaction.redact(diagnostic)]))))
        }
        return items.sorted { $0.0 < $1.0 }.map(\.1)
    }

}
