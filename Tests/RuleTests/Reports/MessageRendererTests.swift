import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Message templates")
struct MessageRendererTests {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)!
    static let result = RuleResult(
        outcome: .noncompliant, due: CivilDate(year: 2025, month: 3, day: 17), daysLate: 4,
        evidence: [("admission.date", .date(CivilDate(year: 2025, month: 3, day: 3)!)), ("woman.sex", .string("male")),
                   ("case_id", .string("010190-1234")), ("notices.date", nil)])

    @Test("placeholders are filled, unknown ones kept as written", arguments: [
        ("no placeholders at all", "no placeholders at all"),
        ("due {due}, {days_late} days late, as of {as_of}", "due 2025-03-17, 4 days late, as of 2025-06-30"),
        ("admitted {admission.date}", "admitted 2025-03-03"),
        ("admitted {case.admission.date}", "admitted 2025-03-03"),
        ("sex {child.woman.sex} / {woman.sex}", "sex male / male"),
        ("{unknown.path} and {case.}", "{unknown.path} and {case.}"),
        ("å {due} ø {as_of}æ", "å 2025-03-17 ø 2025-06-30æ"),
        ("unclosed {due", "unclosed {due"),
        ("{notices.date}", "{notices.date}"),
        ("id {case_id}", "id [CPR]"),
    ])
    func rendered(_ template: String, _ expected: String) {
        #expect(MessageRenderer.render(template, result: Self.result, asOf: Self.asOf) == expected)
    }
}
