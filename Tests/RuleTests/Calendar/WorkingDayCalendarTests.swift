import Testing
import RuleDSL
@testable import GrundpakkeRules

@Suite("Calendar: working days") struct WorkingDayCalendarTests {
    let calendar = WorkingDayCalendar.danish

    /// RULES.md, "Within the first N working days", all three examples (N = 3).
    @Test(arguments: [
        ("2025-03-07", "2025-03-11"), // Friday: Fri, Mon, Tue
        ("2025-03-08", "2025-03-12"), // Saturday does not count: Mon, Tue, Wed
        ("2025-04-16", "2025-04-23"), // Easter week: Wed 16, then Tue 22, Wed 23
    ])
    func rulesExamples(_ admitted: String, _ due: String) throws {
        #expect(calendar.nthWorkingDay(from: try calendarDate(admitted), n: 3) == (try calendarDate(due)))
    }

    @Test func nthWorkingDayEdges() throws {
        let friday = try calendarDate("2025-03-07")
        #expect(calendar.nthWorkingDay(from: friday, n: 1) == friday)
        #expect(calendar.nthWorkingDay(from: try calendarDate("2025-03-08"), n: 1) == (try calendarDate("2025-03-10")))
        #expect(calendar.nthWorkingDay(from: friday, n: 0) == nil)
        #expect(calendar.nthWorkingDay(from: friday, n: -1) == nil)
        // 9999-12-31 is Nytårsaftensdag: nothing after it to roll to.
        #expect(calendar.nthWorkingDay(from: try calendarDate("9999-12-31"), n: 1) == nil)
        #expect(calendar.nextWorkingDay(onOrAfter: try calendarDate("9999-12-31")) == nil)
    }

    @Test func christmasBlock() throws {
        // Wed 24 Dec .. Fri 26 Dec closed, then the weekend: next working day Mon 29 Dec.
        #expect(calendar.nextWorkingDay(onOrAfter: try calendarDate("2025-12-24")) == (try calendarDate("2025-12-29")))
        // Tue 23 Dec counts as day 1; day 2 is Mon 29 Dec; Wed 31 Dec and Thu 1 Jan are closed.
        #expect(calendar.nthWorkingDay(from: try calendarDate("2025-12-23"), n: 2) == (try calendarDate("2025-12-29")))
        #expect(calendar.nthWorkingDay(from: try calendarDate("2025-12-23"), n: 4) == (try calendarDate("2026-01-02")))
    }

    @Test func closedDayNames() throws {
        #expect(calendar.closedDayName(try calendarDate("2025-04-18")) == "Langfredag")
        #expect(calendar.closedDayName(try calendarDate("2025-04-20")) == "Påskedag") // a Sunday, named as the holiday
        #expect(calendar.closedDayName(try calendarDate("2025-03-08")) == "Lørdag")
        #expect(calendar.closedDayName(try calendarDate("2025-03-09")) == "Søndag")
        #expect(calendar.closedDayName(try calendarDate("2025-06-05")) == "Grundlovsdag")
        #expect(calendar.closedDayName(try calendarDate("2025-03-07")) == nil)
        #expect(calendar.closedDayReason(try calendarDate("2025-05-29"))?.englishName == "Ascension Day")
        #expect(calendar.closedDayReason(try calendarDate("2025-03-08")) == .weekend(isoWeekday: 6))
    }

    @Test func extraClosedDaysAreHonoured() throws {
        let staffDay = try calendarDate("2025-03-10") // a Monday
        let custom = WorkingDayCalendar(extraClosedDays: [staffDay, try calendarDate("2025-04-18")])
        #expect(calendar.isWorkingDay(staffDay))
        #expect(!custom.isWorkingDay(staffDay))
        #expect(custom.closedDayReason(staffDay) == .organisation)
        #expect(custom.closedDayName(staffDay) == "Lukkedag")
        // Already Langfredag: the Danish name wins.
        #expect(custom.closedDayName(try calendarDate("2025-04-18")) == "Langfredag")
        // Friday (1), Monday skipped, Tuesday (2), Wednesday (3).
        #expect(custom.nthWorkingDay(from: try calendarDate("2025-03-07"), n: 3) == (try calendarDate("2025-03-12")))
        // A 3-day deadline from Friday lands on the closed Monday and moves to Tuesday.
        #expect(custom.dueDate(start: try calendarDate("2025-03-07"), addingDays: 3) == (try calendarDate("2025-03-11")))
        #expect(custom.workingDays(from: try calendarDate("2025-03-10"), through: try calendarDate("2025-03-14")) == 4)
        #expect(custom.extraClosedDays.count == 2)
    }

    @Test func workingDayCountsAreInclusiveOrHalfOpenAsNamed() throws {
        let monday = try calendarDate("2025-04-14"), sundayAfter = try calendarDate("2025-04-27")
        // 14, 15, 16, 22, 23, 24, 25: Skærtorsdag, Langfredag and 2. Påskedag are closed.
        #expect(calendar.workingDays(from: monday, through: sundayAfter) == 7)
        // [14, 22): 14, 15, 16; the 22nd itself is excluded.
        #expect(calendar.workingDays(from: monday, to: try calendarDate("2025-04-22")) == 3)
        #expect(calendar.workingDays(from: monday, through: try calendarDate("2025-04-22")) == 4)
        #expect(calendar.workingDays(from: monday, through: monday) == 1)
        #expect(calendar.workingDays(from: monday, to: monday) == 0)
        #expect(calendar.workingDays(from: sundayAfter, through: monday) == 0)
        #expect(calendar.workingDays(from: sundayAfter, to: monday) == 0)
        // A non-Store-Bededag year has 365 - 104 weekend days - closed weekdays:
        // 2025's closed weekdays: 1 Jan, 17, 18, 21 Apr, 29 May, 5 Jun, 9 Jun, 24, 25, 26, 31 Dec.
        #expect(calendar.workingDays(from: try calendarDate("2025-01-01"), through: try calendarDate("2025-12-31")) == 261 - 11)
    }

    @Test func dueDatesByCalendarDays() throws {
        // Lands on Langfredag; Påskedag and 2. Påskedag follow: moves to Tuesday.
        #expect(calendar.dueDate(start: try calendarDate("2025-04-04"), addingDays: 14) == (try calendarDate("2025-04-22")))
        // Lands on a working day: unchanged.
        #expect(calendar.dueDate(start: try calendarDate("2025-03-03"), addingDays: 7) == (try calendarDate("2025-03-10")))
        // Lands on Juleaftensdag: moves past Christmas and the weekend.
        #expect(calendar.dueDate(start: try calendarDate("2025-12-17"), addingDays: 7) == (try calendarDate("2025-12-29")))
    }

    @Test func dueDatesByMonths() throws {
        // RULES.md: 2025-01-31 + 1 month = 2025-02-28 (a Friday, so it stays).
        #expect(calendar.dueDate(start: try calendarDate("2025-01-31"), addingMonths: 1) == (try calendarDate("2025-02-28")))
        // Clamped to Saturday 2026-02-28, then moved to Monday 2026-03-02.
        #expect(calendar.dueDate(start: try calendarDate("2026-01-31"), addingMonths: 1) == (try calendarDate("2026-03-02")))
        // Clamped to Saturday 2025-05-31, moved to Monday 2025-06-02.
        #expect(calendar.dueDate(start: try calendarDate("2025-03-31"), addingMonths: 2) == (try calendarDate("2025-06-02")))
        // Lands on Langfredag 2025-04-18: moves to Tuesday 22 April.
        #expect(calendar.dueDate(start: try calendarDate("2025-03-18"), addingMonths: 1) == (try calendarDate("2025-04-22")))
    }

    @Test func sameDayDutiesNeverMove() throws {
        let saturday = try calendarDate("2025-03-08"), goodFriday = try calendarDate("2025-04-18")
        #expect(calendar.dueDate(start: saturday, addingDays: 0) == saturday)
        #expect(calendar.dueDate(start: goodFriday, addingDays: 0) == goodFriday)
        #expect(calendar.dueDate(start: saturday, addingMonths: 0) == saturday)
    }
}
