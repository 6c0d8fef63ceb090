import Foundation

/// A fixed set of names as bytes in one block of memory, matched against input bytes with
/// `memcmp`: matching every key of every record by name is the direct decoder's inner loop, so
/// it neither copies nor reference-counts anything.
final class ByteNames: @unchecked Sendable {
    // Unchecked: the block is written once in `init` and only read afterwards, and freed in
    // `deinit` when no one can read it any more.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let starts: [Int]
    let count: Int

    init(_ names: [String]) {
        let total = names.reduce(0) { $0 + $1.utf8.count }
        storage = .allocate(capacity: max(total, 1))
        var starts: [Int] = [0]
        var offset = 0
        for name in names {
            for byte in name.utf8 {
                storage[offset] = byte
                offset += 1
            }
            starts.append(offset)
        }
        self.starts = starts
        count = names.count
    }

    deinit { storage.deallocate() }

    /// Whether name `index` is exactly `text`.
    func matches(_ index: Int, _ text: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == text.count else { return false }
        guard length > 0, let base = storage.baseAddress, let other = text.base.baseAddress else { return true }
        return memcmp(base + start, other + text.startIndex, length) == 0
    }

    /// The index of the name equal to `text`, trying `likely` first.
    func index(of text: UnsafeBufferPointer<UInt8>.SubSequence, likely: Int) -> Int? {
        if likely < count, matches(likely, text) { return likely }
        for index in 0..<count where index != likely && matches(index, text) { return index }
        return nil
    }
}
