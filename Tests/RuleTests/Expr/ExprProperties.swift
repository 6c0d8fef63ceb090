import Testing
import PropertyBased
@testable import RuleDSL

/// Laws checked on random input: literal printing round-trips through the lexer, integer
/// arithmetic matches checked Swift arithmetic, and int/double equality is exact.
@Suite("Expr: properties")
struct ExprProperties {
    /// Scalars from every plane, weighted toward the ones escapes and UTF-8 make interesting.
    static let scalars = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."\u{7F}"),
        Gen.unicodeScalar(in: "\u{80}"..."\u{D7FF}"),
        Gen.unicodeScalar(in: "\u{E000}"..."\u{FFFF}"),
        Gen.unicodeScalar(in: "\u{10000}"..."\u{10FFFF}")
    )
    static let strings = scalars.array(of: 0...12).map { scalars in
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }

    @Test func stringLiteralsRoundTrip() async {
        await propertyCheck(count: 500, input: Self.strings) { string in
            let literal = Display.literal(.string(string))
            let value = exprValue(literal)
            guard case .string(let parsed) = value else {
                Issue.record("not a string: \(literal)")
                return
            }
            #expect(parsed.unicodeScalars.elementsEqual(string.unicodeScalars))
            #expect(exprValue("size(\(literal))") == .int(Int64(string.unicodeScalars.count)))
        }
    }

    @Test func bytesLiteralsRoundTrip() async {
        await propertyCheck(count: 300, input: Gen<UInt8>.value(in: 0...255).array(of: 0...16)) { bytes in
            #expect(exprValue(Display.literal(.bytes(bytes))) == .bytes(bytes))
        }
    }

    @Test func integerArithmeticIsCheckedArithmetic() async {
        var environment = ExprEnvironment()
        environment.declare("a", type: .int)
        environment.declare("b", type: .int)
        let programs = ["a + b", "a - b", "a * b", "a / b", "a % b"].compactMap { try? environment.compile($0) }
        let template = environment.makeBindings()
        await propertyCheck(count: 500, input: Gen.int64(), Gen.int64(in: -1000...1000)) { a, b in
            var bindings = template
            bindings["a"] = .int(a)
            bindings["b"] = .int(b)
            let expected: [(partialValue: Int64, overflow: Bool)?] = [
                a.addingReportingOverflow(b), a.subtractingReportingOverflow(b), a.multipliedReportingOverflow(by: b),
                b == 0 ? nil : a.dividedReportingOverflow(by: b), b == 0 ? nil : a.remainderReportingOverflow(dividingBy: b),
            ]
            for (program, oracle) in zip(programs, expected) {
                switch (program.result(bindings), oracle) {
                case (.success(let value), .some(let result)) where !result.overflow:
                    #expect(value == .int(result.partialValue))
                case (.failure(let error), .some(let result)) where result.overflow:
                    #expect(error.message == "integer overflow")
                case (.failure(let error), nil):
                    #expect(error.message.hasSuffix("by zero"))
                default:
                    Issue.record("a = \(a), b = \(b): unexpected \(program.result(bindings))")
                }
            }
        }
    }

    @Test func intDoubleEqualityIsExact() async {
        var environment = ExprEnvironment()
        environment.declare("i", type: .int)
        let program = try? environment.compile("i == double(i) && !(i < double(i)) && !(i > double(i))")
        let template = environment.makeBindings()
        await propertyCheck(count: 500, input: Gen.int64()) { i in
            var bindings = template
            bindings["i"] = .int(i)
            let exactlyRepresentable = Double(i) < 9_223_372_036_854_775_808.0 && Int64(exactly: Double(i)) == i
            #expect(program?.result(bindings) == .success(.bool(exactlyRepresentable)), "i = \(i)")
        }
    }
}
