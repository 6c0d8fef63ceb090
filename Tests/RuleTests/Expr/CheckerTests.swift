import Testing
@testable import RuleDSL

@Suite("Expr: checker errors with positions")
struct ExprCheckerTests {
    let environment = ExprFixture.environment

    @Test("reports what is wrong, where, and a suggestion", arguments: [
        ("case.woman.sx == 'female'", 11, "'Woman' has no field 'sx'", "did you mean 'sex'?"),
        ("case.wman.sex", 5, "'Case' has no field 'wman'", "did you mean 'woman'?"),
        ("cse.woman", 0, "undeclared reference to 'cse'", "did you mean 'case'?"),
        ("case.woman.age + 'x'", 15, "no matching overload for '+' applied to (int, string)", nil),
        ("case.woman.age == 'x'", 15, "cannot compare int with string", nil),
        ("case.admitted < 5", 14, "cannot order date and int", nil),
        ("case.woman.sex.size() > 0 && case.woman.age", 40, "'&&' needs bool operands, not int", nil),
        ("case.woman.age ? 1 : 2", 11, "the condition of '?:' must be bool", nil),
        ("case.children.all(c, c.agee > 1)", 23, "'Child' has no field 'agee'", "did you mean 'age'?"),
        ("case.admitted.foo", 14, "type 'date' has no fields", nil),
        ("sizee('a')", 0, "undeclared function 'sizee'", "did you mean 'size'?"),
        ("case.woman.age.contains('a')", 15, "no matching overload for 'contains' applied to (int, string)", nil),
        ("'a' in 1", 4, "'in' needs a list or map", nil),
        ("1 in ['a']", 2, "int can never be in list(string)", nil),
        ("case.children['x']", 14, "a list index must be int", nil),
        ("!case.woman.age", 0, "'!' needs a bool", nil),
    ] as [(String, Int, String, String?)])
    func diagnostics(_ text: String, _ offset: Int, _ message: String, _ hint: String?) {
        let errors = exprCompileErrors(text, environment: environment)
        #expect(errors.first?.offset == offset, "\(text): \(errors)")
        #expect(errors.first?.message.contains(message) == true, "\(text): \(errors)")
        if let hint { #expect(errors.first?.hint == hint, "\(text): \(errors)") }
    }

    @Test("several problems are reported together, in source order")
    func several() {
        let errors = exprCompileErrors("case.wman.sex == 'x' && case.woman.agee > 1", environment: environment)
        #expect(errors.map(\.offset) == [5, 35])
    }

    @Test("types flow from the schema")
    func types() throws {
        func type(_ text: String) throws -> CELType { try environment.compile(text).resultType }
        #expect(try type("case.woman.sex") == .string)
        #expect(try type("case.admitted") == .date)
        #expect(try type("case.children.map(c, c.age)") == .list(.int))
        #expect(try type("case.children[0]").description == "Child")
        #expect(try type("has(case.woman)") == .bool)
        #expect(try type("dyn(case).anything") == .dyn)
        #expect(try type("[1, 'a']") == .list(.dyn))
        #expect(try type("{'a': 1}.a") == .int)
    }

    @Test("an expected result type is enforced")
    func expected() {
        #expect(throws: ExprCompileError.self) { try environment.compile("case.woman.age", expecting: .bool) }
        #expect((try? environment.compile("case.woman.age > 1", expecting: .bool)) != nil)
        #expect((try? environment.compile("dyn(case).x", expecting: .bool)) != nil)
    }

    @Test("offsets map to file positions, also in YAML block scalars")
    func locations() {
        let text = "case.woman.age > 1 &&\n  case.woman.sexx == 'female'"
        var error: ExprCompileError?
        do { _ = try environment.compile(text, origin: SourceOrigin(file: "rules/c01.yaml", line: 12, column: 7, isBlockScalar: true)) }
        catch let caught { error = caught }
        let located = error?.located.first?.location
        #expect(located == RuleDSL.SourceLocation(file: "rules/c01.yaml", line: 13, column: 20))
        #expect(error?.description == "rules/c01.yaml:13:20: 'Woman' has no field 'sexx' (did you mean 'sex'?)")
        #expect(error?.asDiagnostics.first?.location?.line == 13)
        let flow = SourceOrigin(file: "r.yaml", line: 3, column: 12)
        #expect(flow.location(ofOffset: 6, in: "ab é x") == RuleDSL.SourceLocation(file: "r.yaml", line: 3, column: 17))
    }
}

@Suite("Expr: limits")
struct ExprLimitTests {
    // Arguments are long: keep them out of failure messages (see the prefix below).
    @Test("deep nesting is a located error, not a stack overflow", arguments: [
        String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
        String(repeating: "!", count: 5000) + "true",
        String(repeating: "-", count: 5001) + "1",
        Array(repeating: "1", count: 5000).joined(separator: " + "),
        "x" + String(repeating: ".f", count: 5000),
        String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000),
        String(repeating: "true ? 1 : ", count: 3000) + "2",
    ])
    func deep(_ text: String) {
        let errors = exprCompileErrors(text)
        #expect(errors.first?.message.contains("nests deeper than 200 levels") == true,
                "\(String(text.prefix(40))): \(errors.first?.description ?? "")")
    }

    @Test("moderate nesting still works")
    func moderate() {
        let text = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        #expect(exprValue(text) == .int(1))
        let sum = Array(repeating: "1", count: 150).joined(separator: " + ")
        #expect(exprValue(sum) == .int(150))
        let list = "[" + Array(repeating: "1", count: 5000).joined(separator: ", ") + "].size()"
        #expect(exprValue(list) == .int(5000))
    }

    @Test("overlong text is rejected with a located error")
    func length() {
        let text = "'" + String(repeating: "a", count: 100_000) + "'"
        let errors = exprCompileErrors(text)
        #expect(errors.first?.message.contains("the limit is 100000") == true)
        var environment = ExprEnvironment(limits: ExprLimits(maxLength: 100, maxDepth: 3))
        environment.declare("x", type: .int)
        #expect(exprCompileErrors("x + x + x + x", environment: environment).first?.message.contains("3 levels") == true)
    }
}

@Suite("Expr: programs are reentrant")
struct ExprConcurrencyTests {
    @Test("one program evaluated from many tasks at once")
    func concurrent() async throws {
        var environment = ExprEnvironment()
        environment.declare("n", type: .int)
        let program = try environment.compile("[1, 2, 3].map(x, x * n).filter(y, y > n).size() + n")
        let template = environment.makeBindings()
        let results = await withTaskGroup(of: (Int64, Value?).self) { group in
            for n in Int64(0)..<200 {
                group.addTask {
                    var bindings = template
                    bindings["n"] = .int(n)
                    return (n, try? program.evaluate(bindings))
                }
            }
            var collected: [(Int64, Value?)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        for (n, value) in results {
            let expected: Int64 = n == 0 ? 0 : 2 + n
            #expect(value == .int(expected), "n = \(n)")
        }
    }
}
