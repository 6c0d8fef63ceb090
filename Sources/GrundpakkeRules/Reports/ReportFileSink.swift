import Foundation

/// A report that could not be written.
public struct ReportWriteError: Error, Sendable, CustomStringConvertible {
    /// The file, or nil for standard output.
    public var path: String?
    public var reason: String

    public var description: String {
        "could not write the report to \(path.map { "'\($0)'" } ?? "standard output"): \(reason)"
    }

    init(path: String?, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
    }
}

/// Writes a report to a file or to standard output through a 64 KiB buffer.
///
/// A regular file is written under a temporary name in its directory and renamed over the
/// destination by `commit()`, so a run that fails half-way never leaves half a report where the
/// previous one was (the file gets the destination's permissions, or the usual ones for a new
/// file); without `commit()` the temporary file is removed. Devices and pipes (`/dev/null`, a
/// FIFO) are written directly.
public final class ReportFileSink: ReportSink {
    private let path: String?
    private let descriptor: Int32
    /// The temporary name while a regular file is written; nil once renamed (or when writing
    /// directly).
    private var temporaryPath: String?
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    /// `path` nil is standard output.
    public init(path: String?) throws(ReportWriteError) {
        self.path = path
        guard let path else {
            // Anything printed through the C buffer goes first.
            fflush(nil)
            descriptor = STDOUT_FILENO
            return
        }
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists, (existing.st_mode & S_IFMT) != S_IFREG {
            let opened = open(path, O_WRONLY | O_TRUNC)
            guard opened >= 0 else { throw ReportWriteError(path: path, errno: errno) }
            descriptor = opened
            return
        }
        let (opened, temporary) = try ReportFileSink.createTemporary(beside: path)
        if exists { fchmod(opened, existing.st_mode & 0o7777) }
        descriptor = opened
        temporaryPath = temporary
        buffer.reserveCapacity(ReportFileSink.bufferSize)
    }

    deinit {
        if let temporaryPath {
            unlink(temporaryPath)
        }
        if descriptor != STDOUT_FILENO { close(descriptor) }
    }

    /// A new file in the destination's directory, mode 0666 less the umask like any new file.
    private static func createTemporary(beside path: String) throws(ReportWriteError) -> (Int32, String) {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let candidate = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(suffix).tmp"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            if opened >= 0 { return (opened, candidate) }
            lastError = errno
            guard lastError == EEXIST else { break }
        }
        throw ReportWriteError(path: path, errno: lastError)
    }

    public func write(_ text: String) throws(ReportWriteError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= ReportFileSink.bufferSize { try flush() }
    }

    public func write(utf8 bytes: [UInt8]) throws(ReportWriteError) {
        // A block at least as large as the buffer (a stretch of rendered results, about a
        // megabyte) goes to the file as it is, after what is buffered: copying it through
        // the buffer first grew the buffer to its size and copied every byte of the report.
        guard bytes.count < ReportFileSink.bufferSize else {
            try flush()
            return try writeAll(bytes)
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= ReportFileSink.bufferSize { try flush() }
    }

    /// Copies with `sendfile`, from page cache to page cache: a report's results set aside in a
    /// temporary file (hundreds of megabytes in a national run) are not read into the process
    /// and written out again. False, with nothing written, where the system cannot do that
    /// (then the caller reads and writes).
    public func copy(from source: Int32, offset: Int, count: Int) throws(ReportWriteError) -> Bool {
        try flush()
        var position = off_t(offset)
        let end = off_t(offset + count)
        while position < end {
            let copied = sendfile(descriptor, source, &position, Int(end - position))
            if copied < 0, errno == EINTR { continue }
            if copied < 0, position == off_t(offset), errno == EINVAL || errno == ENOSYS { return false }
            guard copied > 0 else { throw ReportWriteError(path: path, errno: copied < 0 ? errno : EIO) }
        }
        return true
    }

    private func flush() throws(ReportWriteError) {
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    private func writeAll(_ bytes: [UInt8]) throws(ReportWriteError) {
        let failure: Int32? = bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                guard let base = bytes.baseAddress else { return EINVAL }
                let count = Foundation.write(descriptor, base + done, bytes.count - done)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count < 0 ? errno : EIO }
                done += count
            }
            return nil
        }
        if let failure { throw ReportWriteError(path: path, errno: failure) }
    }

    /// Writes what is buffered and puts the file in place.
    ///
    /// A previous report is first moved aside under a hidden name and removed once the new one
    /// is in place, rather than renamed over: renaming over an existing file makes ext4
    /// (`auto_da_alloc`) allocate the new file's blocks inside the call, which took 0.3 s for
    /// a national run's report of 360 MB and 0.5 s for one of 510 MB. The destination names no file only between the
    /// two renames; should the second fail, the previous report is put back.
    public func commit() throws(ReportWriteError) {
        try flush()
        guard let temporaryPath, let path else { return }
        let aside = ReportFileSink.moveAside(path, using: temporaryPath)
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            if let aside { rename(aside, path) }
            throw ReportWriteError(path: path, errno: code)
        }
        if let aside { unlink(aside) }
        self.temporaryPath = nil
    }

    /// Moves the file at `path`, if any, to a hidden name made from the temporary one (unique
    /// in the directory, as it was created exclusively); nil when there was nothing to move or
    /// it could not be moved (the rename then replaces it as usual).
    private static func moveAside(_ path: String, using temporaryPath: String) -> String? {
        let aside = String(temporaryPath.dropLast(".tmp".count)) + ".old"
        return rename(path, aside) == 0 ? aside : nil
    }
}
