import Foundation

/// A fixed set of names as bytes in one block of memory, matched against input bytes: matching
/// every key of every record by name is the direct decoder's inner loop, so it neither copies
/// nor reference-counts anything, and a short name is compared as two masked 64-bit words in
/// place instead of through a call to `memcmp` (see `WordPattern`).
///
/// A value over memory its owner (a plan) allocates once and frees in its `deinit`: both cores
/// read the same names for every record, and a reference-counted holder would make them take
/// turns at its count.
struct ByteNames: @unchecked Sendable {
    // Unchecked: the memory is written once in `make` and only read afterwards.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// Each name followed by a quote, as words to compare 16 input bytes against (see `keyEnd`).
    private let keyPatterns: UnsafeMutableBufferPointer<KeyPattern>
    /// Each name alone, as words (see `matches`).
    private let namePatterns: UnsafeMutableBufferPointer<WordPattern>
    let count: Int

    private init(storage: UnsafeMutableBufferPointer<UInt8>, starts: UnsafeMutableBufferPointer<Int>,
                 keyPatterns: UnsafeMutableBufferPointer<KeyPattern>,
                 namePatterns: UnsafeMutableBufferPointer<WordPattern>, count: Int) {
        self.storage = storage
        self.starts = starts
        self.keyPatterns = keyPatterns
        self.namePatterns = namePatterns
        self.count = count
    }

    /// The names in newly allocated memory; the owner calls `deallocate()` once no one reads them.
    static func make(_ names: [String]) -> ByteNames {
        let total = names.reduce(0) { $0 + $1.utf8.count }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(total, 1))
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: names.count + 1)
        let keyPatterns = UnsafeMutableBufferPointer<KeyPattern>.allocate(capacity: names.count)
        let namePatterns = UnsafeMutableBufferPointer<WordPattern>.allocate(capacity: names.count)
        var offset = 0
        starts[0] = 0
        for (index, name) in names.enumerated() {
            for byte in name.utf8 {
                storage[offset] = byte
                offset += 1
            }
            starts[index + 1] = offset
            keyPatterns.initializeElement(at: index, to: KeyPattern(name))
            namePatterns.initializeElement(at: index, to: WordPattern(Array(name.utf8)))
        }
        return ByteNames(storage: storage, starts: starts, keyPatterns: keyPatterns,
                         namePatterns: namePatterns, count: names.count)
    }

    func deallocate() {
        storage.deallocate()
        starts.deallocate()
        keyPatterns.deallocate()
        namePatterns.deallocate()
    }

    /// Whether name `index` is exactly `text`.
    func matches(_ index: Int, _ text: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        let start = starts[index]
        let length = starts[index + 1] - start
        guard length == text.count else { return false }
        guard length > 0, let base = storage.baseAddress, let other = text.base.baseAddress else { return true }
        if let matched = namePatterns[index].matches(text.base, at: text.startIndex) { return matched }
        return memcmp(base + start, other + text.startIndex, length) == 0
    }

    /// The offset just past the closing quote when name `index`, then `"`, starts at `start`
    /// in `bytes`; nil otherwise. Only for names of plain ASCII (no quote, backslash or control
    /// character), for which this is exactly what reading the key as a string and comparing
    /// would find, in one comparison instead of a scan and a comparison.
    @inline(__always)
    func keyEnd(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        // The usual case in one place: a plain name short enough for words, with enough bytes
        // left to load them.
        let key = keyPatterns[index]
        if key.width > 0, start + key.width <= bytes.count, let base = bytes.baseAddress {
            return key.words.matches(UnsafeRawPointer(base + start)) ? start + key.end : nil
        }
        return keyEndByBytes(index, in: bytes, at: start)
    }

    /// `keyEnd` with the name compared by `memcmp`: a name that is not plain ASCII (never
    /// matched this way), longer than the words hold, or near the end of the line.
    private func keyEndByBytes(_ index: Int, in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let from = starts[index]
        let length = starts[index + 1] - from
        guard keyPatterns[index].plain, start >= 0 else { return nil }
        guard start + length < bytes.count, bytes[start + length] == UInt8(ascii: "\""),
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

/// A name followed by its closing quote, as `ByteNames.keyEnd` compares it with the bytes at
/// the cursor: the words, how many bytes to load for them (0: compare another way), and where
/// the key ends counted from its first byte.
struct KeyPattern {
    let words: WordPattern
    /// Whether the name is plain ASCII text (no quote, backslash or control character), the
    /// only kind `keyEnd` matches.
    let plain: Bool
    /// 16 or 32 for a plain name of up to 31 bytes; 0 for any other.
    let width: Int
    /// The name's length plus its closing quote.
    let end: Int

    init(_ name: String) {
        let bytes = Array(name.utf8) + [UInt8(ascii: "\"")]
        words = WordPattern(bytes)
        plain = name.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
        width = plain ? words.width : 0
        end = bytes.count
    }
}

/// Up to 32 bytes as little-endian words and the masks that keep just those bytes: 16 (or 32)
/// bytes of input are then compared with two (or four) loads, exclusive ors and masks, with no
/// call and no loop. Longer texts (and big-endian machines) have no pattern and are compared
/// with `memcmp`. Keys such as `without_means_on_arrival` and their closing quote are longer
/// than 16 bytes, and a call to `memcmp` for each of them cost more than the comparison.
struct WordPattern {
    private let low: UInt64
    private let high: UInt64
    private let lowMask: UInt64
    private let highMask: UInt64
    /// Bytes 16 to 31, for a pattern longer than 16 bytes (masks zero otherwise).
    private let third: UInt64
    private let fourth: UInt64
    private let thirdMask: UInt64
    private let fourthMask: UInt64

    init(_ bytes: [UInt8]) {
        var words: [UInt64] = [0, 0, 0, 0]
        var masks: [UInt64] = [0, 0, 0, 0]
        #if _endian(little)
        if bytes.count <= 32 {
            for (offset, byte) in bytes.enumerated() {
                words[offset / 8] |= UInt64(byte) << UInt64(8 * (offset % 8))
                masks[offset / 8] |= 0xFF << UInt64(8 * (offset % 8))
            }
        }
        #endif
        low = words[0]
        high = words[1]
        third = words[2]
        fourth = words[3]
        lowMask = masks[0]
        highMask = masks[1]
        thirdMask = masks[2]
        fourthMask = masks[3]
    }

    /// How many bytes a comparison loads: 16, or 32 for a pattern longer than 16 bytes; 0 when
    /// there is no pattern (a longer text, or a big-endian machine).
    var width: Int { lowMask == 0 ? 0 : thirdMask == 0 ? 16 : 32 }

    /// Whether the pattern's bytes start at `start` in `bytes`; nil when there is no pattern or
    /// too few bytes are left to load (16, or 32 for a long pattern): the caller then compares
    /// the slow way.
    @inline(__always)
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool? {
        let width = width
        guard width > 0, start >= 0, start + width <= bytes.count, let base = bytes.baseAddress else { return nil }
        return matches(UnsafeRawPointer(base + start))
    }

    /// Whether the pattern's bytes start at `raw`, where `width` bytes can be loaded.
    @inline(__always)
    func matches(_ raw: UnsafeRawPointer) -> Bool {
        let first = raw.loadUnaligned(as: UInt64.self)
        let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let head = (first ^ low) & lowMask | (second ^ high) & highMask
        guard thirdMask != 0, head == 0 else { return head == 0 }
        let rest = (raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ third) & thirdMask
            | (raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ fourth) & fourthMask
        return rest == 0
    }
}
