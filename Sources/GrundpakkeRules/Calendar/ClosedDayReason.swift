/// Why a day is not a working day.
public enum ClosedDayReason: Hashable, Sendable {
    /// Saturday (6) or Sunday (7), as an ISO weekday.
    case weekend(isoWeekday: Int)
    /// A Danish public holiday or deadline-free day.
    case holiday(DanishHoliday)
    /// A day the organisation closed itself (rule-pack parameter).
    case organisation

    public var danishName: String {
        switch self {
        case .weekend(let weekday): return weekday == 6 ? "Lørdag" : "Søndag"
        case .holiday(let holiday): return holiday.danishName
        case .organisation: return "Lukkedag"
        }
    }

    public var englishName: String {
        switch self {
        case .weekend(let weekday): return weekday == 6 ? "Saturday" : "Sunday"
        case .holiday(let holiday): return holiday.englishName
        case .organisation: return "Organisation closed day"
        }
    }
}
