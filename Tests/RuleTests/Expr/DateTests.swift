import Testing
@testable import RuleDSL

@Suite("Expr: civil dates")
struct ExprDateTests {
    @Test("evaluates", arguments: [
        ("date('2025-03-03')", "date(\"2025-03-03\")"),
        ("date('2025-03-03') < date('2025-03-04')", "true"),
        ("date('2025-03-03') == date('2025-03-03')", "true"),
        ("date('2025-03-03') + days(14)", "date(\"2025-03-17\")"),
        ("date('2025-03-03') - days(3)", "date(\"2025-02-28\")"),
        ("date('2024-03-01') - days(1)", "date(\"2024-02-29\")"),
        ("date('2025-03-03') + duration('48h')", "date(\"2025-03-05\")"),
        ("add_months(date('2025-01-31'), 1)", "date(\"2025-02-28\")"),
        ("add_months(date('2024-01-31'), 1)", "date(\"2024-02-29\")"),
        ("add_months(date('2025-03-31'), -1)", "date(\"2025-02-28\")"),
        ("add_months(date('2025-11-15'), 3)", "date(\"2026-02-15\")"),
        ("days_between(date('2025-03-03'), date('2025-03-10'))", "7"),
        ("days_between(date('2025-03-10'), date('2025-03-03'))", "-7"),
        ("days_between(date('2024-01-01'), date('2025-01-01'))", "366"),
        ("date('2025-03-03').getDayOfWeek()", "1"),
        ("date('2025-03-03').getFullYear()", "2025"),
        ("date('2025-03-03').getMonth()", "2"),
        ("date('2025-03-03').getDate()", "3"),
        ("date('2025-12-31').getDayOfYear()", "364"),
        ("string(date('2025-03-03'))", "\"2025-03-03\""),
        ("date(timestamp('2025-03-03T23:30:00Z'))", "date(\"2025-03-03\")"),
        ("type(date('2025-03-03')) == date", "true"),
        ("days(1) == duration('24h')", "true"),
    ])
    func evaluates(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("errors", arguments: [
        ("date('2025-02-30')", "cannot convert"),
        ("date('2025-3-3')", "cannot convert"),
        ("date('2025-03-03') + duration('36h')", "only whole days"),
        ("date('9999-12-31') + days(1)", "out of range"),
        ("add_months(date('9999-12-01'), 1)", "out of range"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(exprError(text)?.message.contains(message) == true, "\(text)")
    }

    @Test("dates do not mix with timestamps or numbers", arguments: [
        "date('2025-03-03') < timestamp('2025-03-03T00:00:00Z')", "date('2025-03-03') + 1",
    ])
    func typeErrors(_ text: String) {
        #expect(!exprCompileErrors(text).isEmpty)
    }
}
