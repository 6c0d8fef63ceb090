import RuleDSL

/// Danish working days (hverdage): Monday–Friday that are neither a Danish closed day
/// (`DanishHoliday`) nor one of the organisation's own closed days.
///
/// A small value: the Danish days come from a shared immutable table, so building one per rule
/// pack (or per test) costs only the set of extra days.
public struct WorkingDayCalendar: Hashable, Sendable {
    /// Days the organisation adds on top of the Danish rules (e.g. a staff day).
    public let extraClosedDays: Set<CivilDate>

    public init(extraClosedDays: some Sequence<CivilDate> = [CivilDate]()) {
        self.extraClosedDays = Set(extraClosedDays)
    }

    /// The Danish rules with no extra closed days.
    public static let danish = WorkingDayCalendar()

    // MARK: Single days

    /// Why `date` is closed, or nil when it is a working day.
    ///
    /// Precedence when several reasons apply: the named holiday, then the organisation's day,
    /// then the weekend (Påskedag is reported as Påskedag, not as a Sunday).
    public func closedDayReason(_ date: CivilDate) -> ClosedDayReason? {
        if let holiday = HolidayTable.standard.holiday(on: date) { return .holiday(holiday) }
        if extraClosedDays.contains(date) { return .organisation }
        let weekday = date.isoWeekday
        return weekday >= 6 ? .weekend(isoWeekday: weekday) : nil
    }

    /// The Danish name of the reason `date` is closed ("Langfredag", "Lørdag", "Lukkedag"), or nil
    /// when it is a working day. Use `closedDayReason(_:)` for the English name.
    public func closedDayName(_ date: CivilDate) -> String? {
        closedDayReason(date)?.danishName
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        // Weekend first: it is the cheapest test and rules out two days in seven.
        date.isoWeekday < 6
            && !HolidayTable.standard.isHoliday(date)
            && (extraClosedDays.isEmpty || !extraClosedDays.contains(date))
    }

    // MARK: Walking

    /// `date` itself when it is a working day, else the first working day after it.
    /// Nil only when that would lie past 9999-12-31.
    public func nextWorkingDay(onOrAfter date: CivilDate) -> CivilDate? {
        var day = date
        while !isWorkingDay(day) {
            guard let next = day.adding(days: 1) else { return nil }
            day = next
        }
        return day
    }

    /// The `n`-th working day counted from `start`, `start` itself being day 1 if it is a working
    /// day ("within the first n working days" of a stay).
    ///
    /// Friday 2025-03-07, n = 3 → Tuesday 2025-03-11; Saturday 2025-03-08, n = 3 → Wednesday
    /// 2025-03-12. Equivalently: the earliest date `d` with `workingDays(from: start, through: d) == n`.
    /// Nil when `n < 1` (there is no 0th day) or the result would lie past 9999-12-31.
    public func nthWorkingDay(from start: CivilDate, n: Int) -> CivilDate? {
        guard n >= 1, var day = nextWorkingDay(onOrAfter: start) else { return nil }
        for _ in 1..<n {
            guard let next = day.adding(days: 1), let working = nextWorkingDay(onOrAfter: next) else { return nil }
            day = working
        }
        return day
    }

    // MARK: Counting

    /// Working days in the closed range `[first, last]`, both ends included; 0 when `last < first`.
    public func workingDays(from first: CivilDate, through last: CivilDate) -> Int {
        guard first <= last else { return 0 }
        var count = 0
        var dayNumber = first.daysSinceEpoch
        let end = last.daysSinceEpoch
        while dayNumber <= end {
            if let day = CivilDate(daysSinceEpoch: dayNumber), isWorkingDay(day) { count += 1 }
            dayNumber += 1
        }
        return count
    }

    /// Working days in the half-open range `[start, end)`: `start` included, `end` excluded, like
    /// Swift's `stride(from:to:by:)`; 0 when `end <= start`.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        guard start < end, let last = end.adding(days: -1) else { return 0 }
        return workingDays(from: start, through: last)
    }

    // MARK: Deadlines

    /// Due date `days` calendar days after `start`, moved to the next working day when it falls on
    /// a closed day. `days == 0` is a same-day duty and never moves, even off a closed day.
    /// Nil only outside years 1...9999.
    public func dueDate(start: CivilDate, addingDays days: Int) -> CivilDate? {
        guard days != 0 else { return start }
        guard let raw = start.adding(days: days) else { return nil }
        return nextWorkingDay(onOrAfter: raw)
    }

    /// Due date `months` calendar months after `start` (clamped to the target month's last day:
    /// 2025-01-31 + 1 month = 2025-02-28), moved to the next working day when it falls on a
    /// closed day. `months == 0` is a same-day duty and never moves. Nil only outside years 1...9999.
    public func dueDate(start: CivilDate, addingMonths months: Int) -> CivilDate? {
        guard months != 0 else { return start }
        guard let raw = start.adding(months: months) else { return nil }
        return nextWorkingDay(onOrAfter: raw)
    }
}
