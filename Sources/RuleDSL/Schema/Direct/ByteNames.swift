import Foundation

/// A fixed set of names as bytes in one block of memory, matched against input bytes with
/// `memcmp`: matching every key of every record by name is the direct decoder's inner loop, so
/// it neither copies nor reference-counts anything.
///
/// A value over memory its owner (a plan) allocates once and frees in its `deinit`: both cores
/// read the same names for every record, and a reference-counted holder would make them take
/// turns at its count.
struct ByteNames: @unchecked Sendable {
    // Unchecked: the memory is written once in `make` and only read afterwards.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// Whether each name is plain ASCII text (see `keyEnd`).
    private let plain: UnsafeMutableBufferPointer<Bool>
    let count: Int

    private init(storage: UnsafeMutableBufferPointer<UInt8>, starts: UnsafeMutableBufferPointer<Int>,
                 plain: UnsafeMutableBufferPointer<Bool>, count: Int) {
        self.storage = storage
        self.starts = starts
        self.plain = plain
        self.count = count
    }

    /// The names in newly allocated memory; the owner calls `deallocate()` once no one reads them.
    static func make(_ names: [String]) -> ByteNames {
        let total = names.reduce(0) { $0 + $1.utf8.count }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(total, 1))
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: names.count + 1)
        let plain = UnsafeMutableBufferPointer<Bool>.allocate(capacity: names.count)
        var offset = 0
        starts[0] = 0
        for (index, name) in names.enumerated() {
            for byte in name.utf8 {
                storage[offset] = byte
                offset += 1
            }
            starts[index + 1] = offset
            plain.initializeElement(at: index, to: name.utf8.allSatisfy {
                $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
            })
        }
        return ByteNames(storage: storage, starts: starts, plain: plain, count: names.count)
    }

    func deallocate() {
        storage.deallocate()
        starts.deallocate()
        plain.deallocate()
    }

    /// Whether name `index` is exactly `text`.
    func matches(_ index: Int, _ text: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == text.count else { return false }
        guard length > 0, let base = storage.baseAddress, let other = text.base.baseAddress else { return true }
        return memcmp(base + start, other + text.startIndex, length) == 0
    }

    /// The offset just past the closing quote when name `index`, then `"`, starts at `start`
    /// in `bytes`; nil otherwise. Only for names of plain ASCII (no quote, backslash or control
    /// character), for which this is exactly what reading the key as a string and comparing
    /// would find, in one comparison instead of a scan and a comparison.
    func keyEnd(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let from = starts[index]
        let length = starts[index + 1] - from
        guard plain[index], start + length < bytes.count, bytes[start + length] == UInt8(ascii: "\""),
              let base = storage.baseAddress, let other = bytes.baseAddress,
              length == 0 || memcmp(base + from, other + start, length) == 0 else { return nil }
        return start + length + 1
    }

    /// The length of name `index` in bytes.
    func length(_ index: Int) -> Int { starts[index + 1] - starts[index] }

    /// The index of the name equal to `text`, trying `likely` first.
    func index(of text: UnsafeBufferPointer<UInt8>.SubSequence, likely: Int) -> Int? {
        if likely < count, matches(likely, text) { return likely }
        for index in 0..<count where index != likely && matches(index, text) { return index }
        return nil
    }
}
