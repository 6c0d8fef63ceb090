import Testing
@testable import RuleDSL

/// A rule's legal basis worked out by period gives, on every date, the references that are in
/// force that day, in the rule's order.
@Suite struct LegalBasisTimelineTests {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(iso: text) else { preconditionFailure(text) }
        return date
    }

    static let references = [
        LegalReference(law: "Serviceloven", provision: "§ 109"),
        LegalReference(law: "Serviceloven", provision: "§ 52", validTo: date("2023-12-31")),
        LegalReference(law: "Barnets Lov", provision: "§ 32", validFrom: date("2024-01-01")),
        LegalReference(law: "Forvaltningsloven", provision: "§ 7", validFrom: date("2024-03-01"), validTo: date("2024-03-01")),
        LegalReference(law: "Retssikkerhedsloven", provision: "§ 9", validFrom: date("2024-02-28"), validTo: date("2024-03-02")),
    ]

    @Test func everyDayGivesTheReferencesInForce() {
        let timeline = LegalBasisTimeline(Self.references)
        var day = Self.date("2023-12-01")
        while day <= Self.date("2024-04-01") {
            let expected = Self.references.filter { $0.isInForce(on: day) }
            #expect(timeline.inForce(on: day) == expected, "\(day)")
            guard let next = day.adding(days: 1) else { break }
            day = next
        }
        #expect(timeline.inForce(on: Self.date("1900-01-01")).map(\.provision) == ["§ 109", "§ 52"])
        #expect(timeline.inForce(on: Self.date("2024-03-01")).map(\.provision) == ["§ 109", "§ 32", "§ 7", "§ 9"])
        #expect(timeline.inForce(on: Self.date("9999-12-31")).map(\.provision) == ["§ 109", "§ 32"])
    }

    @Test func referencesWithoutPeriodsAreAlwaysInForce() {
        let plain = [LegalReference(law: "A", provision: "§ 1"), LegalReference(law: "B", provision: "§ 2")]
        #expect(LegalBasisTimeline(plain).inForce(on: Self.date("2025-06-30")) == plain)
        #expect(LegalBasisTimeline([]).inForce(on: Self.date("2025-06-30")).isEmpty)
    }
}
