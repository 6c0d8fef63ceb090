import Testing
@testable import RuleDSL

@Suite("Expr: error absorption in && and ||")
struct ExprAbsorptionTests {
    @Test("a deciding side wins over an error on either side", arguments: [
        ("1/0 == 1 || true", "true"),
        ("true || 1/0 == 1", "true"),
        ("false && 1/0 == 1", "false"),
        ("1/0 == 1 && false", "false"),
        ("[1/0 == 1, true].exists(x, x)", nil),
        ("[1, 0].exists(x, 1/x == 1)", "true"),
        ("[0, 1].exists(x, 1/x == 1)", "true"),
        ("[0, 2].all(x, 1/x == 1)", "false"),
        ("[2, 0].all(x, 1/x == 1)", "false"),
        ("true ? true : 1/0 == 1", "true"),
    ] as [(String, String?)])
    func absorbed(_ text: String, _ expected: String?) {
        if let expected {
            #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
        } else {
            #expect(exprError(text)?.message.contains("division by zero") == true)
        }
    }

    @Test("an undecided result keeps the error", arguments: [
        "1/0 == 1 || false", "false || 1/0 == 1", "true && 1/0 == 1", "1/0 == 1 && true",
        "[1, 0].all(x, 1/x == 1)", "[0, 2].exists(x, 1/x == 1)", "[1, 0].exists_one(x, 1/x == 1)",
        "[0].map(x, 1/x)", "[0].filter(x, 1/x == 1)", "false ? true : 1/0 == 1",
    ])
    func notAbsorbed(_ text: String) {
        #expect(exprError(text)?.message == "division by zero", "\(text)")
    }

    @Test("a non-bool operand is an error that can still be absorbed")
    func nonBoolOperands() {
        #expect(exprLiteral(exprValue("dyn(1) || true")) == "true")
        #expect(exprError("dyn(1) && true")?.message.contains("no matching overload for '_&&_'") == true)
    }
}
