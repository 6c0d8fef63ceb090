/// `&&` and `||` with CEL's commutative error absorption: a deciding operand (`false` for `&&`,
/// `true` for `||`) wins over an error on the other side, whichever side it is on.
enum Logic {
    static func and(_ left: @escaping Planner.Step, _ right: @escaping Planner.Step, offset: Int) -> Planner.Step {
        { frame throws(EvalError) in
            var pending: EvalError?
            do throws(EvalError) {
                switch try left(frame) {
                case .bool(false): return .bool(false)
                case .bool(true): break
                case let other: pending = EvalError.noOverload("_&&_", [other]).located(at: offset)
                }
            } catch {
                pending = error
            }
            do throws(EvalError) {
                switch try right(frame) {
                case .bool(false): return .bool(false)
                case .bool(true): break
                case let other: pending = merge(pending, EvalError.noOverload("_&&_", [other]).located(at: offset))
                }
            } catch {
                pending = merge(pending, error)
            }
            if let pending { throw pending }
            return .bool(true)
        }
    }

    static func or(_ left: @escaping Planner.Step, _ right: @escaping Planner.Step, offset: Int) -> Planner.Step {
        { frame throws(EvalError) in
            var pending: EvalError?
            do throws(EvalError) {
                switch try left(frame) {
                case .bool(true): return .bool(true)
                case .bool(false): break
                case let other: pending = EvalError.noOverload("_||_", [other]).located(at: offset)
                }
            } catch {
                pending = error
            }
            do throws(EvalError) {
                switch try right(frame) {
                case .bool(true): return .bool(true)
                case .bool(false): break
                case let other: pending = merge(pending, EvalError.noOverload("_||_", [other]).located(at: offset))
                }
            } catch {
                pending = merge(pending, error)
            }
            if let pending { throw pending }
            return .bool(false)
        }
    }

    static func merge(_ first: EvalError?, _ second: EvalError) -> EvalError {
        first.map { $0.combined(with: second) } ?? second
    }
}
