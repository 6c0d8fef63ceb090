import RuleDSL

/// Danish closed days keyed by day number, precomputed for the years queries actually hit.
///
/// Working-day counting asks "is this date closed?" once per day walked, so the answer must be a
/// hash lookup rather than an Easter computation. The table is an immutable `static let` (built
/// once, thread-safe, no mutable global state); years outside it are computed on demand.
struct HolidayTable: Sendable {
    static let precomputedYears = 1900...2200
    static let standard = HolidayTable(years: precomputedYears)

    let years: ClosedRange<Int>
    /// The table's first and last day numbers, so that a lookup need not work out the year.
    private let firstDay: Int
    private let lastDay: Int
    private let byDay: [Int: DanishHoliday]
    /// Bit `d - firstDay` set: day `d` is closed. Walking working days only asks whether a day
    /// is closed, which a bit answers without hashing the day.
    private let closedBits: [UInt64]

    init(years: ClosedRange<Int>) {
        var byDay: [Int: DanishHoliday] = [:]
        byDay.reserveCapacity(years.count * DanishHoliday.allCases.count)
        for year in years {
            // closedDays lists the public holiday first on a shared date, so keep the first seen.
            for entry in DanishHolidays.closedDays(in: year) where byDay[entry.date.daysSinceEpoch] == nil {
                byDay[entry.date.daysSinceEpoch] = entry.holiday
            }
        }
        self.years = years
        firstDay = CivilDate(year: years.lowerBound, month: 1, day: 1)?.daysSinceEpoch ?? Int.max
        lastDay = CivilDate(year: years.upperBound, month: 12, day: 31)?.daysSinceEpoch ?? Int.min
        self.byDay = byDay
        var bits = [UInt64](repeating: 0, count: lastDay >= firstDay ? (lastDay - firstDay) / 64 + 1 : 0)
        for day in byDay.keys where day >= firstDay && day <= lastDay {
            bits[(day - firstDay) / 64] |= 1 << UInt64((day - firstDay) % 64)
        }
        closedBits = bits
    }

    /// Whether a holiday closes `date` (`holiday(on:) != nil`).
    func isHoliday(_ date: CivilDate) -> Bool {
        let day = date.daysSinceEpoch
        guard day >= firstDay, day <= lastDay else { return holiday(on: date) != nil }
        return closedBits[(day - firstDay) / 64] & (1 << UInt64((day - firstDay) % 64)) != 0
    }

    func holiday(on date: CivilDate) -> DanishHoliday? {
        let day = date.daysSinceEpoch
        if day >= firstDay, day <= lastDay { return byDay[day] }
        return DanishHolidays.closedDays(in: date.year).first { $0.date == date }?.holiday
    }
}
