import Foundation

/// Reads files for the loaders without ever holding more than the limit allows: one byte past
/// `DocumentLimits.maxFileBytes` is enough to know a file is too large, and a file without end
/// (a device or pipe behind a `.yaml` name) cannot exhaust memory.
public enum BoundedFile {
    /// The file's bytes, at most `limits.maxFileBytes + 1` of them; nil when it cannot be opened.
    public static func read(_ path: String, limits: DocumentLimits = .standard) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limits.maxFileBytes + 1) else { return [] }
        return [UInt8](data)
    }
}
