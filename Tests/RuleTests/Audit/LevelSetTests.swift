import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The bit set a record's tally keeps its unwaived levels in must behave as the `Set` the
/// report holds.
@Suite struct LevelSetTests {
    @Test func insertingAndJoiningGiveTheLevelsOfASet() {
        var set = LevelSet()
        #expect(set.levels.isEmpty)
        #expect(!set.contains(.requirement))
        set.insert(.recommendation)
        set.insert(.recommendation)
        #expect(set.levels == [.recommendation])
        var other = LevelSet()
        other.insert(.requirement)
        set.formUnion(other)
        #expect(set.levels == Set(Rule.Level.allCases))
        #expect(set.contains(.requirement) && set.contains(.recommendation))
        #expect(other.levels == [.requirement])
    }
}
