/// `+ - * / %` and unary minus. No implicit conversion between int, uint and double; integer
/// overflow and division by zero are errors, not wrap-around or traps.
extension FunctionRegistry {
    mutating func addArithmetic() {
        addNumeric("_+_", int: { a, b throws(EvalError) in try Lib.checked(a.addingReportingOverflow(b)) },
                   uint: { a, b throws(EvalError) in try Lib.checked(a.addingReportingOverflow(b)) },
                   double: { a, b in a + b })
        addNumeric("_-_", int: { a, b throws(EvalError) in try Lib.checked(a.subtractingReportingOverflow(b)) },
                   uint: { a, b throws(EvalError) in try Lib.checked(a.subtractingReportingOverflow(b)) },
                   double: { a, b in a - b })
        addNumeric("_*_", int: { a, b throws(EvalError) in try Lib.checked(a.multipliedReportingOverflow(by: b)) },
                   uint: { a, b throws(EvalError) in try Lib.checked(a.multipliedReportingOverflow(by: b)) },
                   double: { a, b in a * b })
        addNumeric("_/_", int: { a, b throws(EvalError) in
            guard b != 0 else { throw EvalError.failure("division by zero") }
            return try Lib.checked(a.dividedReportingOverflow(by: b))
        }, uint: { a, b throws(EvalError) in
            guard b != 0 else { throw EvalError.failure("division by zero") }
            return .uint(a / b)
        }, double: { a, b in a / b })
        addNumeric("_%_", int: { a, b throws(EvalError) in
            guard b != 0 else { throw EvalError.failure("modulus by zero") }
            return try Lib.checked(a.remainderReportingOverflow(dividingBy: b))
        }, uint: { a, b throws(EvalError) in
            guard b != 0 else { throw EvalError.failure("modulus by zero") }
            return .uint(a % b)
        }, double: nil)

        register("-_", parameter: .int, result: .int) { value throws(EvalError) in
            guard case .int(let int) = value else { throw EvalError.noOverload("-_", [value]) }
            return try Lib.checked(Int64(0).subtractingReportingOverflow(int))
        }
        register("-_", parameter: .double, result: .double) { value throws(EvalError) in
            guard case .double(let double) = value else { throw EvalError.noOverload("-_", [value]) }
            return .double(-double)
        }
        register("-_", parameter: .duration, result: .duration) { value throws(EvalError) in
            guard case .duration(let duration) = value else { throw EvalError.noOverload("-_", [value]) }
            guard let negated = duration.negated() else { throw EvalError.failure("duration out of range") }
            return .duration(negated)
        }

        register("_+_", parameters: (.string, .string), result: .string) { a, b throws(EvalError) in
            guard case .string(let x) = a, case .string(let y) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            return .string(x + y)
        }
        register("_+_", parameters: (.bytes, .bytes), result: .bytes) { a, b throws(EvalError) in
            guard case .bytes(let x) = a, case .bytes(let y) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            return .bytes(x + y)
        }
        register("_+_", parameters: (.list(.dyn), .list(.dyn)), result: .list(.dyn)) { a, b throws(EvalError) in
            guard case .list(let x) = a, case .list(let y) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            return .list(x + y)
        }
        addTimeArithmetic()
    }

    private mutating func addNumeric(
        _ name: String,
        int: @escaping @Sendable (Int64, Int64) throws(EvalError) -> Value,
        uint: @escaping @Sendable (UInt64, UInt64) throws(EvalError) -> Value,
        double: (@Sendable (Double, Double) -> Double)?
    ) {
        register(name, parameters: (.int, .int), result: .int) { a, b throws(EvalError) in
            guard case .int(let x) = a, case .int(let y) = b else { throw EvalError.noOverload(name, [a, b]) }
            return try int(x, y)
        }
        register(name, parameters: (.uint, .uint), result: .uint) { a, b throws(EvalError) in
            guard case .uint(let x) = a, case .uint(let y) = b else { throw EvalError.noOverload(name, [a, b]) }
            return try uint(x, y)
        }
        if let double {
            register(name, parameters: (.double, .double), result: .double) { a, b throws(EvalError) in
                guard case .double(let x) = a, case .double(let y) = b else { throw EvalError.noOverload(name, [a, b]) }
                return .double(double(x, y))
            }
        }
    }

    private mutating func addTimeArithmetic() {
        let range = EvalError.failure("timestamp or duration out of range")
        register("_+_", parameters: (.timestamp, .duration), result: .timestamp) { a, b throws(EvalError) in
            guard case .timestamp(let t) = a, case .duration(let d) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            guard let sum = t.adding(d) else { throw range }
            return .timestamp(sum)
        }
        register("_+_", parameters: (.duration, .timestamp), result: .timestamp) { a, b throws(EvalError) in
            guard case .duration(let d) = a, case .timestamp(let t) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            guard let sum = t.adding(d) else { throw range }
            return .timestamp(sum)
        }
        register("_+_", parameters: (.duration, .duration), result: .duration) { a, b throws(EvalError) in
            guard case .duration(let x) = a, case .duration(let y) = b else { throw EvalError.noOverload("_+_", [a, b]) }
            guard let sum = x.adding(y) else { throw range }
            return .duration(sum)
        }
        register("_-_", parameters: (.duration, .duration), result: .duration) { a, b throws(EvalError) in
            guard case .duration(let x) = a, case .duration(let y) = b else { throw EvalError.noOverload("_-_", [a, b]) }
            guard let difference = x.subtracting(y) else { throw range }
            return .duration(difference)
        }
        register("_-_", parameters: (.timestamp, .duration), result: .timestamp) { a, b throws(EvalError) in
            guard case .timestamp(let t) = a, case .duration(let d) = b else { throw EvalError.noOverload("_-_", [a, b]) }
            guard let difference = t.subtracting(d) else { throw range }
            return .timestamp(difference)
        }
        register("_-_", parameters: (.timestamp, .timestamp), result: .duration) { a, b throws(EvalError) in
            guard case .timestamp(let x) = a, case .timestamp(let y) = b else { throw EvalError.noOverload("_-_", [a, b]) }
            guard let difference = x.difference(y) else { throw range }
            return .duration(difference)
        }
    }
}
