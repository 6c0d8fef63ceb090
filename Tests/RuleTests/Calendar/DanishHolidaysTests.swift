import Testing
import RuleDSL
@testable import GrundpakkeRules

@Suite("Calendar: Danish holidays") struct CalendarDanishHolidaysTests {
    /// 2025 in full, checked against the official Danish calendar (Easter 20 April).
    @Test func closedDaysOf2025() throws {
        let expected: [(String, DanishHoliday)] = [
            ("2025-01-01", .newYearsDay), ("2025-04-17", .maundyThursday), ("2025-04-18", .goodFriday),
            ("2025-04-20", .easterSunday), ("2025-04-21", .easterMonday), ("2025-05-29", .ascensionDay),
            ("2025-06-05", .constitutionDay), ("2025-06-08", .whitSunday), ("2025-06-09", .whitMonday),
            ("2025-12-24", .christmasEve), ("2025-12-25", .christmasDay), ("2025-12-26", .boxingDay),
            ("2025-12-31", .newYearsEve),
        ]
        let actual = DanishHolidays.closedDays(in: 2025)
        #expect(actual.map(\.date) == (try expected.map { try calendarDate($0.0) }))
        #expect(actual.map(\.holiday) == expected.map(\.1))
    }

    @Test func publicHolidaysExcludeTheDeadlineFreeDays() {
        let names = DanishHolidays.publicHolidays(in: 2025).map(\.holiday.danishName)
        #expect(names == [
            "Nytårsdag", "Skærtorsdag", "Langfredag", "Påskedag", "2. Påskedag",
            "Kristi Himmelfartsdag", "Pinsedag", "2. Pinsedag", "Juledag", "2. Juledag",
        ])
        #expect(!names.contains("Grundlovsdag"))
    }

    @Test func storeBededagUpToAndIncluding2023Only() throws {
        #expect(DanishHolidays.closedDays(in: 2023).contains(DatedHoliday(date: try calendarDate("2023-05-05"), holiday: .greatPrayerDay)))
        #expect(DanishHolidays.holiday(on: try calendarDate("2023-05-05")) == .greatPrayerDay)
        // 2024-04-26 would have been Store Bededag (Easter 31 March + 26 days): now a working day.
        #expect(DanishHolidays.holiday(on: try calendarDate("2024-04-26")) == nil)
        #expect(!DanishHolidays.closedDays(in: 2024).map(\.holiday).contains(.greatPrayerDay))
        #expect(WorkingDayCalendar.danish.isWorkingDay(try calendarDate("2024-04-26")))
        #expect(!WorkingDayCalendar.danish.isWorkingDay(try calendarDate("2023-05-05")))
    }

    @Test func yearlyCountAndPlacement() throws {
        for year in 1900...2200 {
            let days = DanishHolidays.closedDays(in: year)
            #expect(days.count == (year <= 2023 ? 14 : 13), "year \(year)")
            #expect(days.allSatisfy { $0.date.year == year })
            #expect(days.map(\.date) == days.map(\.date).sorted())
            let easter = try #require(Easter.sunday(year: year))
            for entry in days {
                switch entry.holiday {
                case .maundyThursday: #expect(entry.date.isoWeekday == 4)
                case .goodFriday, .greatPrayerDay: #expect(entry.date.isoWeekday == 5)
                case .easterSunday, .whitSunday: #expect(entry.date.isoWeekday == 7)
                case .easterMonday, .whitMonday: #expect(entry.date.isoWeekday == 1)
                case .ascensionDay: #expect(entry.date.isoWeekday == 4)
                default: break
                }
                if entry.holiday == .greatPrayerDay {
                    // "4th Friday after Easter": the Fridays after Easter are +5, +12, +19, +26.
                    #expect(easter.days(until: entry.date) == 26)
                }
            }
        }
    }

    /// 2022: Easter 17 April, so Pinsedag is 5 June, Grundlovsdag. Both are listed, the public
    /// holiday first, and the holiday is the name a lookup gives.
    @Test func sharedDatePrefersThePublicHoliday() throws {
        let fifthOfJune = try calendarDate("2022-06-05")
        let entries = DanishHolidays.closedDays(in: 2022).filter { $0.date == fifthOfJune }
        #expect(entries.map(\.holiday) == [DanishHoliday.whitSunday, .constitutionDay])
        #expect(DanishHolidays.holiday(on: fifthOfJune) == .whitSunday)
        #expect(WorkingDayCalendar.danish.closedDayName(fifthOfJune) == "Pinsedag")
    }

    @Test func everyHolidayHasDistinctNames() {
        let all = DanishHoliday.allCases
        #expect(Set(all.map(\.danishName)).count == all.count)
        #expect(Set(all.map(\.englishName)).count == all.count)
        #expect(DanishHoliday.greatPrayerDay.englishName == "Great Prayer Day")
        #expect(DanishHoliday.constitutionDay.kind == .closedDay)
        #expect(DanishHoliday.christmasDay.kind == .publicHoliday)
    }

    /// The precomputed table (1900–2200) and the on-demand path outside it give the same answer
    /// as a plain scan of `closedDays(in:)`.
    @Test func tableAgreesWithDirectComputation() throws {
        for year in [1850, 1899, 1900, 1901, 2023, 2024, 2199, 2200, 2201, 2500] {
            var byDate: [CivilDate: DanishHoliday] = [:]
            for entry in DanishHolidays.closedDays(in: year) where byDate[entry.date] == nil {
                byDate[entry.date] = entry.holiday
            }
            var day = try #require(CivilDate(year: year, month: 1, day: 1))
            while day.year == year {
                #expect(DanishHolidays.holiday(on: day) == byDate[day], "\(day)")
                #expect(HolidayTable.standard.isHoliday(day) == (byDate[day] != nil), "\(day)")
                day = try #require(day.adding(days: 1))
            }
        }
    }
}
