import RuleDSL

/// Easter Sunday by the Gregorian computus.
///
/// Five of the Danish closed days hang off Easter, so it is computed rather than tabulated:
/// the calendar must work for any year an old case file or a far-future test might mention.
public enum Easter {
    /// Month (3 or 4) and day of Easter Sunday in `year`.
    ///
    /// The anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms", after Jones/Butcher).
    /// It is exact for every Gregorian year and has no special cases; for years before 1583 it
    /// gives the proleptic Gregorian date, matching `CivilDate`'s proleptic calendar.
    public static func monthAndDay(year: Int) -> (month: Int, day: Int) {
        let a = year % 19                       // position in the 19-year Metonic cycle
        let b = year / 100, c = year % 100
        let d = b / 4, e = b % 4                 // leap-century correction
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3                  // lunar (Metonic drift) correction
        let h = (19 * a + b - d - g + 15) % 30   // days from 21 March to the Paschal full moon, roughly
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7 // days from the full moon to the following Sunday
        let m = (a + 11 * h + 22 * l) / 451      // the 19 and 25 April exceptions
        let n = h + l - 7 * m + 114
        return (month: n / 31, day: n % 31 + 1)
    }

    /// Easter Sunday of `year`, or nil outside `CivilDate`'s years 1...9999.
    public static func sunday(year: Int) -> CivilDate? {
        guard (1...9999).contains(year) else { return nil }
        let (month, day) = monthAndDay(year: year)
        return CivilDate(year: year, month: month, day: day)
    }
}
