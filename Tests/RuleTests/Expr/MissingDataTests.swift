import Testing
@testable import RuleDSL

/// A small record schema in the shape the domain declares: nested objects, nullable fields.
enum ExprFixture {
    static let doc = LocalizedText(da: "", en: "")
    static let woman = ObjectSchema(name: "Woman", fields: [
        FieldSchema("sex", .enumeration(["female", "male"]), doc: doc),
        FieldSchema("anonymous", .bool, nullable: true, doc: doc),
        FieldSchema("age", .int, doc: doc),
    ])
    static let departure = ObjectSchema(name: "Departure", fields: [
        FieldSchema("date", .date, nullable: true, doc: doc),
        FieldSchema("aftercare_offered", .bool, nullable: true, doc: doc),
        FieldSchema("reasons", .list(.string), nullable: true, doc: doc),
    ])
    static let caseSchema = ObjectSchema(name: "Case", fields: [
        FieldSchema("woman", .object(woman), doc: doc),
        FieldSchema("departure", .object(departure), nullable: true, doc: doc),
        FieldSchema("admitted", .date, doc: doc),
        FieldSchema("flags", .list(.bool), nullable: true, doc: doc),
        FieldSchema("children", .list(.object(ObjectSchema(name: "Child", fields: [
            FieldSchema("age", .int, doc: doc),
        ]))), doc: doc),
    ])

    static var environment: ExprEnvironment {
        var environment = ExprEnvironment()
        environment.declare("case", schema: .object(caseSchema))
        environment.declare("as_of", type: .date)
        return environment
    }

    static func record(_ pairs: [(String, Value)]) -> Value { .map(MapValue(stringKeyed: pairs)) }

    static func date(_ text: String) -> Value {
        CivilDate(iso: text).map(Value.date) ?? .null
    }
}

@Suite("Expr: missing data")
struct ExprMissingDataTests {
    let environment = ExprFixture.environment

    func bindings(_ record: Value) -> [String: Value] {
        ["case": record, "as_of": ExprFixture.date("2025-06-01")]
    }

    @Test("an absent field is a missing error naming its path")
    func absentField() {
        let record = ExprFixture.record([("woman", ExprFixture.record([("age", .int(30))]))])
        let error = exprError("case.woman.sex == 'female'", environment: environment, bindings: bindings(record))
        #expect(error?.missingPaths == ["case.woman.sex"])
        #expect(error?.offset == 11)
        let outer = exprError("case.admitted < as_of", environment: environment, bindings: bindings(ExprFixture.record([])))
        #expect(outer?.missingPaths == ["case.admitted"])
    }

    @Test("a known false or true decides despite missing data")
    func absorbedMissing() {
        let record = ExprFixture.record([("woman", ExprFixture.record([("age", .int(30)), ("anonymous", .bool(false))]))])
        let b = bindings(record)
        #expect(exprValue("case.woman.sex == 'female' && case.woman.anonymous", environment: environment, bindings: b) == .bool(false))
        #expect(exprValue("case.woman.age > 18 || case.woman.sex == 'female'", environment: environment, bindings: b) == .bool(true))
        let both = exprError("case.woman.sex == 'female' && case.admitted < as_of", environment: environment, bindings: b)
        #expect(both?.missingPaths == ["case.woman.sex", "case.admitted"])
        let repeated = exprError("case.admitted < as_of || case.admitted > as_of || case.woman.age > 50",
                                 environment: environment, bindings: b)
        #expect(repeated?.missingPaths == ["case.admitted"])
    }

    @Test("a failure is preferred over missing data when neither decides")
    func failureWins() {
        let record = ExprFixture.record([("woman", ExprFixture.record([("age", .int(0))]))])
        let b = bindings(record)
        let left = exprError("case.woman.sex == 'female' || 10 / case.woman.age > 1", environment: environment, bindings: b)
        #expect(left?.message == "division by zero")
        let right = exprError("10 / case.woman.age > 1 || case.woman.sex == 'female'", environment: environment, bindings: b)
        #expect(right?.message == "division by zero")
    }

    @Test("has() tests presence; missing paths inside comprehensions name the list")
    func presenceAndComprehensions() {
        let record = ExprFixture.record([
            ("woman", ExprFixture.record([("age", .int(30))])),
            ("children", .list([ExprFixture.record([("age", .int(4))]), ExprFixture.record([])])),
        ])
        let b = bindings(record)
        #expect(exprValue("has(case.woman.age) && !has(case.woman.sex)", environment: environment, bindings: b) == .bool(true))
        #expect(exprValue("case.children.exists(c, c.age < 5)", environment: environment, bindings: b) == .bool(true))
        let error = exprError("case.children.all(c, c.age < 5)", environment: environment, bindings: b)
        #expect(error?.missingPaths == ["case.children[].age"])
        #expect(exprError("has(case.departure.date)", environment: environment, bindings: b)?.missingPaths == ["case.departure"])
    }

    @Test("indexing a map with an absent key is missing data too")
    func absentKey() {
        let record = ExprFixture.record([("woman", ExprFixture.record([]))])
        let error = exprError("case['woman']['sex'] == 'x'", environment: environment, bindings: bindings(record))
        #expect(error?.missingPaths == ["case['woman']['sex']"])
    }
}

@Suite("Expr: record null semantics")
struct ExprNullRecordTests {
    let environment = ExprFixture.environment

    @Test("a null record reads as one whose fields are all null", arguments: [
        ("case.departure == null", "true"),
        ("case.departure.date == null", "true"),
        ("case.departure.aftercare_offered", "false"),
        ("case.departure.reasons", "[]"),
        ("case.departure.reasons.size()", "0"),
        ("has(case.departure.date)", "true"),
        ("case.flags", "[]"),
    ])
    func nullRecord(_ text: String, _ expected: String) {
        let record = ExprFixture.record([("departure", .null), ("flags", .null)])
        #expect(exprLiteral(exprValue(text, environment: environment, bindings: ["case": record])) == expected, "\(text)")
    }

    @Test("null fields of a present record: bool reads false, list reads [], dates stay null", arguments: [
        ("case.departure.aftercare_offered", "false"),
        ("case.departure.reasons", "[]"),
        ("case.departure.date", "null"),
        ("case.departure.date != null && case.departure.date > as_of", "false"),
    ])
    func nullFields(_ text: String, _ expected: String) {
        let departure = ExprFixture.record([("date", .null), ("aftercare_offered", .null), ("reasons", .null)])
        let record = ExprFixture.record([("departure", departure)])
        let b: [String: Value] = ["case": record, "as_of": ExprFixture.date("2025-06-01")]
        #expect(exprLiteral(exprValue(text, environment: environment, bindings: b)) == expected, "\(text)")
    }

    @Test("a null date used in arithmetic is an error, not missing data")
    func nullDateArithmetic() {
        let record = ExprFixture.record([("departure", .null)])
        let error = exprError("case.departure.date < as_of", environment: environment,
                              bindings: ["case": record, "as_of": ExprFixture.date("2025-06-01")])
        #expect(error?.isMissing == false)
        #expect(error?.message.contains("no matching overload for '_<_' applied to (null_type, date)") == true)
    }

    @Test("selecting from null without a declared record type is an error")
    func dynNull() {
        #expect(exprError("dyn(null).a")?.message.contains("no such field 'a'") == true)
    }
}
