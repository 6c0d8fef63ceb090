import Testing
@testable import RuleDSL

/// A result keeps its lists and message in a box it may share with its copies; it must still
/// behave as a plain value: a copy changed later never changes the original.
@Suite struct RuleResultTests {
    static let reference = LegalReference(law: "Serviceloven", provision: "§ 109")

    @Test func aBareResultHasEmptyListsAndNoMessage() {
        let result = RuleResult(outcome: .compliant)
        #expect(result.missing.isEmpty)
        #expect(result.evidence.isEmpty)
        #expect(result.legalBasis.isEmpty)
        #expect(result.errorMessage == nil)
    }

    @Test func whatTheInitializerIsGivenIsKept() {
        let result = RuleResult(outcome: .error, due: CivilDate(year: 2025, month: 3, day: 1), daysLate: 4,
                                missing: ["admission.date"], evidence: [(path: "age", value: .int(40))],
                                legalBasis: [Self.reference], errorMessage: "boom")
        #expect(result.outcome == .error)
        #expect(result.due == CivilDate(year: 2025, month: 3, day: 1))
        #expect(result.daysLate == 4)
        #expect(result.missing == ["admission.date"])
        #expect(result.evidence.map(\.path) == ["age"])
        #expect(result.evidence.first?.value == .int(40))
        #expect(result.legalBasis == [Self.reference])
        #expect(result.errorMessage == "boom")
    }

    @Test func settingAFieldOfABareResultKeepsTheOthersEmpty() {
        var result = RuleResult(outcome: .noncompliant)
        result.legalBasis = [Self.reference]
        #expect(result.legalBasis == [Self.reference])
        #expect(result.missing.isEmpty && result.evidence.isEmpty && result.errorMessage == nil)
        result.errorMessage = "late"
        #expect(result.errorMessage == "late")
        #expect(result.legalBasis == [Self.reference])
    }

    /// Tests compare results by their reflection: it must show the fields, not the box.
    @Test func reflectionShowsEveryField() {
        let result = RuleResult(outcome: .incomplete, due: CivilDate(year: 2025, month: 3, day: 1), daysLate: 2,
                                missing: ["departure.date"], evidence: [(path: "age", value: .int(40))],
                                legalBasis: [Self.reference], errorMessage: "boom")
        let text = String(reflecting: result)
        for part in ["incomplete", "2025-03-01", "departure.date", "age", "40", "Serviceloven", "boom"] {
            #expect(text.contains(part), "\(part) in \(text)")
        }
        var other = result
        other.missing = ["admission.date"]
        #expect(String(reflecting: other) != text)
    }

    @Test func changingACopyLeavesTheOriginalAsItWas() {
        let original = RuleResult(outcome: .incomplete, missing: ["departure.date"])
        var copy = original
        copy.missing.append("admission.date")
        copy.evidence = [(path: "departure.date", value: nil)]
        copy.errorMessage = "changed"
        #expect(original.missing == ["departure.date"])
        #expect(original.evidence.isEmpty)
        #expect(original.errorMessage == nil)
        #expect(copy.missing == ["departure.date", "admission.date"])
        #expect(copy.evidence.count == 1)
        #expect(copy.errorMessage == "changed")
        var second = copy
        second.missing = []
        #expect(copy.missing == ["departure.date", "admission.date"])
        #expect(second.missing.isEmpty)
        #expect(second.errorMessage == "changed")
    }
}
