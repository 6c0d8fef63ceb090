import Testing
@testable import RuleDSL

@Suite("Expr: macros")
struct ExprMacroTests {
    @Test("evaluates", arguments: [
        ("[1, 2, 3].all(x, x > 0)", "true"),
        ("[1, 2, 3].all(x, x > 1)", "false"),
        ("[].all(x, x > 1)", "true"),
        ("[1, 2, 3].exists(x, x > 2)", "true"),
        ("[].exists(x, true)", "false"),
        ("[1, 2, 3].exists_one(x, x > 2)", "true"),
        ("[1, 2, 3].exists_one(x, x > 1)", "false"),
        ("[1, 2, 3].map(n, n * n)", "[1, 4, 9]"),
        ("[1, 2, 3].map(n, n % 2 == 1, n * 10)", "[10, 30]"),
        ("[1, 2, 3].filter(i, i % 2 > 0)", "[1, 3]"),
        ("[1, 2, 3].filter(i, i > 5)", "[]"),
        ("{'a': 1, 'b': 2}.all(k, k.size() == 1)", "true"),
        ("{'a': 1, 'b': 2}.exists(k, k == 'b')", "true"),
        ("{'a': 1, 'b': 2}.map(k, k + k)", "[\"aa\", \"bb\"]"),
        ("[[1, 2], [3]].all(xs, xs.all(x, x > 0))", "true"),
        ("[1, 2].map(x, [3, 4].map(x, x * 2))", "[[6, 8], [6, 8]]"),
        ("[1, 2].exists(x, [3, 4].exists(y, x + y == 6))", "true"),
        ("has({'a': 1}.a)", "true"),
        ("has({'a': 1}.b)", "false"),
        ("[1, 2, 3].map(x, x).size()", "3"),
    ])
    func evaluates(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("misuse is a compile error", arguments: [
        ("[1].all(1, true)", "simple name"),
        ("[1].all(x, x)", "must be bool"),
        ("1.all(x, true)", "needs a list or map"),
        ("has(x)", "has() takes one field selection"),
        ("[1].all(x, y > 0)", "undeclared reference to 'y'"),
    ])
    func misuse(_ text: String, _ message: String) {
        let errors = exprCompileErrors(text)
        #expect(errors.contains { $0.message.contains(message) }, "\(text): \(errors)")
    }
}
