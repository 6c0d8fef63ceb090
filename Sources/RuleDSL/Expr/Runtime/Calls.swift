/// Function calls: strict argument evaluation, then the overload the checker chose, or a
/// run-time choice among several when static types left it open (`dyn` arguments).
enum Calls {
    static func plan(_ name: String, overloads: [FunctionOverload], arguments: [Planner.Step], offset: Int) -> Planner.Step {
        if overloads.count == 1 {
            switch (overloads[0].implementation, arguments.count) {
            case (.unary(let body), 1):
                let a = arguments[0]
                return { frame throws(EvalError) in
                    let x = try a(frame)
                    do throws(EvalError) { return try body(x) } catch { throw error.located(at: offset) }
                }
            case (.binary(let body), 2):
                let a = arguments[0], b = arguments[1]
                return { frame throws(EvalError) in
                    let x = try a(frame), y = try b(frame)
                    do throws(EvalError) { return try body(x, y) } catch { throw error.located(at: offset) }
                }
            default:
                break
            }
        }
        return { frame throws(EvalError) in
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try argument(frame)) }
            let chosen = overloads.count == 1
                ? overloads[0]
                : overloads.first { overload in zip(values, overload.parameters).allSatisfy { $0.matches($1) } }
            guard let chosen else { throw EvalError.noOverload(name, values).located(at: offset) }
            do throws(EvalError) {
                switch chosen.implementation {
                case .unary(let body): return try body(values[0])
                case .binary(let body): return try body(values[0], values[1])
                case .nary(let body): return try body(values)
                }
            } catch {
                throw error.located(at: offset)
            }
        }
    }
}
