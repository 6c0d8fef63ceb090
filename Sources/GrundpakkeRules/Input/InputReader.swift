import Foundation
import RuleDSL

/// What reading all inputs gave, in file order: every record, accepted or rejected, plus the
/// problems that belong to no record (an unreadable file, a syntax error between documents).
public struct InputBatch: Sendable {
    public var results: [RecordResult] = []
    /// Problems not tied to one record, such as a missing file.
    public var fileDiagnostics: [Diagnostic] = []
    public var filesRead = 0

    public init() {}

    public var records: [InputRecord] { results.compactMap(\.record) }
    /// Every record read: accepted plus rejected. Broken documents count as one record each.
    public var recordsRead: Int { results.count }
    public var recordsRejected: Int { results.count { $0.isRejected } }
    public var errors: [Diagnostic] { (fileDiagnostics + results.flatMap(\.diagnostics)).filter(\.isError) }
    public var warnings: [Diagnostic] { (fileDiagnostics + results.flatMap(\.diagnostics)).filter { !$0.isError } }
}

/// Reads input files of every format into records, one file at a time.
public struct InputReader: Sendable {
    public var limits: DocumentLimits
    private let builder = RecordBuilder()

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    /// Reads every file below the given paths.
    public func read(paths: [String]) -> InputBatch {
        let (files, problems) = InputFiles.expand(paths)
        var batch = InputBatch()
        batch.fileDiagnostics = problems.map(redacted)
        for file in files {
            read(file: file, into: &batch)
        }
        return batch
    }

    public func read(file: String, into batch: inout InputBatch) {
        guard let format = InputFormat(path: file) else { return }
        guard let data = FileManager.default.contents(atPath: file) else {
            batch.fileDiagnostics.append(redacted(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "input.file",
                "expected a readable file, found '\(file)' unreadable", hint: "check the file's permissions")))
            return
        }
        batch.filesRead += 1
        // Locations carry the file name into every report, so it is redacted once, here.
        read(bytes: [UInt8](data), file: CPRRedaction.redact(file), format: format, into: &batch)
    }

    /// Reads text already in memory (tests, standard input).
    public func read(bytes: [UInt8], file: String, format: InputFormat, into batch: inout InputBatch) {
        switch format {
        case .yaml:
            let loaded = YAMLLoader(limits: limits).load(bytes, file: file)
            var results = loaded.documents.flatMap(builder.records(fromDocument:))
            // A syntax error loses the document it is in: it counts as one rejected record.
            for diagnostic in loaded.diagnostics {
                results.append(RecordResult(
                    record: nil,
                    location: diagnostic.location ?? SourceLocation(file: file, line: 1, column: 1),
                    diagnostics: [redacted(diagnostic)]))
            }
            batch.results += results.sorted { $0.location < $1.location }
        case .json:
            guard bytes.count <= limits.maxFileBytes else {
                batch.results.append(RecordResult(record: nil, location: SourceLocation(file: file, line: 1, column: 1), diagnostics: [
                    .error(at: SourceLocation(file: file, line: 1, column: 1), code: "input.limit.file-size",
                        "the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                        hint: "use JSON Lines for large exports: it is read line by line"),
                ]))
                return
            }
            switch JSONReader(limits: limits).read(bytes[...], file: file) {
            case .success(let node):
                // A JSON file holds one document, or an array of documents.
                for document in node.sequenceItems ?? [node] {
                    batch.results += builder.records(fromDocument: document)
                }
            case .failure(let diagnostic):
                batch.results.append(RecordResult(record: nil, location: diagnostic.location ?? SourceLocation(file: file, line: 1, column: 1),
                    diagnostics: [redacted(diagnostic)]))
            }
        case .jsonLines:
            readLines(bytes, file: file, into: &batch)
        }
    }

    /// JSON Lines: each non-blank line is one record, and a broken line is an error for that
    /// line only.
    private func readLines(_ bytes: [UInt8], file: String, into batch: inout InputBatch) {
        let reader = JSONReader(limits: limits)
        var lineNumber = 0
        var start = bytes.startIndex
        // A byte-order mark before the first line is allowed.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < bytes.endIndex {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            var line = bytes[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            start = end + 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { continue }
            let location = SourceLocation(file: file, line: lineNumber, column: 1)
            guard line.count <= limits.maxLineBytes else {
                batch.results.append(RecordResult(record: nil, location: location, diagnostics: [
                    .error(at: location, code: "input.limit.line-length",
                        "the line is \(line.count) bytes, more than the limit of \(limits.maxLineBytes)",
                        hint: "one case per line; check that line breaks were not lost"),
                ]))
                continue
            }
            switch reader.read(line, file: file, firstLine: lineNumber) {
            case .success(let node):
                batch.results += builder.records(fromLine: node)
            case .failure(let diagnostic):
                batch.results.append(RecordResult(record: nil, location: location, diagnostics: [redacted(diagnostic)]))
            }
        }
    }

    private func redacted(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.message = CPRRedaction.redact(copy.message)
        copy.hint = copy.hint.map(CPRRedaction.redact)
        if let file = copy.location?.file { copy.location?.file = CPRRedaction.redact(file) }
        return copy
    }
}
