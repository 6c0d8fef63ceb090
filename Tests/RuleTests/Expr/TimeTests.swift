import Testing
@testable import RuleDSL

@Suite("Expr: timestamps and durations")
struct ExprTimeTests {
    @Test("evaluates", arguments: [
        ("timestamp('2024-01-01T00:00:00Z')", #"timestamp("2024-01-01T00:00:00Z")"#),
        ("timestamp('2024-01-01T01:30:00+01:30')", #"timestamp("2024-01-01T00:00:00Z")"#),
        ("timestamp('2024-01-01t00:00:00.123456789z')", #"timestamp("2024-01-01T00:00:00.123456789Z")"#),
        ("timestamp('0001-01-01T00:00:00Z')", #"timestamp("0001-01-01T00:00:00Z")"#),
        ("timestamp('9999-12-31T23:59:59.999999999Z')", #"timestamp("9999-12-31T23:59:59.999999999Z")"#),
        ("timestamp(0)", #"timestamp("1970-01-01T00:00:00Z")"#),
        ("int(timestamp('1970-01-02T00:00:00Z'))", "86400"),
        ("timestamp('2024-01-01T00:00:00Z') + duration('1.5s')", #"timestamp("2024-01-01T00:00:01.5Z")"#),
        ("duration('1.5s') + timestamp('2024-01-01T00:00:00Z')", #"timestamp("2024-01-01T00:00:01.5Z")"#),
        ("timestamp('2024-01-01T00:00:00Z') - duration('1ms')", #"timestamp("2023-12-31T23:59:59.999Z")"#),
        ("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z')", #"duration("86400s")"#),
        ("timestamp('2024-01-01T00:00:00Z') < timestamp('2024-01-01T00:00:00.000000001Z')", "true"),
        ("duration('1h30m')", #"duration("5400s")"#),
        ("duration('-1.5s')", #"duration("-1.5s")"#),
        ("duration('0')", #"duration("0s")"#),
        ("duration('1ms') + duration('2us') + duration('3ns')", #"duration("0.001002003s")"#),
        ("duration('0.5h')", #"duration("1800s")"#),
        ("duration('1h') - duration('2h')", #"duration("-3600s")"#),
        ("-duration('1.25s')", #"duration("-1.25s")"#),
        ("duration('1m') > duration('59s')", "true"),
        ("duration('315576000000s')", #"duration("315576000000s")"#),
        ("duration('-315576000000s')", #"duration("-315576000000s")"#),
        ("string(duration('1.5s'))", #""1.5s""#),
        ("string(timestamp('2024-01-01T00:00:00Z'))", #""2024-01-01T00:00:00Z""#),
        ("duration('3h25m').getHours()", "3"),
        ("duration('3h25m').getMinutes()", "205"),
        ("duration('-1.5s').getSeconds()", "-1"),
        ("duration('1.5s').getMilliseconds()", "1500"),
        ("type(duration('1s'))", "duration"),
        ("timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')", #"duration("315537897599s")"#),
    ])
    func evaluates(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    /// 2024-03-01T12:34:56.789Z is a Friday, day 60 of a leap year (0-based).
    @Test("accessors, in UTC and at fixed offsets", arguments: [
        ("getFullYear()", 2024), ("getMonth()", 2), ("getDate()", 1), ("getDayOfMonth()", 0),
        ("getDayOfWeek()", 5), ("getDayOfYear()", 60), ("getHours()", 12), ("getMinutes()", 34),
        ("getSeconds()", 56), ("getMilliseconds()", 789),
        ("getHours('UTC')", 12), ("getHours('+01:00')", 13), ("getHours('-05:30')", 7), ("getMinutes('-05:30')", 4),
        ("getDate('-13:00')", 29), ("getMonth('-13:00')", 1), ("getDayOfWeek('-13:00')", 4),
        ("getFullYear('Europe/Copenhagen')", 2024), ("getHours('Europe/Copenhagen')", 13),
    ])
    func accessors(_ call: String, _ expected: Int) {
        let text = "timestamp('2024-03-01T12:34:56.789Z').\(call)"
        #expect(exprValue(text) == .int(Int64(expected)), "\(text)")
    }

    @Test("ranges and malformed input are errors", arguments: [
        ("timestamp('0000-12-31T23:59:59Z')", "cannot convert"),
        ("timestamp('10000-01-01T00:00:00Z')", "cannot convert"),
        ("timestamp('2024-01-01T00:00:00')", "cannot convert"),
        ("timestamp('2024-02-30T00:00:00Z')", "cannot convert"),
        ("timestamp('0001-01-01T00:30:00+01:00')", "cannot convert"),
        ("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "out of range"),
        ("timestamp('0001-01-01T00:00:00Z') - duration('1ns')", "out of range"),
        ("duration('315576000001s')", "cannot convert"),
        ("duration('1d')", "cannot convert"),
        ("duration('')", "cannot convert"),
        ("duration('h')", "cannot convert"),
        ("duration('315576000000s') + duration('1s')", "out of range"),
        ("timestamp('2024-01-01T00:00:00Z').getHours('Mars/Base')", "unknown time zone"),
        ("timestamp('2024-01-01T00:00:00Z').getHours('+1:00')", "invalid time zone offset"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(exprError(text)?.message.contains(message) == true, "\(text): \(String(describing: exprError(text)))")
    }
}

@Suite("Expr: conversions and string functions")
struct ExprConversionTests {
    @Test("evaluates", arguments: [
        ("int('-42')", "-42"), ("uint('42')", "42u"), ("double('2.5')", "2.5"), ("double(1)", "1.0"),
        ("double(2u)", "2.0"), ("string(1)", #""1""#), ("string(2u)", #""2""#), ("string(1.5)", #""1.5""#),
        ("string(2.0)", #""2""#), ("string(true)", #""true""#), ("bool('true')", "true"), ("bool('f')", "false"),
        ("bytes('ab')", #"b"ab""#), ("int(dyn('7'))", "7"), ("dyn(1) == 1", "true"),
        ("'hello'.contains('ell')", "true"), ("'hello'.contains('')", "true"), ("''.contains('a')", "false"),
        ("'hello'.startsWith('he')", "true"), ("'hello'.endsWith('lo')", "true"), ("'hello'.endsWith('he')", "false"),
        ("'hello'.matches('^h.*o$')", "true"), ("matches('hello', 'ell')", "true"), ("'hello'.matches('^ell')", "false"),
        ("'ab12'.matches('[a-z]+\\\\d+')", "true"), ("'AB'.matches('(?i)ab')", "true"), ("'é'.matches('^.$')", "true"),
        ("'e\\u0301'.matches('^.$')", "false"),
        ("size([1, 2])", "2"), ("[1, 2].size()", "2"), ("size({'a': 1})", "1"), ("size(b'ab')", "2"),
    ])
    func evaluates(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("a constant invalid pattern is a compile error")
    func constantPattern() {
        let errors = exprCompileErrors("'a'.matches('(') || matches('b', '[')")
        #expect(errors.map(\.offset) == [12, 33])
        #expect(errors.first?.message == "invalid regular expression '('")
    }

    @Test("bad input is an error", arguments: [
        ("int('1.5')", "cannot convert"), ("uint('-1')", "cannot convert"), ("double('x')", "cannot convert"),
        ("bool('yes')", "cannot convert"), ("'a'.matches(['('][0])", "invalid regular expression"),
        ("int(dyn([]))", "no matching overload for 'int' applied to (list)"),
    ])
    func errors(_ text: String, _ message: String) {
        #expect(exprError(text)?.message.contains(message) == true, "\(text)")
    }
}
