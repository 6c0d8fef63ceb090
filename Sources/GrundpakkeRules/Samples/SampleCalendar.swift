import RuleDSL

/// Day arithmetic for the generator, on plain day numbers (days since 1970-01-01) so that a
/// million stays cost no more than integer additions.
enum SampleCalendar {
    /// Year, month and day of a day number (Howard Hinnant's civil_from_days).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func year(_ days: Int) -> Int { civil(days).year }

    /// The Danish closed days (holidays and the deadline-free days) of the given years, as sorted
    /// day numbers.
    static func closedDays(years: ClosedRange<Int>) -> [Int] {
        years.flatMap { DanishHolidays.closedDays(in: $0).map(\.date.daysSinceEpoch) }.sorted()
    }

    /// The `n`-th Danish working day of a stay that starts on `day` (the day itself counts).
    static func nthWorkingDay(from day: Int, n: Int) -> Int {
        guard let start = CivilDate(daysSinceEpoch: day),
              let result = WorkingDayCalendar.danish.nthWorkingDay(from: start, n: n) else { return day + n }
        return result.daysSinceEpoch
    }
}
