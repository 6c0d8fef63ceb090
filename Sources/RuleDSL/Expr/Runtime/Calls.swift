/// Function calls: strict argument evaluation, then the overload the checker chose, or a
/// run-time choice among several when static types left it open (`dyn` arguments).
enum Calls {
    static func plan(_ name: String, overloads: [FunctionOverload], arguments nodes: [CheckedNode], offset: Int) -> Planner.Step {
        if overloads.count == 1 {
            // Arguments planned one by one, not taken out of an array: a closure kept in an
            // array is called through a conversion thunk every time.
            switch (overloads[0].implementation, nodes.count) {
            case (.unary(let body), 1):
                let a = Planner.plan(nodes[0])
                return { frame throws(EvalError) in
                    let x = try a(frame)
                    do throws(EvalError) { return try body(x) } catch { throw error.located(at: offset) }
                }
            case (.binary(let body), 2):
                let a = Planner.plan(nodes[0]), b = Planner.plan(nodes[1])
                return { frame throws(EvalError) in
                    let x = try a(frame), y = try b(frame)
                    do throws(EvalError) { return try body(x, y) } catch { throw error.located(at: offset) }
                }
            default:
                break
            }
        }
        let arguments = nodes.map(Planner.plan)
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
