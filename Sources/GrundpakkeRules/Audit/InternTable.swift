import RuleDSL

/// Values that repeat across results (file names, shelter ids, field paths, citations, waivers)
/// kept once in memory, so a spilled result refers to them by number.
///
/// A table takes at most `limit` values; past that, callers write values in full. That keeps
/// memory bounded even for an input where such values never repeat. Tables only grow, so a
/// number handed out stays valid for every copy.
struct InternTable<Element: Hashable & Sendable>: Sendable {
    private(set) var values: [Element] = []
    private var numbers: [Element: Int] = [:]
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// The value's number, adding it while there is room; nil when the table is full.
    mutating func number(of value: Element) -> Int? {
        if let known = numbers[value] { return known }
        guard values.count < limit else { return nil }
        numbers[value] = values.count
        values.append(value)
        return values.count - 1
    }

    /// The same table with every value passed through `copy` (numbers unchanged).
    func mapped(_ copy: (Element) -> Element) -> InternTable {
        var table = InternTable(limit: limit)
        for value in values { _ = table.number(of: copy(value)) }
        return table
    }

    func value(_ number: Int) throws(ResultStoreError) -> Element {
        guard number >= 0, number < values.count else { throw .corrupt }
        return values[number]
    }
}

/// The tables one spill file's results refer to.
struct InternTables: Sendable {
    /// File names, shelter ids, missing-data and evidence paths: a few hundred in any real run.
    var strings = InternTable<String>(limit: 1 << 16)
    var citations = InternTable<LegalReference>(limit: 1 << 12)
    /// Waivers are never written to the file (their `approved_by` names a person), so this
    /// table has no limit; it holds at most the waivers of the `--waivers` file.
    var waivers = InternTable<Waiver>(limit: .max)
}

extension InternTables {
    /// The same tables with texts of their own (`String.detached`): a thread that reads results
    /// back with these shares no string storage with other threads. Waivers stay shared: there
    /// are few, and few results have one.
    func detached() -> InternTables {
        var copy = self
        copy.strings = strings.mapped(\.detached)
        copy.citations = citations.mapped { reference in
            LegalReference(law: reference.law.detached, provision: reference.provision.detached,
                           validFrom: reference.validFrom, validTo: reference.validTo)
        }
        return copy
    }
}
