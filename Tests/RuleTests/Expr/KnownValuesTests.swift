import Testing
@testable import RuleDSL

/// A variable fixed at compile time (`ExprEnvironment.fix`) reads exactly like the same value
/// bound at run time: fields, missing keys, null records and comprehensions over it.
@Suite("Expr: values fixed when compiling") struct KnownValuesTests {
    static let settings: Value = .map(MapValue(stringKeyed: [
        ("days", .int(3)),
        ("kinds", .list([.string("stay"), .string("other")])),
        ("limits", .map(MapValue(stringKeyed: [("low", .int(6)), ("none", .null)]))),
    ]))

    static func environments() -> (bound: ExprEnvironment, fixed: ExprEnvironment) {
        var bound = ExprEnvironment()
        bound.declare("p", type: .dyn)
        bound.declare("n", type: .int)
        var fixed = bound
        fixed.fix("p", to: settings)
        return (bound, fixed)
    }

    @Test(arguments: [
        "p.days + n", "p.limits.low <= n", "p.kinds.exists(k, k == 'other')", "'stay' in p.kinds",
        "has(p.limits.none)", "p.limits.none == null", "p.limits.absent", "p.days.field", "p['days'] * 2",
        "has(p.nothing)", "p.nothing.deeper",
    ])
    func aFixedValueReadsLikeABoundOne(_ text: String) throws {
        let (bound, fixed) = Self.environments()
        let expected = try bound.compile(text).result({ var b = bound.makeBindings(); b["p"] = Self.settings; b["n"] = .int(7); return b }())
        // The fixed environment's bindings leave `p` unbound: the program must not need it.
        let actual = try fixed.compile(text).result({ var b = fixed.makeBindings(); b["n"] = .int(7); return b }())
        switch (expected, actual) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect(a.kind == b.kind)
        default: Issue.record("\(text): bound gives \(expected), fixed gives \(actual)")
        }
    }
}
