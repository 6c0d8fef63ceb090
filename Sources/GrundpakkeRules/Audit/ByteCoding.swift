/// Little helpers for the compact encoding of spilled results: LEB128 varints (small numbers,
/// which most are, take one byte), zigzag for signed numbers, length-prefixed UTF-8.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func unsigned(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    /// Zigzag: -1 → 1, 1 → 2, so small negative numbers stay short too.
    mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func signed(_ value: Int) { signed(Int64(value)) }

    mutating func string(_ text: String) {
        text.withUTF8InPlace { utf8 in
            unsigned(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// Why spilled bytes could not be read back as results.
public enum ResultStoreError: Error, Sendable, CustomStringConvertible {
    /// The temporary file could not be read (an I/O error of the system).
    case unreadable(errno: Int32)
    /// The bytes read back are not what was written.
    case corrupt

    public var description: String {
        switch self {
        case .unreadable(let code): return "the results set aside in a temporary file could not be read back (errno \(code))"
        case .corrupt: return "the results set aside in a temporary file were damaged"
        }
    }
}

/// Reads what `ByteWriter` wrote, checking every bound (the bytes come back from a file).
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func byte() throws(ResultStoreError) -> UInt8 {
        guard position < bytes.count else { throw .corrupt }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(ResultStoreError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw .corrupt }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(ResultStoreError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int.max) else { throw .corrupt }
        return Int(value)
    }

    mutating func signed64() throws(ResultStoreError) -> Int64 {
        let value = try unsigned()
        return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    mutating func signed() throws(ResultStoreError) -> Int { Int(try signed64()) }

    mutating func string() throws(ResultStoreError) -> String {
        let count = try int()
        guard count <= bytes.count - position else { throw .corrupt }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
    }

    mutating func raw() throws(ResultStoreError) -> UInt64 {
        guard bytes.count - position >= 8 else { throw .corrupt }
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) {
            value |= UInt64(bytes[position]) << UInt64(shift)
            position += 1
        }
        return value
    }
}
