import RuleDSL

/// The case keys seen so far (64-bit hashes of shelter id and case id) and where each was first
/// given, in about 22 bytes per case: a million cases cost some 22 MB, not the ~100 MB of a
/// dictionary of `SourceLocation`s.
///
/// Entries go to a log in order of arrival, in pages of 65,536 so that growing never copies the
/// log (16 bytes each: the key, the line and the column); the file is kept once per run of
/// entries from the same file. An open-addressing index (linear probing, 4 bytes a slot, at most
/// three quarters full) finds an entry by key. The location is rebuilt only when a duplicate is
/// found, the rare case.
struct CaseKeyTable: Sendable {
    private struct Entry: Sendable {
        var key: UInt64
        var line: UInt32
        var column: UInt32
    }

    private static let pageBits = 16
    private static let pageSize = 1 << pageBits

    private var pages: [[Entry]] = []
    private var entryCount = 0
    /// Per run of entries from one file: the first entry's number and the file's index.
    private var fileRuns: [(start: Int, file: Int)] = []
    private var files: [String] = []
    private var fileNumbers: [String: Int] = [:]
    /// Locations whose line or column does not fit in 32 bits (never, under the file-size
    /// limit), so that every location still comes back exactly.
    private var wideLocations: [Int: SourceLocation] = [:]
    /// Entry number + 1 per slot; 0 is an empty slot.
    private var slots: [UInt32] = Array(repeating: 0, count: 1 << 10)
    private var occupied = 0

    init() {}

    /// Where `key` was first given, if it was.
    func location(of key: UInt64) -> SourceLocation? {
        guard let slot = slot(of: key) else { return nil }
        return location(ofEntry: Int(slots[slot]) - 1)
    }

    /// Adds a key not yet present, with its location.
    mutating func insert(_ key: UInt64, at location: SourceLocation) {
        if (occupied + 1) * 4 > slots.count * 3 { grow() }
        let number = append(key, location)
        var slot = home(key, slots.count)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = UInt32(number + 1)
        occupied += 1
    }

    /// Removes `key` (its log entry stays, unreferenced).
    mutating func remove(_ key: UInt64) {
        guard var hole = slot(of: key) else { return }
        slots[hole] = 0
        occupied -= 1
        // Backward-shift deletion: move later entries of the probe run into the hole when their
        // home slot allows it, so that no search stops early at the hole.
        let mask = slots.count - 1
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = home(entry(Int(slots[next]) - 1).key, slots.count)
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                slots[next] = 0
                hole = next
            }
            next = (next + 1) & mask
        }
    }

    // MARK: Index

    /// Fibonacci hashing: the top bits of key × 2⁶⁴/φ, spread well even for similar keys.
    private func home(_ key: UInt64, _ capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }

    private func slot(of key: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = home(key, slots.count)
        while slots[slot] != 0 {
            if entry(Int(slots[slot]) - 1).key == key { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = home(entry(Int(value) - 1).key, slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }

    // MARK: Log

    private func entry(_ number: Int) -> Entry {
        pages[number >> Self.pageBits][number & (Self.pageSize - 1)]
    }

    private mutating func append(_ key: UInt64, _ location: SourceLocation) -> Int {
        let number = entryCount
        let file = fileNumber(location.file)
        if fileRuns.last?.file != file { fileRuns.append((number, file)) }
        if number & (Self.pageSize - 1) == 0 {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        let line = UInt32(exactly: location.line)
        let column = UInt32(exactly: location.column)
        if line == nil || column == nil { wideLocations[number] = location }
        pages[pages.count - 1].append(Entry(key: key, line: line ?? 0, column: column ?? 0))
        entryCount += 1
        return number
    }

    private mutating func fileNumber(_ file: String) -> Int {
        if let known = fileNumbers[file] { return known }
        files.append(file)
        fileNumbers[file] = files.count - 1
        return files.count - 1
    }

    private func location(ofEntry number: Int) -> SourceLocation? {
        if let wide = wideLocations[number] { return wide }
        // The last run starting at or before the entry.
        var low = 0
        var high = fileRuns.count
        while low < high {
            let middle = (low + high) / 2
            if fileRuns[middle].start <= number { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let found = entry(number)
        return SourceLocation(file: files[fileRuns[low - 1].file], line: Int(found.line), column: Int(found.column))
    }
}
