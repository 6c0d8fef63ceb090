import Testing
@testable import RuleDSL

/// Field paths of every depth (each depth has its own planned step, deeper ones a walk), read
/// where the records lie: the value at the end, a missing path naming the whole path up to the
/// absent key, a failure at the level that is not a record, and `has()` on the last key.
@Suite("Expr: field paths")
struct ExprFieldPathTests {
    static let keys = ["a", "b", "c", "d", "e"]

    static var environment: ExprEnvironment {
        var environment = ExprEnvironment()
        environment.declare("v", type: .dyn)
        return environment
    }

    /// `{a: {b: ... {<last>: 42}}}` over `depth` keys, with the key at `broken` (if any) replaced.
    static func nested(depth: Int, broken: Int? = nil, with replacement: Value? = nil) -> Value {
        var value = Value.int(42)
        for level in stride(from: depth - 1, through: 0, by: -1) {
            if level == broken {
                value = .map(MapValue(stringKeyed: replacement.map { [(keys[level], $0)] } ?? [("other", value)]))
            } else {
                value = .map(MapValue(stringKeyed: [("other", .int(0)), (keys[level], value)]))
            }
        }
        return value
    }

    static func path(_ depth: Int, upTo level: Int? = nil) -> String {
        "v." + keys.prefix((level ?? depth - 1) + 1).joined(separator: ".")
    }

    @Test("a path reads the value at its end", arguments: 1...5)
    func value(_ depth: Int) {
        let bindings = ["v": Self.nested(depth: depth)]
        #expect(exprValue(Self.path(depth), environment: Self.environment, bindings: bindings) == .int(42))
        #expect(exprValue("dyn(v)." + Self.path(depth).dropFirst(2), environment: Self.environment, bindings: bindings) == .int(42))
        #expect(exprValue("has(\(Self.path(depth)))", environment: Self.environment, bindings: bindings) == .bool(true))
    }

    @Test("an absent key is missing data naming the path up to it", arguments: 1...5)
    func absent(_ depth: Int) {
        for level in 0..<depth {
            let bindings = ["v": Self.nested(depth: depth, broken: level)]
            let error = exprError(Self.path(depth), environment: Self.environment, bindings: bindings)
            #expect(error?.missingPaths == [Self.path(depth, upTo: level)], "depth \(depth), absent at \(level)")
            // The offset is the selection's: where the absent key's name starts.
            #expect(error?.offset == Self.path(depth, upTo: level).count - Self.keys[level].count)
            let presence = exprEval("has(\(Self.path(depth)))", environment: Self.environment, bindings: bindings)
            if level == depth - 1 {
                #expect(presence == .success(.bool(false)))
            } else {
                #expect((try? presence?.get()) == nil)
                if case .failure(let error)? = presence { #expect(error.missingPaths == [Self.path(depth, upTo: level)]) }
            }
        }
    }

    @Test("a value that is not a record stops the path with a failure", arguments: 1...5)
    func notARecord(_ depth: Int) {
        for level in 0..<depth where level > 0 {
            for (replacement, type) in [(Value.int(7), "int"), (Value.null, "null_type"), (Value.list([]), "list")] {
                // The key before `level` holds a non-record, so selecting `keys[level]` from it fails.
                let bindings = ["v": Self.nested(depth: depth, broken: level - 1, with: replacement)]
                let error = exprError(Self.path(depth), environment: Self.environment, bindings: bindings)
                #expect(error?.isMissing == false)
                #expect(error?.message == "no such field '\(Self.keys[level])': \(type) has no fields", "depth \(depth) at \(level)")
            }
        }
    }

    @Test("a variable bound to nothing is a failure naming it")
    func unbound() {
        let environment = Self.environment
        let program = try? environment.compile("v.a.b")
        let error = program.flatMap { program -> EvalError? in
            if case .failure(let error) = program.result(environment.makeBindings()) { return error }
            return nil
        }
        #expect(error?.message == "no value bound for variable 'v'")
    }
}
