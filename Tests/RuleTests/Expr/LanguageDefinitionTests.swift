import Testing
@testable import RuleDSL

/// Examples the CEL language definition gives, and how names, types and schemas resolve.
@Suite("Expr: language definition examples and name resolution")
struct ExprLanguageDefinitionTests {
    @Test("a name can be a function and a variable at once")
    func separateNamespaces() {
        var environment = ExprEnvironment()
        environment.declare("requests", type: .list(.string))
        environment.declare("size", type: .int)
        let value = exprValue("requests.size() > size", environment: environment,
                              bindings: ["requests": .list([.string("a"), .string("b")]), "size": .int(1)])
        #expect(value == .bool(true))
    }

    @Test("heterogeneous equality through dyn is false, not an error", arguments: [
        ("dyn(1) == 'a'", "false"), ("dyn('a') != 1", "true"), ("dyn([1]) == {'a': 1}", "false"),
        ("'a' in dyn([1, 'a'])", "true"), ("dyn(null) == 0", "false"),
    ])
    func heterogeneous(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected, "\(text)")
    }

    @Test("the logical operators commute over errors, as the definition's examples show", arguments: [
        ("false && (1/0 == 0)", "false"), ("(1/0 == 0) && false", "false"),
        ("true || (1/0 == 0)", "true"), ("(1/0 == 0) || true", "true"),
    ])
    func commutative(_ text: String, _ expected: String) {
        #expect(exprLiteral(exprValue(text)) == expected)
    }

    @Test("schema types map to checker types")
    func schemaMapping() {
        let doc = LocalizedText(da: "", en: "")
        let object = ObjectSchema(name: "Thing", fields: [
            FieldSchema("kind", .enumeration(["a", "b"]), nullable: false, doc: doc),
            FieldSchema("when", .date, nullable: true, doc: doc),
            FieldSchema("tags", .list(.string), doc: doc),
            FieldSchema("extra", .dyn, doc: doc),
        ])
        guard case .object(let type) = CELType(schema: .object(object)) else {
            Issue.record("not an object type")
            return
        }
        #expect(type.name == "Thing")
        #expect(type.fieldNames == ["kind", "when", "tags", "extra"])
        #expect(type.fields["kind"] == ObjectType.Field(.string))
        #expect(type.fields["when"] == ObjectType.Field(.date, nullable: true))
        #expect(type.fields["tags"]?.type == .list(.string))
        #expect(type.fields["extra"]?.type == .dyn)
        #expect(CELType(schema: .double) == .double)
    }

    @Test("programs list the paths they read")
    func referencedPaths() throws {
        let program = try ExprFixture.environment.compile(
            "case.woman.sex == 'female' && case.children.all(c, c.age > 1) && has(case.departure.date) && as_of > case.admitted")
        #expect(program.referencedPaths == ["case.woman.sex", "case.children[].age", "case.departure.date", "case.admitted"])
    }

    @Test("bindings ignore undeclared names and an unbound variable is an error")
    func bindings() throws {
        var environment = ExprEnvironment()
        environment.declare("x", type: .int)
        var bindings = environment.makeBindings()
        bindings["nope"] = .int(1)
        #expect(bindings["nope"] == nil)
        let program = try environment.compile("x + 1")
        #expect(throws: EvalError.self) { try program.evaluate(bindings) }
        if case .failure(let error) = program.result(bindings) {
            #expect(error.message == "no value bound for variable 'x'")
            #expect(!error.isMissing)
        } else {
            Issue.record("expected an error")
        }
        bindings["x"] = .int(1)
        #expect(try program.evaluate(bindings) == .int(2))
        if let slot = bindings.slot(of: "x") { bindings[slot: slot] = .int(41) }
        #expect(try program.evaluate(bindings) == .int(42))
    }
}
