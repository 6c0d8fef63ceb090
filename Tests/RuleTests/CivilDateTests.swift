import Testing
@testable import RuleDSL

@Suite struct CivilDateTests {
    @Test(arguments: ["2025-02-30", "2025-13-01", "2025-00-10", "25-01-01", "2025-1-01", "2024-02-30", "0000-01-01"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
    }

    @Test("prints as four-digit year, month and day at both ends of the range", arguments: [
        "0001-01-01", "0099-10-09", "1970-01-01", "2025-12-31", "9999-12-31",
    ])
    func printsPadded(_ text: String) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.description == text)
        // Written as bytes after what is already there, it is the same text.
        var bytes = OutputBuffer(capacity: 0)
        bytes.append("at ")
        date.appendText(to: &bytes)
        #expect(bytes.array == Array("at \(text)".utf8))
    }

    @Test func weekdays() throws {
        #expect(try #require(CivilDate(iso: "2025-03-07")).isoWeekday == 5)
        #expect(try #require(CivilDate(iso: "1970-01-01")).isoWeekday == 4)
        #expect(try #require(CivilDate(iso: "2000-01-02")).isoWeekday == 7)
    }

    @Test func roundTripsThroughDayNumbers() throws {
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let date = try #require(CivilDate(daysSinceEpoch: days))
            #expect(date.daysSinceEpoch == days)
        }
    }

    @Test func monthArithmeticClampsToMonthEnd() throws {
        let date = try #require(CivilDate(iso: "2025-01-31"))
        #expect(date.adding(months: 1)?.description == "2025-02-28")
        #expect(try #require(CivilDate(iso: "2024-01-31")).adding(months: 1)?.description == "2024-02-29")
        #expect(date.adding(months: -2)?.description == "2024-11-30")
        #expect(date.adding(months: 3)?.description == "2025-04-30")
    }
}
