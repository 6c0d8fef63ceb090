import Foundation
import Synchronization

/// An append-only log of encoded results (or of results already written as JSON, see
/// `WrittenResults`) in an anonymous temporary file.
///
/// The file is made with `mkstemp` (mode 0600, in the system temporary directory) and unlinked
/// at once: it has no name from then on, nobody else can open it, and the system frees it when
/// the descriptor closes — when the last store using it goes, or when the process ends in any
/// way, a crash or a kill included. Nothing is left behind to clean up.
///
/// Bytes collect in memory and go to the file 64 KiB at a time. If the file cannot be made or
/// written (a full disk, say), the log keeps its bytes in memory from then on: the run then needs
/// more memory, but no result is lost or reordered.
final class SpillFile: Sendable {
    private struct State {
        var descriptor: Int32
        /// Whether bytes still go to the file (false once making or writing it failed).
        var usable: Bool
        /// Bytes in the file, which come first; `pending` follows them.
        var written = 0
        var pending: [UInt8] = []
        var tables = InternTables()
        /// The first failure to read the log back, for `ResultStore.checkReadBack`.
        var readFailure: ResultStoreError?
    }

    private static let flushSize = 1 << 16
    private let state: Mutex<State>

    init() {
        let descriptor = SpillFile.makeAnonymousFile()
        state = Mutex(State(descriptor: descriptor, usable: descriptor >= 0))
    }

    deinit {
        state.withLock { state in
            if state.descriptor >= 0 { close(state.descriptor) }
        }
    }

    /// A file in the temporary directory, unlinked at once; -1 when none could be made.
    private static func makeAnonymousFile() -> Int32 {
        var directory = FileManager.default.temporaryDirectory.path
        if directory.isEmpty { directory = "/tmp" }
        var template = Array((directory + "/grundpakke-check-results.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { unlink(base) }
            return descriptor
        }
        return descriptor
    }

    /// The length of the log in bytes.
    var length: Int { state.withLock { $0.written + $0.pending.count } }

    /// Whether the log's bytes live in the file (false after a failure to make or write it).
    var isOnDisk: Bool { state.withLock { $0.usable } }

    /// The interning tables records refer to (a copy; tables only grow, so it reads every
    /// record written so far).
    var tables: InternTables { state.withLock { $0.tables } }

    /// Encodes and appends one result; the log's new length.
    func append(_ item: AuditResult) -> Int {
        state.withLock { state in
            var output = ByteWriter()
            swap(&output.bytes, &state.pending)
            ResultCoding.encode(item, into: &output, tables: &state.tables)
            swap(&output.bytes, &state.pending)
            SpillFile.flushIfFull(&state)
            return state.written + state.pending.count
        }
    }

    /// Appends bytes as they are (bytes encoded against `tables` when a fork copies another
    /// log, or text that needs no encoding); the log's new length.
    @discardableResult
    func append(raw bytes: UnsafeBufferPointer<UInt8>) -> Int {
        state.withLock { state in
            // A long stretch (a chunk's results written as JSON, some hundreds of kilobytes)
            // goes to the file from where it is, after what is pending, instead of being
            // copied into `pending` first.
            if state.usable, state.pending.count + bytes.count >= 2 * SpillFile.flushSize {
                let pendingDone = state.pending.isEmpty || state.pending.withUnsafeBytes { SpillFile.writeAll($0, to: state.descriptor, at: state.written) }
                if pendingDone {
                    state.written += state.pending.count
                    state.pending.removeAll(keepingCapacity: true)
                    if SpillFile.writeAll(UnsafeRawBufferPointer(bytes), to: state.descriptor, at: state.written) {
                        state.written += bytes.count
                        return state.written
                    }
                }
                // Keep what did not reach the file in memory, and everything after it too.
                state.usable = false
            }
            state.pending += bytes
            SpillFile.flushIfFull(&state)
            return state.written + state.pending.count
        }
    }

    private static func flushIfFull(_ state: inout State) {
        guard state.usable, state.pending.count >= flushSize else { return }
        let done = state.pending.withUnsafeBytes { bytes in
            writeAll(bytes, to: state.descriptor, at: state.written)
        }
        if done {
            state.written += state.pending.count
            state.pending.removeAll(keepingCapacity: true)
        } else {
            // Keep what did not reach the file in memory, and everything after it too.
            state.usable = false
        }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, at offset: Int) -> Bool {
        var done = 0
        while done < bytes.count {
            guard let base = bytes.baseAddress else { return false }
            let count = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// `body` with the file's descriptor once the log's first `length` bytes are all in the
    /// file (what is pending is written first); nil, without calling `body`, when the log is
    /// not on disk (a failure to make or write the file keeps it in memory).
    func withFile<Result>(holding length: Int, _ body: (Int32) throws -> Result) rethrows -> Result? {
        try state.withLock { state in
            if state.usable, state.written < length, !state.pending.isEmpty {
                let done = state.pending.withUnsafeBytes { SpillFile.writeAll($0, to: state.descriptor, at: state.written) }
                if done {
                    state.written += state.pending.count
                    state.pending.removeAll(keepingCapacity: true)
                } else {
                    state.usable = false
                }
            }
            guard state.usable, state.written >= length else { return nil }
            return try body(state.descriptor)
        }
    }

    /// Copies up to `buffer.count` bytes of the log from `offset` (and before `end`) into
    /// `buffer`; how many were copied.
    func read(from offset: Int, before end: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ResultStoreError) -> Int {
        let wanted = min(buffer.count, end - offset)
        guard wanted > 0 else { return 0 }
        return try state.withLock { state throws(ResultStoreError) -> Int in
            var copied = 0
            while copied < wanted, offset + copied < state.written {
                guard let base = buffer.baseAddress else { throw .corrupt }
                let fromFile = min(wanted - copied, state.written - (offset + copied))
                let count = pread(state.descriptor, base + copied, fromFile, off_t(offset + copied))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { throw .unreadable(errno: count < 0 ? errno : 0) }
                copied += count
            }
            if copied < wanted {
                let start = offset + copied - state.written
                let count = min(wanted - copied, state.pending.count - start)
                guard start >= 0, count > 0 else { throw .corrupt }
                state.pending.withUnsafeBytes { pending in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[copied..<(copied + count)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: pending[start..<(start + count)]))
                }
                copied += count
            }
            return copied
        }
    }

    /// Remembers that reading the log back failed (reported by `ResultStore.checkReadBack`).
    func noteReadFailure(_ error: ResultStoreError) {
        state.withLock { state in
            if state.readFailure == nil { state.readFailure = error }
        }
    }

    var readFailure: ResultStoreError? { state.withLock { $0.readFailure } }

    /// The log a value holding the first `length` bytes of `log` appends to: a new one, the
    /// shared one while the value holds all of it, or a copy of its part once another copy of
    /// the value has appended to it (`ResultStore` and `WrittenResults` are values).
    static func own(_ log: inout SpillFile?, holding length: Int) -> SpillFile {
        guard let shared = log else {
            let made = SpillFile()
            log = made
            return made
        }
        if shared.length == length { return shared }
        let forked = shared.fork(length: length)
        log = forked
        return forked
    }

    /// A new log holding this one's first `length` bytes: for a copy of a store that appends
    /// after another copy has appended to the shared log.
    func fork(length: Int) -> SpillFile {
        let copy = SpillFile()
        let tables = self.tables
        copy.state.withLock { $0.tables = tables }
        var chunk = [UInt8](repeating: 0, count: SpillFile.flushSize)
        var offset = 0
        while offset < length {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer in
                    try read(from: offset, before: length, into: buffer)
                }
            } catch {
                let failure = error as? ResultStoreError ?? .corrupt
                noteReadFailure(failure)
                copy.noteReadFailure(failure)
                break
            }
            _ = chunk.withUnsafeBufferPointer { copy.append(raw: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            offset += count
        }
        return copy
    }
}
