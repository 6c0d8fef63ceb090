import Testing
@testable import RuleDSL

@Suite("Expr: standalone evaluation and JSON values")
struct ExprStandaloneTests {
    static let asOf = CivilDate(year: 2025, month: 3, day: 3) ?? CivilDate(daysSinceEpoch: 0)!

    func json(_ text: String, _ variables: [(String, String)] = []) -> (String, Int) {
        let evaluation = StandaloneEvaluation(expression: text, variables: variables.map { (name: $0.0, literal: $0.1) },
                                              asOf: Self.asOf)
        switch evaluation.run() {
        case .value(let value): return (ValueJSON.result(value), 0)
        case .evaluationError(let error, _): return (ValueJSON.error(error.message), 1)
        case .invalid(let message): return (ValueJSON.error(message), 2)
        }
    }

    @Test("values encode as the CLI contract says", arguments: [
        ("1 + 2", #"{"value": 3, "type": "int"}"#),
        ("9223372036854775807", #"{"value": 9223372036854775807, "type": "int"}"#),
        ("18446744073709551615u", #"{"value": 18446744073709551615, "type": "uint"}"#),
        ("2.5", #"{"value": 2.5, "type": "double"}"#),
        ("0.0/0.0", #"{"value": "NaN", "type": "double"}"#),
        ("-1.0/0.0", #"{"value": "-Infinity", "type": "double"}"#),
        (#"b"\x00\xff""#, #"{"value": "AP8=", "type": "bytes"}"#),
        (#"b"abcd""#, #"{"value": "YWJjZA==", "type": "bytes"}"#),
        ("'a\"\\n'", #"{"value": "a\"\n", "type": "string"}"#),
        ("null", #"{"value": null, "type": "null"}"#),
        ("timestamp('2024-01-01T00:00:00.5Z')", #"{"value": "2024-01-01T00:00:00.5Z", "type": "timestamp"}"#),
        ("duration('1.5s')", #"{"value": "1.5s", "type": "duration"}"#),
        ("as_of", #"{"value": "2025-03-03", "type": "date"}"#),
        ("type(1)", #"{"value": "int", "type": "type"}"#),
        ("{'b': 1, 'a': [true, null]}", #"{"value": {"a": [true, null], "b": 1}, "type": "map"}"#),
        ("{2: 'x', 1: 'y'}", #"{"value": [[1, "y"], [2, "x"]], "type": "map"}"#),
    ])
    func encodes(_ text: String, _ expected: String) {
        #expect(json(text).0 == expected)
        #expect(json(text).1 == 0)
    }

    @Test("variables bind constant expressions")
    func variables() {
        #expect(json("n + 1u", [("n", "5u")]).0 == #"{"value": 6, "type": "uint"}"#)
        #expect(json("b.size()", [("b", #"b"\x00""#)]).0 == #"{"value": 1, "type": "int"}"#)
        #expect(json("t.getFullYear()", [("t", #"timestamp("2024-01-01T00:00:00Z")"#)]).0 == #"{"value": 2024, "type": "int"}"#)
        #expect(json("x", [("x", "1 +")]).1 == 2)
        #expect(StandaloneEvaluation.parseVariable("n=5u")?.literal == "5u")
        #expect(StandaloneEvaluation.parseVariable("a=b=c")?.literal == "b=c")
        #expect(StandaloneEvaluation.parseVariable("9x=1") == nil)
        #expect(StandaloneEvaluation.parseVariable("nothing") == nil)
    }

    @Test("errors say where and exit with 1 (evaluation) or 2 (compilation)")
    func errors() {
        #expect(json("1/0") == (#"{"error": "division by zero"}"#, 1))
        #expect(json("x") == (#"{"error": "1:1: undeclared reference to 'x'"}"#, 2))
        #expect(json("1 + 'a'").1 == 2)
    }
}
