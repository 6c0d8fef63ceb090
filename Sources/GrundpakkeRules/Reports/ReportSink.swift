/// Where a report goes, piece by piece: reporters write as they go instead of building the
/// whole report in one string, so a report of a million results never sits in memory at once.
public protocol ReportSink {
    mutating func write(_ text: String) throws
    /// UTF-8 text already in bytes (results written by `PrettyJSONWriter`), without making a
    /// string of it first.
    mutating func write(utf8 bytes: [UInt8]) throws
}

extension ReportSink {
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
