import Testing
import PropertyBased
import RuleDSL
@testable import GrundpakkeRules

/// Gauss's Easter algorithm (Lichtenberg's formulation): a second, independently derived
/// computus to check the anonymous Gregorian algorithm against. Returns the day of March
/// (32 = 1 April).
private func gaussEasterMarchDay(_ year: Int) -> Int {
    let k = year / 100
    let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25   // secular moon shift
    let s = 2 - (3 * k + 3) / 4                        // secular sun shift
    let a = year % 19
    let d = (19 * a + m) % 30                          // seed for the first spring full moon
    let r = (d + a / 11) / 29                          // calendar correction
    let og = 21 + d - r                                // Easter full moon, as a March day
    let sz = 7 - (year + year / 4 + s) % 7             // first Sunday in March
    let oe = 7 - (og - sz) % 7                         // distance from the full moon to Sunday
    return og + oe
}

@Suite("Calendar: Easter") struct CalendarEasterTests {
    /// Known Easter Sundays, each cross-checked against Gauss's algorithm below and against
    /// published tables (e.g. 2008's unusually early 23 March, 2038's latest-possible-but-one 25 April).
    @Test(arguments: [
        "1900-04-15", "1954-04-18", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21",
        "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2038-04-25", "2100-03-28", "2200-04-06",
    ])
    func knownYears(_ text: String) throws {
        let expected = try calendarDate(text)
        #expect(Easter.sunday(year: expected.year) == expected)
        let gauss = gaussEasterMarchDay(expected.year)
        #expect((gauss <= 31 ? (3, gauss) : (4, gauss - 31)) == (expected.month, expected.day))
    }

    @Test func agreesWithGaussForEveryYear() {
        for year in 1583...9999 {
            let gauss = gaussEasterMarchDay(year)
            let (month, day) = Easter.monthAndDay(year: year)
            #expect((gauss <= 31 ? (3, gauss) : (4, gauss - 31)) == (month, day), "year \(year)")
        }
    }

    @Test func outsideCivilDateRangeIsNil() {
        #expect(Easter.sunday(year: 0) == nil)
        #expect(Easter.sunday(year: 10_000) == nil)
    }

    @Test func isASundayBetween22MarchAnd25April() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1583...9999)) { year in
            let easter = try #require(Easter.sunday(year: year))
            #expect(easter.isoWeekday == 7)
            #expect(easter >= (try #require(CivilDate(year: year, month: 3, day: 22))))
            #expect(easter <= (try #require(CivilDate(year: year, month: 4, day: 25))))
        }
    }
}
