/// A rule's legal references by period: which of them are in force on a given date, worked out
/// once when the rule is compiled. Every listed result of a rule needs its legal basis; filtering
/// the references for each one built a new array per result, while a rule's references change
/// only on the few dates where one of them starts or ends.
struct LegalBasisTimeline: Sendable {
    /// The first day (days since 1970-01-01) of each period after the first, ascending: the days
    /// a reference comes into force and the days after one ends.
    private let starts: [Int]
    /// The references in force in each period, in the rule's order; one more than `starts`.
    private let periods: [[LegalReference]]

    init(_ references: [LegalReference]) {
        var bounds = Set<Int>()
        for reference in references {
            if let from = reference.validFrom { bounds.insert(from.daysSinceEpoch) }
            if let to = reference.validTo { bounds.insert(to.daysSinceEpoch + 1) }
        }
        let starts = bounds.sorted()
        // A period is represented by its first day; the first period by the day before the first start.
        let firstDays = [starts.first.map { $0 - 1 } ?? 0] + starts
        periods = firstDays.map { day in references.filter { Self.isInForce($0, onDay: day) } }
        self.starts = starts
    }

    /// The references in force on `date`, as `LegalReference.isInForce(on:)` decides.
    func inForce(on date: CivilDate) -> [LegalReference] {
        let day = date.daysSinceEpoch
        var period = 0
        while period < starts.count, starts[period] <= day { period += 1 }
        return periods[period]
    }

    private static func isInForce(_ reference: LegalReference, onDay day: Int) -> Bool {
        if let from = reference.validFrom, day < from.daysSinceEpoch { return false }
        if let to = reference.validTo, day > to.daysSinceEpoch { return false }
        return true
    }
}
