import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Message templates")
struct MessageRendererTests {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)!
    static let result = RuleResult(
        outcome: .noncompliant, due: CivilDate(year: 2025, month: 3, day: 17), daysLate: 4,
        evidence: [("admission.date", .date(CivilDate(year: 2025, month: 3, day: 3)!)), ("woman.sex", .string("male")),
                   ("case_id", .string("010190-1234")), ("notices.date", nil),
                   ("woman.note", .string("said \"no\"\n"))])

    static let templates = [
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
        ("{due}{as_of}", "2025-03-172025-06-30"),
        ("a {{due}} b {", "a {{due}} b {"),
        ("note {woman.note}", "note said \"no\"\n"),
        ("id {case_id} and \"{woman.sex}\"", "id [CPR] and \"male\""),
    ]

    @Test("placeholders are filled, unknown ones kept as written", arguments: templates)
    func rendered(_ template: String, _ expected: String) {
        #expect(MessageRenderer.render(template, result: Self.result, asOf: Self.asOf) == expected)
    }

    /// The JSON report fills the template straight into its bytes and quotes it there; what it
    /// writes must be the rendered message, quoted, whether it needs escapes or redaction or not.
    @Test("a template filled into a JSON report is the rendered message, quoted", arguments: templates)
    func writtenAsJSON(_ template: String, _ expected: String) {
        var out = PrettyJSONWriter(level: 2)
        out.raw("[")
        MessageTemplate(template).write(result: Self.result, asOf: Self.asOf, into: &out)
        var quoted: [UInt8] = Array("[".utf8)
        JSONValue.quote(expected, into: &quoted)
        #expect(out.written == quoted)
    }
}
