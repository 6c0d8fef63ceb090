/// `==`, `!=` and the orderings, with the shapes rules use most planned as single steps:
/// a comparison with `null` or with a constant string, and dates compared with dates.
enum Comparisons {
    static func equal(_ left: CheckedNode, _ right: CheckedNode, negated: Bool) -> Planner.Step {
        switch (left.kind, right.kind) {
        case (_, .constant(.null)):
            return isNull(Planner.plan(left), negated: negated)
        case (.constant(.null), _):
            return isNull(Planner.plan(right), negated: negated)
        case (_, .constant(.string(let text))):
            return equalsText(Planner.plan(left), text, negated: negated)
        case (.constant(.string(let text)), _):
            return equalsText(Planner.plan(right), text, negated: negated)
        default:
            let a = Planner.plan(left), b = Planner.plan(right)
            return { frame throws(EvalError) in
                let x = try a(frame), y = try b(frame)
                return .bool(Equality.equal(x, y) != negated)
            }
        }
    }

    /// `x == null`: only `null` equals `null`.
    private static func isNull(_ operand: @escaping Planner.Step, negated: Bool) -> Planner.Step {
        { frame throws(EvalError) in
            if case .null = try operand(frame) { return .bool(!negated) }
            return .bool(negated)
        }
    }

    /// `x == 'text'`: equal only to a string of the same code points.
    private static func equalsText(_ operand: @escaping Planner.Step, _ text: String, negated: Bool) -> Planner.Step {
        { frame throws(EvalError) in
            if case .string(let found) = try operand(frame) { return .bool(CodePoints.equal(found, text) != negated) }
            return .bool(negated)
        }
    }

    static func order(_ op: BinaryOperator, _ a: @escaping Planner.Step, _ b: @escaping Planner.Step, offset: Int) -> Planner.Step {
        switch op {
        case .less: return order(op.rawValue, a, b, offset: offset) { $0 == -1 }
        case .lessEqual: return order(op.rawValue, a, b, offset: offset) { $0 == -1 || $0 == 0 }
        case .greater: return order(op.rawValue, a, b, offset: offset) { $0 == 1 }
        default: return order(op.rawValue, a, b, offset: offset) { $0 == 1 || $0 == 0 }
        }
    }

    @inline(__always)
    private static func order(_ symbol: String, _ a: @escaping Planner.Step, _ b: @escaping Planner.Step, offset: Int,
                              accept: @escaping @Sendable (Int) -> Bool) -> Planner.Step {
        { frame throws(EvalError) in
            let x = try a(frame), y = try b(frame)
            if case .date(let first) = x, case .date(let second) = y {
                return .bool(accept(first < second ? -1 : (first == second ? 0 : 1)))
            }
            do throws(EvalError) {
                // compare() yields 2 for NaN, which no operator accepts.
                return .bool(accept(try Equality.compare(x, y, operator: symbol)))
            } catch {
                throw error.located(at: offset)
            }
        }
    }
}
