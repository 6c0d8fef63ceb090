import Testing
import PropertyBased
import RuleDSL

/// Parses a test literal; a typo in a test date fails the test instead of trapping.
func calendarDate(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CivilDate {
    try #require(CivilDate(iso: text), "bad test date \(text)", sourceLocation: sourceLocation)
}

/// Day numbers for 1890-01-01 ... 2210-12-31: the whole tested range plus a margin on each side,
/// so generated dates also exercise the on-demand path outside the precomputed 1900–2200 table.
let calendarTestDayNumbers: ClosedRange<Int> = {
    let first = CivilDate(year: 1890, month: 1, day: 1)?.daysSinceEpoch ?? 0
    let last = CivilDate(year: 2210, month: 12, day: 31)?.daysSinceEpoch ?? 0
    return first...last
}()

/// Random civil dates over `calendarTestDayNumbers`; shrinks towards earlier dates.
let calendarTestDates = Gen.int(in: calendarTestDayNumbers).compactMap { CivilDate(daysSinceEpoch: $0) }
