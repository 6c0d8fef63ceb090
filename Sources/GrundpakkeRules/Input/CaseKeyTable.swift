import RuleDSL

/// The case keys seen so far (64-bit hashes of shelter id and case id) and where each was first
/// given, in about 22 bytes per case: a million cases cost some 22 MB, not the ~100 MB of a
/// dictionary of `SourceLocation`s.
///
/// Entries go to a log in order of arrival, in pages of 65,536 so that growing never copies the
/// log: 12 bytes each, the key and the line. File and column are kept once per run of entries
/// that share them (records of one file start in the same column: 1 for JSON Lines and YAML).
/// An open-addressing index (linear probing, 4 bytes a slot, at most three quarters full) finds
/// an entry by key. Beside each slot, one byte of its key: a search compares that byte before
/// it reads the key from the log, so the slots it passes over cost no read far away in memory
/// (every new case is a search that passes over a few). The location is rebuilt only when a
/// duplicate is found, the rare case.
struct CaseKeyTable: Sendable {
    private static let pageBits = 16
    private static let pageSize = 1 << pageBits

    private var keyPages: [[UInt64]] = []
    private var linePages: [[UInt32]] = []
    private var entryCount = 0
    /// Per run of entries sharing file and column: the first entry's number, the file's index
    /// and the column.
    private var runs: [(start: Int, file: Int, column: Int)] = []
    private var files: [String] = []
    private var fileNumbers: [String: Int] = [:]
    /// The file name as the last entry gave it, and its number in `files`.
    private var lastFileGiven = ""
    private var lastFileNumber = -1
    /// Locations whose line or column does not fit in 32 bits (never, under the file-size
    /// limit), so that every location still comes back exactly.
    private var wideLocations: [Int: SourceLocation] = [:]
    /// Entry number + 1 per slot; 0 is an empty slot.
    private var slots: [UInt32] = Array(repeating: 0, count: 1 << 10)
    /// `tag(key)` of the entry in each occupied slot.
    private var tags: [UInt8] = Array(repeating: 0, count: 1 << 10)
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
        tags[slot] = Self.tag(key)
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
            let home = home(storedKey(Int(slots[next]) - 1), slots.count)
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                tags[hole] = tags[next]
                slots[next] = 0
                hole = next
            }
            next = (next + 1) & mask
        }
    }

    // MARK: Index

    /// Where a key's search starts (`TableHashing.home`).
    private func home(_ key: UInt64, _ capacity: Int) -> Int { TableHashing.home(key, capacity) }

    /// Eight bits of a key other than those `home` uses (the key is a hash: its low bits are
    /// as good as any).
    private static func tag(_ key: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: key) }

    private func slot(of key: UInt64) -> Int? {
        let mask = slots.count - 1
        let tag = Self.tag(key)
        var slot = home(key, slots.count)
        while slots[slot] != 0 {
            if tags[slot] == tag, storedKey(Int(slots[slot]) - 1) == key { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let old = slots
        let oldTags = tags
        slots = Array(repeating: 0, count: old.count * 2)
        tags = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for (position, value) in old.enumerated() where value != 0 {
            var slot = home(storedKey(Int(value) - 1), slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
            tags[slot] = oldTags[position]
        }
    }

    // MARK: Log

    private func storedKey(_ number: Int) -> UInt64 {
        keyPages[number >> Self.pageBits][number & (Self.pageSize - 1)]
    }

    private mutating func append(_ key: UInt64, _ location: SourceLocation) -> Int {
        let number = entryCount
        let file = fileNumber(location.file)
        let line = UInt32(exactly: location.line)
        if line == nil || UInt32(exactly: location.column) == nil { wideLocations[number] = location }
        if runs.last?.file != file || runs.last?.column != location.column { runs.append((number, file, location.column)) }
        if number & (Self.pageSize - 1) == 0 {
            keyPages.append([])
            keyPages[keyPages.count - 1].reserveCapacity(Self.pageSize)
            linePages.append([])
            linePages[linePages.count - 1].reserveCapacity(Self.pageSize)
        }
        keyPages[keyPages.count - 1].append(key)
        linePages[linePages.count - 1].append(line ?? 0)
        entryCount += 1
        return number
    }

    private mutating func fileNumber(_ file: String) -> Int {
        // Records come file by file, and the records of one chunk name their file with one
        // string (`InputStream`): the same string as the last entry's is recognised by its bits,
        // where comparing two copies of a name compares their text, which took more than a
        // hundred instructions for every case of every chunk after the first.
        if lastFileNumber >= 0, CaseKeyTable.identical(file, lastFileGiven) { return lastFileNumber }
        lastFileGiven = file
        if let last = files.last, last == file {
            lastFileNumber = files.count - 1
        } else if let known = fileNumbers[file] {
            lastFileNumber = known
        } else {
            files.append(file)
            fileNumbers[file] = files.count - 1
            lastFileNumber = files.count - 1
        }
        return lastFileNumber
    }

    /// Whether two strings are one string bit for bit (the same storage, or the same short
    /// text kept inline), and so equal without a look at their text. Different bits say
    /// nothing (two copies of one name).
    private static func identical(_ a: String, _ b: String) -> Bool {
        guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return false }
        return unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }

    private func location(ofEntry number: Int) -> SourceLocation? {
        if let wide = wideLocations[number] { return wide }
        // The last run starting at or before the entry.
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].start <= number { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let run = runs[low - 1]
        let line = linePages[number >> Self.pageBits][number & (Self.pageSize - 1)]
        return SourceLocation(file: files[run.file], line: Int(line), column: run.column)
    }
}
