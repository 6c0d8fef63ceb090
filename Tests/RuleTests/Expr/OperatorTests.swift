import Testing
@testable import RuleDSL

@Suite("Expr: operators and precedence")
struct ExprOperatorTests {
    @Test("evaluates", arguments: [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("10 - 4 - 3", "3"),
        ("2 * 3 % 4", "2"),
        ("-5 % 3", "-2"),
        ("7 / 2", "3"),
        ("-7 / 2", "-3"),
        ("7u / 2u", "3u"),
        ("7.0 / 2.0", "3.5"),
        ("--5", "5"),
        ("!true", "false"),
        ("!!true", "true"),
        ("1 < 2 && 2 < 3", "true"),
        ("true || false && false", "true"),
        ("(true || false) && false", "false"),
        ("1 + 1 == 2", "true"),
        ("1 == 1 == true", "true"),
        ("true ? 1 : 2", "1"),
        ("false ? 1 : true ? 2 : 3", "2"),
        ("false ? 1 : false ? 2 : 3", "3"),
        ("1 < 2 ? 'a' : 'b'", "\"a\""),
        ("'ab' + 'cd'", "\"abcd\""),
        ("[1, 2] + [3]", "[1, 2, 3]"),
        ("b'a' + b'b'", "b\"ab\""),
        ("2 in [1, 2, 3]", "true"),
        ("4 in [1, 2, 3]", "false"),
        ("'a' in {'a': 1}", "true"),
        ("'b' in {'a': 1}", "false"),
        ("[1, 2][1]", "2"),
        ("{'a': {'b': 5}}.a.b", "5"),
        ("{'a': {'b': 5}}['a']['b']", "5"),
        ("'abc' < 'abd'", "true"),
        ("b'a' < b'b'", "true"),
        ("false < true", "true"),
        ("2 >= 2", "true"),
        ("3 > 2.5", "true"),
        ("1 == 1.0", "true"),
        ("1u < 2", "true"),
        ("-1 < 0u", "true"),
        ("1u == 1.0", "true"),
        ("[1, 2] == [1.0, 2u]", "true"),
        ("{'a': 1} == {'a': 1.0}", "true"),
        ("{1: 'x'}[1u]", "\"x\""),
        ("1.0 in [1]", "true"),
        ("[1, [2]] == [1, [2]]", "true"),
        ("[1] != [2]", "true"),
        ("null == null", "true"),
        ("{'a': 1} != {'a': 2}", "true"),
        ("9223372036854775807 > 9223372036854775806.0", "false"),
        ("9007199254740993 > 9007199254740992.0", "true"),
        ("0.0/0.0 == 0.0/0.0", "false"),
        ("0.0/0.0 < 1.0", "false"),
        ("1.0/0.0", "Infinity"),
        ("[1, 2, 3][0u]", "1"),
        ("type(1) == int", "true"),
        ("type('a') == string", "true"),
        ("type(1) == string", "false"),
        ("type(type(1)) == type(string)", "true"),
        ("type(null)", "null_type"),
        ("type([1])", "list"),
        ("dyn(1) + 2", "3"),
    ])
    func evaluates(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("errors at run time", arguments: [
        ("1 / 0", "division by zero"),
        ("1 % 0", "modulus by zero"),
        ("1u / 0u", "division by zero"),
        ("[1][5]", "index out of range"),
        ("[1][-1]", "index out of range"),
        ("dyn(1) + dyn(1u)", "no matching overload"),
        ("dyn('a') < dyn(1)", "no matching overload"),
        ("dyn([1.5]).map(x, {x: 1})", "unsupported map key type"),
        ("dyn([1]).map(x, {x: 1, 1u: 2})", "duplicate map key"),
    ])
    func runtimeErrors(_ text: String, _ message: String) {
        let error = exprError(text)
        #expect(error?.message.contains(message) == true, "\(text): \(error?.message ?? "-")")
        #expect(error?.isMissing == false)
    }

    @Test("constant duplicate map keys are compile errors, across numeric kinds", arguments: [
        "{'a': 1, 'a': 2}", "{1: 'x', 1u: 'y'}", "{true: 1, true: 2}",
    ])
    func duplicateKeys(_ text: String) {
        #expect(exprCompileErrors(text).first?.message.contains("duplicate map key") == true)
    }

    @Test("mixed-type arithmetic is a type error", arguments: ["1 + 1u", "1 + 1.0", "1u * 2.0", "'a' + 1", "-1u"])
    func mixedArithmetic(_ text: String) {
        let errors = exprCompileErrors(text)
        #expect(errors.first?.message.contains("no matching overload") == true, "\(errors)")
    }
}
