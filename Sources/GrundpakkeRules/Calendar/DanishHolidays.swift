import RuleDSL

/// One closed day in one year.
public struct DatedHoliday: Hashable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let holiday: DanishHoliday

    public init(date: CivilDate, holiday: DanishHoliday) {
        self.date = date
        self.holiday = holiday
    }

    public var description: String { "\(date) \(holiday.danishName)" }
}

/// The Danish closed days of a year, computed from the rules in `DanishHoliday`.
public enum DanishHolidays {
    /// Every closed day of `year` (public holidays and the three deadline-free days), by date.
    ///
    /// Two names can share a date (Pinsedag or 2. Pinsedag can fall on 5 June); both are listed,
    /// the public holiday first. Empty outside `CivilDate`'s years 1...9999.
    public static func closedDays(in year: Int) -> [DatedHoliday] {
        guard let easter = Easter.sunday(year: year) else { return [] }
        var result: [DatedHoliday] = []
        result.reserveCapacity(DanishHoliday.allCases.count)
        for holiday in DanishHoliday.allCases where holiday.isObserved(in: year) {
            let date: CivilDate?
            switch holiday.placement {
            case .fixed(let month, let day): date = CivilDate(year: year, month: month, day: day)
            case .easter(let offset): date = easter.adding(days: offset)
            }
            // Always non-nil for years 1...9999 (Easter offsets stay within March–June); the
            // optional is CivilDate's range check, not a real gap.
            if let date { result.append(DatedHoliday(date: date, holiday: holiday)) }
        }
        // Stable sort by date: on a shared date the public holiday (earlier in allCases) stays first.
        return result.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// Only the public holidays (helligdage) of `year`, by date.
    public static func publicHolidays(in year: Int) -> [DatedHoliday] {
        closedDays(in: year).filter { $0.holiday.kind == .publicHoliday }
    }

    /// The holiday that closes `date`, or nil. On a shared date the public holiday wins.
    public static func holiday(on date: CivilDate) -> DanishHoliday? {
        HolidayTable.standard.holiday(on: date)
    }
}
