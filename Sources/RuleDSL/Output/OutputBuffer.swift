/// Bytes appended at one end, in memory the buffer owns alone: what `PrettyJSONWriter` writes a
/// report's results into.
///
/// A report lists results by the hundred thousand, each written in some thirty pieces (layout,
/// quotes, values). Appending a piece to an `[UInt8]` goes through the array's general
/// `append(contentsOf:)`: a check that the storage is not shared (a call into the runtime),
/// then the copy, some ninety instructions for a piece of a dozen bytes. Owning its memory, this
/// buffer needs no such check: an append is a comparison with the room left and the copy.
/// It cannot be copied (its memory is freed with it), so it is never shared either.
public struct OutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written, from `base`.
    public private(set) var count: Int
    private var capacity: Int

    /// An empty buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 512) {
        let room = max(capacity, 16)
        base = .allocate(capacity: room)
        count = 0
        self.capacity = room
    }

    deinit { base.deallocate() }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: count + bytes.count) }
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Fixed text, copied in one piece.
    @inline(__always)
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// The bytes of `bytes`, copied in one piece.
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// `count` copies of `byte`.
    public mutating func append(repeating byte: UInt8, count times: Int) {
        guard times > 0 else { return }
        if capacity - count < times { grow(toHold: count + times) }
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }

    /// Forgets every byte from `offset` on (`offset` at most `count`).
    public mutating func removeSuffix(from offset: Int) {
        precondition(offset >= 0 && offset <= count, "removeSuffix(from:) past the bytes written")
        count = offset
    }

    /// `body` applied to the bytes written from `offset` on, read where they lie.
    public func withBytes<Result>(from offset: Int = 0, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        precondition(offset >= 0 && offset <= count, "withBytes(from:) past the bytes written")
        return try body(UnsafeBufferPointer(start: base + offset, count: count - offset))
    }

    /// The bytes written, as an array of their own.
    public var array: [UInt8] { withBytes { Array($0) } }

    /// More room: at least `needed` bytes, and at least twice what there was, so that appending
    /// byte by byte costs a constant time each on average.
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let room = max(needed, 2 * capacity)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: room)
        grown.initialize(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = room
    }
}
