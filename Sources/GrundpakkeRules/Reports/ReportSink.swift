/// Where a report goes, piece by piece: reporters write as they go instead of building the
/// whole report in one string, so a report of a million results never sits in memory at once.
public protocol ReportSink {
    mutating func write(_ text: String) throws
    /// UTF-8 text already in bytes (results written by `PrettyJSONWriter`), without making a
    /// string of it first.
    mutating func write(utf8 bytes: [UInt8]) throws
    /// Copies `count` bytes of the open file `descriptor` from `offset` to the report without
    /// reading them into the process, if this sink can (a file can, in the kernel); false when
    /// it cannot, and then it has written nothing.
    mutating func copy(from descriptor: Int32, offset: Int, count: Int) throws -> Bool
}

extension ReportSink {
    public mutating func copy(from descriptor: Int32, offset: Int, count: Int) throws -> Bool { false }

    public mutating func write(utf8 bytes: [UInt8]) throws {
        try write(String(decoding: bytes, as: UTF8.self))
    }
}

/// A report collected in a string: `ReportFormat.render`, and tests.
public struct StringSink: ReportSink {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ text: String) {
        self.text += text
    }
}
