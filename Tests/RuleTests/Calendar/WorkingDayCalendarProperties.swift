import Testing
import PropertyBased
import RuleDSL
@testable import GrundpakkeRules

/// Laws that must hold for every date, checked on random dates from 1890 to 2210.
@Suite("Calendar: working-day properties") struct WorkingDayCalendarProperties {
    let calendar = WorkingDayCalendar.danish

    /// An independent statement of the definition: Monday–Friday and not in the year's list.
    private func referenceIsWorkingDay(_ day: CivilDate) -> Bool {
        day.isoWeekday <= 5 && !DanishHolidays.closedDays(in: day.year).contains { $0.date == day }
    }

    @Test func isWorkingDayMatchesTheDefinition() async {
        await propertyCheck(count: 1000, input: calendarTestDates) { day in
            #expect(calendar.isWorkingDay(day) == referenceIsWorkingDay(day))
            // A day has a closing reason exactly when it is not a working day.
            #expect((calendar.closedDayName(day) == nil) == calendar.isWorkingDay(day))
        }
    }

    @Test func nthWorkingDayIsTheNthWorkingDayFromTheStart() async {
        await propertyCheck(count: 300, input: calendarTestDates, Gen.int(in: 1...60)) { start, n in
            let result = try #require(calendar.nthWorkingDay(from: start, n: n))
            #expect(calendar.isWorkingDay(result))
            #expect(result >= start)
            #expect(calendar.workingDays(from: start, through: result) == n)
        }
    }

    @Test func nthWorkingDayIsStrictlyIncreasingInN() async {
        await propertyCheck(count: 300, input: calendarTestDates, Gen.int(in: 1...60)) { start, n in
            let nth = try #require(calendar.nthWorkingDay(from: start, n: n))
            let next = try #require(calendar.nthWorkingDay(from: start, n: n + 1))
            #expect(next > nth)
            // Nothing working strictly between consecutive working days.
            #expect(calendar.workingDays(from: nth, to: next) == 1)
        }
    }

    @Test func nextWorkingDayIsTheFirstWorkingDayOnOrAfter() async {
        await propertyCheck(count: 500, input: calendarTestDates) { day in
            let next = try #require(calendar.nextWorkingDay(onOrAfter: day))
            #expect(calendar.isWorkingDay(next))
            #expect(next >= day)
            #expect(calendar.workingDays(from: day, to: next) == 0)
            #expect(calendar.isWorkingDay(day) == (next == day))
            // The longest Danish closed run (e.g. 24 Dec – 28 Dec with a weekend) is short.
            #expect(day.days(until: next) <= 5)
        }
    }

    @Test func dueDateByDaysRollsToTheNextWorkingDay() async {
        await propertyCheck(count: 500, input: calendarTestDates, Gen.int(in: 1...400)) { start, days in
            let raw = try #require(start.adding(days: days))
            let due = try #require(calendar.dueDate(start: start, addingDays: days))
            #expect(calendar.isWorkingDay(due))
            #expect(due >= raw)
            #expect(calendar.workingDays(from: raw, to: due) == 0) // none strictly between, nor raw itself unless due == raw
        }
    }

    @Test func dueDateByMonthsClampsThenRolls() async {
        await propertyCheck(count: 500, input: calendarTestDates, Gen.int(in: 1...36)) { start, months in
            let raw = try #require(start.adding(months: months))
            // Clamping: exactly `months` months later, on the same day or the month's last day.
            #expect((raw.year * 12 + raw.month) - (start.year * 12 + start.month) == months)
            #expect(raw.day == min(start.day, CivilDate.daysIn(month: raw.month, year: raw.year)))
            let due = try #require(calendar.dueDate(start: start, addingMonths: months))
            #expect(calendar.isWorkingDay(due))
            #expect(due >= raw)
            #expect(calendar.workingDays(from: raw, to: due) == 0)
        }
    }

    @Test func sameDayDueDatesNeverMove() async {
        await propertyCheck(count: 200, input: calendarTestDates) { day in
            #expect(calendar.dueDate(start: day, addingDays: 0) == day)
            #expect(calendar.dueDate(start: day, addingMonths: 0) == day)
        }
    }

    @Test func countsSplitAtAnyMidpoint() async {
        await propertyCheck(count: 300, input: calendarTestDates, Gen.int(in: 0...120), Gen.int(in: 0...120)) { a, x, y in
            let b = try #require(a.adding(days: x)), c = try #require(b.adding(days: y))
            #expect(calendar.workingDays(from: a, to: c)
                == calendar.workingDays(from: a, to: b) + calendar.workingDays(from: b, to: c))
            // The inclusive count is the half-open count plus the last day.
            #expect(calendar.workingDays(from: a, through: c)
                == calendar.workingDays(from: a, to: c) + (calendar.isWorkingDay(c) ? 1 : 0))
        }
    }

    @Test func anExtraClosedDayRemovesExactlyThatDay() async {
        await propertyCheck(count: 300, input: calendarTestDates, Gen.int(in: -20...20)) { extra, offset in
            let custom = WorkingDayCalendar(extraClosedDays: [extra])
            #expect(!custom.isWorkingDay(extra))
            let other = try #require(extra.adding(days: offset == 0 ? 1 : offset))
            #expect(custom.isWorkingDay(other) == calendar.isWorkingDay(other))
            let first = try #require(extra.adding(days: -10)), last = try #require(extra.adding(days: 10))
            #expect(custom.workingDays(from: first, through: last)
                == calendar.workingDays(from: first, through: last) - (calendar.isWorkingDay(extra) ? 1 : 0))
        }
    }
}
