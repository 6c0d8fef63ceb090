/// A calendar date without time or zone (proleptic Gregorian), years 1...9999.
///
/// Case records speak of days, not instants: an admission "on 2025-03-03" is the same day in every
/// time zone, so dates are kept as civil dates and all arithmetic is on whole days.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01: one integer, so that a date is as small as a value gets, and
    /// comparing, hashing and day arithmetic (what rules and working-day calendars do most)
    /// cost no conversion. Year, month and day are worked out when asked for.
    public let daysSinceEpoch: Int

    /// 0001-01-01 and 9999-12-31 as day numbers.
    private static let firstDay = -719_162
    private static let lastDay = 2_932_896

    public var year: Int { fields.year }
    public var month: Int { fields.month }
    public var day: Int { fields.day }

    /// Creates a date when the fields name a real calendar day (2025-02-30 does not).
    public init?(year: Int, month: Int, day: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        daysSinceEpoch = CivilDate.days(year: year, month: month, day: day)
    }

    /// Whether the fields name a real calendar day in years 1...9999, without working out
    /// which (for input that is only checked).
    public static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Howard Hinnant's days_from_civil, for valid fields.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, or nil outside years 1...9999.
    public init?(daysSinceEpoch days: Int) {
        guard days >= CivilDate.firstDay, days <= CivilDate.lastDay else { return nil }
        daysSinceEpoch = days
    }

    /// Howard Hinnant's civil_from_days.
    private var fields: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        let days = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        let offset = ((days % 7) + 7) % 7
        return (offset + 3) % 7 + 1
    }

    /// The date `count` days later (earlier when negative), or nil outside years 1...9999.
    public func adding(days count: Int) -> CivilDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(count)
        return overflow ? nil : CivilDate(daysSinceEpoch: sum)
    }

    /// The date `count` calendar months later, clamped to the last day of the target month
    /// (2025-01-31 + 1 month = 2025-02-28).
    public func adding(months count: Int) -> CivilDate? {
        let (year, month, day) = fields
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(count)
        guard !overflow else { return nil }
        let targetYear = total >= 0 ? total / 12 : (total - 11) / 12
        let targetMonth = total - targetYear * 12 + 1
        guard (1...9999).contains(targetYear) else { return nil }
        let clampedDay = min(day, CivilDate.daysIn(month: targetMonth, year: targetYear))
        return CivilDate(year: targetYear, month: targetMonth, day: clampedDay)
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    /// `YYYY-MM-DD`. Years are 1...9999, so it is always ten ASCII digits and dashes: written
    /// straight into a small string, which allocates nothing (reports print many dates).
    public var description: String {
        String(unsafeUninitializedCapacity: CivilDate.textLength) { text in
            writeText(into: text)
            return CivilDate.textLength
        }
    }

    /// The bytes of `description` appended to `bytes`, with no string made in between: a
    /// report writes dates into its bytes by the thousand (see `PrettyJSONWriter`).
    public func appendText(to bytes: inout OutputBuffer) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: CivilDate.textLength) { text in
            writeText(into: text)
            bytes.append(UnsafeBufferPointer(text))
        }
    }

    /// The length of `description` in bytes.
    static let textLength = 10

    /// `description`'s ten bytes written into `text`, which has room for them.
    private func writeText(into text: UnsafeMutableBufferPointer<UInt8>) {
        let (year, month, day) = fields
        func put(_ value: Int, at end: Int, width: Int) {
            var rest = value
            for index in stride(from: end, to: end - width, by: -1) {
                text[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        put(year, at: 3, width: 4)
        text[4] = UInt8(ascii: "-")
        put(month, at: 6, width: 2)
        text[7] = UInt8(ascii: "-")
        put(day, at: 9, width: 2)
    }
}
