import Testing
@testable import RuleDSL

@Suite("Expr: function registry")
struct ExprRegistryTests {
    /// A toy domain function: the next weekday on or after a date.
    static var environment: ExprEnvironment {
        var functions = FunctionRegistry.standard
        functions.register("next_weekday", parameter: .date, result: .date) { value throws(EvalError) in
            guard case .date(var date) = value else { throw EvalError.failure("next_weekday needs a date") }
            while date.isoWeekday > 5 {
                guard let next = date.adding(days: 1) else { throw EvalError.failure("date out of range") }
                date = next
            }
            return .date(date)
        }
        functions.register("shout", parameters: (.string, .int), result: .string, member: true) { a, b throws(EvalError) in
            guard case .string(let text) = a, case .int(let count) = b, count >= 0 else {
                throw EvalError.failure("shout needs a string and a non-negative count")
            }
            return .string(text.uppercased() + String(repeating: "!", count: Int(count)))
        }
        var environment = ExprEnvironment(functions: functions)
        environment.declare("d", type: .date)
        return environment
    }

    @Test("registered functions check and run")
    func toyFunctions() {
        let saturday = ExprFixture.date("2025-03-08")
        #expect(exprValue("next_weekday(d)", environment: Self.environment, bindings: ["d": saturday])
            == ExprFixture.date("2025-03-10"))
        #expect(exprValue("next_weekday(d) == d + days(2)", environment: Self.environment, bindings: ["d": saturday]) == .bool(true))
        #expect(exprValue("'hi'.shout(2)", environment: Self.environment) == .string("HI!!"))
    }

    @Test("registered functions report their failures with the call's position")
    func failures() {
        let error = exprError("'a'.shout(-1)", environment: Self.environment)
        #expect(error?.message == "shout needs a string and a non-negative count")
        #expect(error?.offset == 4)
    }

    @Test("wrong argument types and call styles are compile errors", arguments: [
        ("next_weekday('2025-03-08')", "no matching overload for 'next_weekday' applied to (string)"),
        ("d.next_weekday()", "call it as a function"),
        ("shout('a', 1)", "call it as a method"),
        ("next_weekdays(d)", "did you mean 'next_weekday'?"),
    ])
    func checked(_ text: String, _ message: String) {
        let errors = exprCompileErrors(text, environment: Self.environment)
        #expect(errors.contains { $0.description.contains(message) }, "\(text): \(errors)")
    }
}
