extension Array {
    /// `self + other`, except that no new array is made when either side is empty: `+` makes
    /// one even for two empty arrays, and the lists of problems a record gathers are nearly
    /// always empty.
    func appending(_ other: [Element]) -> [Element] {
        if other.isEmpty { return self }
        if isEmpty { return other }
        return self + other
    }
}
