/// A day on which Danish deadlines do not expire, by name.
///
/// Two kinds: the public holidays (helligdage) and three days that are not public holidays but on
/// which deadlines still do not expire (Grundlovsdag, Juleaftensdag, Nytårsaftensdag). Both close
/// the day for working-day counting; the kind is kept so reports can say which is which.
public enum DanishHoliday: String, CaseIterable, Hashable, Sendable {
    case newYearsDay
    case maundyThursday
    case goodFriday
    case easterSunday
    case easterMonday
    /// Abolished from 2024 (Act no. 113 of 28 February 2023); observed up to and including 2023.
    case greatPrayerDay
    case ascensionDay
    case whitSunday
    case whitMonday
    case constitutionDay
    case christmasEve
    case christmasDay
    case boxingDay
    case newYearsEve

    public enum Kind: Hashable, Sendable {
        /// A public holiday (helligdag).
        case publicHoliday
        /// Not a public holiday, but a day on which deadlines do not expire.
        case closedDay
    }

    public var kind: Kind {
        switch self {
        case .constitutionDay, .christmasEve, .newYearsEve: return .closedDay
        default: return .publicHoliday
        }
    }

    /// The last year Store Bededag was a public holiday.
    public static let lastGreatPrayerDayYear = 2023

    public var danishName: String {
        switch self {
        case .newYearsDay: return "Nytårsdag"
        case .maundyThursday: return "Skærtorsdag"
        case .goodFriday: return "Langfredag"
        case .easterSunday: return "Påskedag"
        case .easterMonday: return "2. Påskedag"
        case .greatPrayerDay: return "Store Bededag"
        case .ascensionDay: return "Kristi Himmelfartsdag"
        case .whitSunday: return "Pinsedag"
        case .whitMonday: return "2. Pinsedag"
        case .constitutionDay: return "Grundlovsdag"
        case .christmasEve: return "Juleaftensdag"
        case .christmasDay: return "Juledag"
        case .boxingDay: return "2. Juledag"
        case .newYearsEve: return "Nytårsaftensdag"
        }
    }

    public var englishName: String {
        switch self {
        case .newYearsDay: return "New Year's Day"
        case .maundyThursday: return "Maundy Thursday"
        case .goodFriday: return "Good Friday"
        case .easterSunday: return "Easter Sunday"
        case .easterMonday: return "Easter Monday"
        case .greatPrayerDay: return "Great Prayer Day"
        case .ascensionDay: return "Ascension Day"
        case .whitSunday: return "Whit Sunday"
        case .whitMonday: return "Whit Monday"
        case .constitutionDay: return "Constitution Day"
        case .christmasEve: return "Christmas Eve"
        case .christmasDay: return "Christmas Day"
        case .boxingDay: return "Boxing Day"
        case .newYearsEve: return "New Year's Eve"
        }
    }

    /// Where the day falls: a fixed month and day, or an offset in days from Easter Sunday.
    enum Placement {
        case fixed(month: Int, day: Int)
        case easter(offset: Int)
    }

    var placement: Placement {
        switch self {
        case .newYearsDay: return .fixed(month: 1, day: 1)
        case .maundyThursday: return .easter(offset: -3)
        case .goodFriday: return .easter(offset: -2)
        case .easterSunday: return .easter(offset: 0)
        case .easterMonday: return .easter(offset: 1)
        case .greatPrayerDay: return .easter(offset: 26) // 4th Friday after Easter
        case .ascensionDay: return .easter(offset: 39)
        case .whitSunday: return .easter(offset: 49)
        case .whitMonday: return .easter(offset: 50)
        case .constitutionDay: return .fixed(month: 6, day: 5)
        case .christmasEve: return .fixed(month: 12, day: 24)
        case .christmasDay: return .fixed(month: 12, day: 25)
        case .boxingDay: return .fixed(month: 12, day: 26)
        case .newYearsEve: return .fixed(month: 12, day: 31)
        }
    }

    /// Whether the day exists in `year` (only Store Bededag has come and gone).
    public func isObserved(in year: Int) -> Bool {
        self != .greatPrayerDay || year <= DanishHoliday.lastGreatPrayerDayYear
    }
}
