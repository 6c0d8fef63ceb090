import Testing
@testable import RuleDSL

@Suite("Expr: literals and escapes")
struct ExprLiteralTests {
    /// The examples of CEL's language definition, plus every escape form.
    @Test("strings and bytes", arguments: [
        (#""""#, #""""#),
        (#"'""'"#, #""\"\"""#),
        (#"'''x''x'''"#, #""x''x""#),
        (#""\"""#, #""\"""#),
        (#""\\""#, #""\\""#),
        (#"r"\\""#, #""\\\\""#),
        (#"b"abc""#, #"b"abc""#),
        (#"b"ÿ""#, #"b"\xc3\xbf""#),
        (#"b"\303\277""#, #"b"\xc3\xbf""#),
        (#""\303\277""#, #""Ã¿""#),
        (#""\377""#, #""ÿ""#),
        (#"b"\377""#, #"b"\xff""#),
        (#""\xFF""#, #""ÿ""#),
        (#"b"\xFF""#, #"b"\xff""#),
        (#""\x41\X42""#, #""AB""#),
        (#""\u00e9""#, #""é""#),
        (#""\U0001F600""#, #""😀""#),
        (#""\uD83D\uDE00""#, #""😀""#),
        (#""\a\b\f\n\r\t\v""#, #""\x07\x08\x0c\n\r\t\x0b""#),
        (#""\?\`\'""#, #""?`'""#),
        (#"R'\n'"#, #""\\n""#),
        (#""""a"b""""#, #""a\"b""#),
        ("'''line1\nline2'''", #""line1\nline2""#),
        (#"rb'\x00'"#, #"b"\\x00""#),
        (#"BR'\x00'"#, #"b"\\x00""#),
        (#"b'\000\001'"#, #"b"\x00\x01""#),
    ])
    func strings(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("numbers, bools and null", arguments: [
        ("0", "0"), ("0x1F", "31"), ("0XfF", "255"), ("5u", "5u"), ("0x10u", "16u"), ("5U", "5u"),
        ("1.5", "1.5"), ("7.", "7.0"), ("7e0", "7.0"), ("1e3", "1000.0"), ("1.5E-3", "0.0015"), (".5", "0.5"),
        ("true", "true"), ("false", "false"), ("null", "null"),
        ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("18446744073709551615u", "18446744073709551615u"),
        ("// a comment\n1 // trailing\n", "1"),
    ])
    func numbers(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("malformed literals are located syntax errors", arguments: [
        (#""abc"#, 0, "unterminated string literal"),
        ("'a\nb'", 2, "line break in a string literal"),
        (#"'\q'"#, 1, "unknown escape sequence"),
        (#"'\x4'"#, 1, "2 hexadecimal digits"),
        (#"'\400'"#, 1, "unknown escape sequence"),
        (#"'\08'"#, 1, "octal escape needs three digits"),
        (#"b'\u0041'"#, 2, "not allowed in bytes literals"),
        (#"'\uD800'"#, 1, "not a valid Unicode code point"),
        (#"'\U00110000'"#, 1, "not a valid Unicode code point"),
        ("9223372036854775808", 0, "out of range for int"),
        ("18446744073709551616u", 0, "out of range"),
        ("1x", 1, "malformed number"),
        ("0x", 0, "needs digits"),
        ("1 = 1", 2, "unexpected '='"),
        ("a & b", 2, "unexpected '&'"),
        ("1 #", 2, "unexpected character '#'"),
        ("if", 0, "reserved word"),
        ("[1, 2", 5, "expected ',' or ']'"),
        ("{'a' 1}", 5, "expected ':'"),
        ("(1", 2, "expected ')'"),
        ("1 2", 2, "unexpected 2"),
        ("a.1", 1, "unexpected 0.1"),
        ("a.", 2, "expected a field or method name"),
    ])
    func malformed(_ text: String, _ offset: Int, _ message: String) {
        let errors = exprCompileErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.offset == offset, "\(text): \(errors)")
        #expect(errors.first?.message.contains(message) == true, "\(text): \(errors)")
    }
}

@Suite("Expr: integer boundaries")
struct ExprIntegerTests {
    @Test("stays in range", arguments: [
        ("9223372036854775807 - 1 + 1", "9223372036854775807"),
        ("-9223372036854775807 - 1", "-9223372036854775808"),
        ("18446744073709551615u - 1u + 1u", "18446744073709551615u"),
        ("-9223372036854775808 / 1", "-9223372036854775808"),
        ("int(9223372036854775807u)", "9223372036854775807"),
        ("uint(9223372036854775807)", "9223372036854775807u"),
        ("int(-1.9)", "-1"),
        ("int(1.9)", "1"),
        ("uint(2.9)", "2u"),
        ("-9223372036854775808 < 18446744073709551615u", "true"),
        ("18446744073709551615u > 9223372036854775807", "true"),
        ("double(9223372036854775807) == 9223372036854775807", "false"),
    ])
    func inRange(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("overflow is an error", arguments: [
        "9223372036854775807 + 1", "-9223372036854775808 - 1", "9223372036854775807 * 2",
        "-(-9223372036854775808)", "-9223372036854775808 / -1", "-9223372036854775808 % -1",
        "18446744073709551615u + 1u", "0u - 1u", "18446744073709551615u * 2u",
        "int(18446744073709551615u)", "uint(-1)", "int(9.3e18)", "int(0.0/0.0)", "uint(-1.0)", "int(1.0/0.0)",
    ])
    func overflow(_ text: String) {
        let error = exprError(text)
        #expect(error.map { $0.message.contains("overflow") || $0.message.contains("range") } == true, "\(text): \(String(describing: error))")
    }
}

@Suite("Expr: unicode strings")
struct ExprUnicodeTests {
    @Test("strings are code point sequences", arguments: [
        (#"size("é")"#, "1"),
        (#"size("e\u0301")"#, "2"),
        (#""e\u0301".size()"#, "2"),
        (#"size("😀")"#, "1"),
        (#"size("🇩🇰")"#, "2"),
        (#"size(b"é")"#, "2"),
        (#""é" == "e\u0301""#, "false"),
        (#""\u00e9" == "é""#, "true"),
        (#""e\u0301".startsWith("e")"#, "true"),
        (#""é".startsWith("e")"#, "false"),
        (#""naïve café".contains("ï")"#, "true"),
        (#""naïve".endsWith("ïve")"#, "true"),
        (#""a" < "é""#, "true"),
        (#""é" < "😀""#, "true"),
        (#""\uFFFF" < "\U00010000""#, "true"),
        (#"string(b"\xc3\xa9")"#, #""é""#),
        (#"bytes("é")"#, #"b"\xc3\xa9""#),
        (#""æøå" + "ÆØÅ""#, #""æøåÆØÅ""#),
        (#"{"é": 1}["é"]"#, "1"),
    ])
    func unicode(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("invalid UTF-8 bytes do not become a string")
    func invalidUTF8() {
        #expect(exprError(#"string(b"\xff")"#)?.message.contains("not valid UTF-8") == true)
    }
}
