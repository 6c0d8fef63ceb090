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

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    /// Reads every file below the given paths.
    public func read(paths: [String]) -> InputBatch {
        let (files, problems) = InputFiles.expand(paths)
        var batch = InputBatch()
        batch.fileDiagnostics = problems.map(CPRRedaction.redact)
        for file in files {
            read(file: file, into: &batch)
        }
        return batch
    }

    public func read(file: String, into batch: inout InputBatch) {
        guard let format = InputFormat(path: file) else { return }
        guard let bytes = BoundedFile.read(file, limits: limits) else {
            batch.fileDiagnostics.append(CPRRedaction.redact(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "input.file",
                "expected a readable file, found '\(file)' unreadable", hint: "check the file's permissions")))
            return
        }
        batch.filesRead += 1
        // Locations carry the file name into every report, so it is redacted once, here.
        read(bytes: bytes, file: CPRRedaction.redact(file), format: format, into: &batch)
    }

    /// Reads text already in memory (tests, standard input).
    public func read(bytes: [UInt8], file: String, format: InputFormat, into batch: inout InputBatch) {
        // The same steps as the streaming audit: pending input, then records.
        let stream = InputStream(limits: limits)
        let items = format == .jsonLines ? stream.lines(bytes, file: file) : stream.documents(bytes, file: file, format: format)
        let reader = RecordReader(limits: limits)
        for item in items { batch.results += reader.records(from: item) }
    }
}
