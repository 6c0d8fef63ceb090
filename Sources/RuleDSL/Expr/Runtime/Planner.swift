/// Turns the checked tree into closures. Every decision that depends only on the expression
/// (slots, keys, overload candidates, paths) is made here, once, so evaluation does no lookup
/// by name.
enum Planner {
    typealias Step = @Sendable (Frame) throws(EvalError) -> Value

    static func plan(_ node: CheckedNode) -> Step {
        let offset = node.offset
        switch node.kind {
        case .constant(let value):
            return { _ in value }
        case .variable(let slot, let name):
            return { frame throws(EvalError) in
                guard let value = frame[slot] else {
                    throw EvalError(.failure("no value bound for variable '\(name)'"), offset: offset)
                }
                return value
            }
        case .select(let selection):
            return FieldPaths.plan(selection, offset: offset)
        case .index(let operand, let index, let path):
            return self.index(plan(operand), plan(index), path: path, offset: offset)
        case .not(let operand):
            let step = plan(operand)
            return { frame throws(EvalError) in
                let value = try step(frame)
                guard case .bool(let bool) = value else { throw EvalError.noOverload("!_", [value]).located(at: offset) }
                return .bool(!bool)
            }
        case .and(let left, let right):
            return Logic.and(plan(left), plan(right), offset: offset)
        case .or(let left, let right):
            return Logic.or(plan(left), plan(right), offset: offset)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let test = plan(condition), yes = plan(whenTrue), no = plan(whenFalse)
            return { frame throws(EvalError) in
                switch try test(frame) {
                case .bool(true): return try yes(frame)
                case .bool(false): return try no(frame)
                case let other: throw EvalError.noOverload("_?_:_", [other]).located(at: offset)
                }
            }
        case .equal(let left, let right, let negated):
            return Comparisons.equal(left, right, negated: negated)
        case .order(let op, let left, let right):
            return Comparisons.order(op, plan(left), plan(right), offset: offset)
        case .membership(let element, let container):
            let a = plan(element), b = plan(container)
            return { frame throws(EvalError) in
                let needle = try a(frame), haystack = try b(frame)
                switch haystack {
                case .list(let elements): return .bool(elements.contains { Equality.equal($0, needle) })
                case .map(let map): return .bool(map.lookup(needle) != nil)
                default: throw EvalError.noOverload("@in", [needle, haystack]).located(at: offset)
                }
            }
        case .call(let name, let overloads, let arguments):
            if name == "matches", arguments.count == 2, case .constant(.string(let pattern)) = arguments[1].kind,
               let step = RegexMatcher.planConstant(plan(arguments[0]), pattern: pattern, offset: offset) {
                return step
            }
            return Calls.plan(name, overloads: overloads, arguments: arguments, offset: offset)
        case .typeOf(let operand):
            let step = plan(operand)
            return { frame throws(EvalError) in .type(try step(frame).typeName) }
        case .list(let elements):
            // A literal of constants (`['stay', 'other']`) is built once, not on every evaluation.
            let constants = elements.compactMap { element -> Value? in
                if case .constant(let value) = element.kind { return value }
                return nil
            }
            if constants.count == elements.count {
                let value = Value.list(constants)
                return { _ in value }
            }
            let steps = elements.map(plan)
            return { frame throws(EvalError) in
                var values: [Value] = []
                values.reserveCapacity(steps.count)
                for step in steps { values.append(try step(frame)) }
                return .list(values)
            }
        case .map(let entries):
            return mapLiteral(entries.map { (plan($0.key), plan($0.value), $0.key.offset) })
        case .comprehension(let comprehension):
            return Comprehensions.plan(comprehension, offset: offset)
        }
    }

    private static func index(_ operand: @escaping Step, _ index: @escaping Step, path: String?, offset: Int) -> Step {
        { frame throws(EvalError) in
            let container = try operand(frame), key = try index(frame)
            switch container {
            case .list(let elements):
                let position: Int?
                switch key {
                case .int(let int): position = Int(exactly: int)
                case .uint(let uint): position = Int(exactly: uint)
                case .double(let double): position = Int(exactly: double)
                default: throw EvalError.noOverload("_[_]", [container, key]).located(at: offset)
                }
                guard let position, elements.indices.contains(position) else {
                    throw EvalError(.failure("index out of range: \(Display.literal(key)) (size \(elements.count))"),
                                    offset: offset)
                }
                return elements[position]
            case .map(let map):
                guard let value = map.lookup(key) else {
                    throw EvalError.missing(path ?? Display.literal(key), offset: offset)
                }
                return value
            default:
                throw EvalError.noOverload("_[_]", [container, key]).located(at: offset)
            }
        }
    }

    private static func mapLiteral(_ entries: [(Step, Step, Int)]) -> Step {
        { frame throws(EvalError) in
            var map = MapValue()
            for (keyStep, valueStep, keyOffset) in entries {
                let key = try keyStep(frame)
                switch key {
                case .int, .uint, .bool, .string: break
                default: throw EvalError(.failure("unsupported map key type: \(key.typeName)"), offset: keyOffset)
                }
                let value = try valueStep(frame)
                guard map.lookup(key) == nil else {
                    throw EvalError(.failure("duplicate map key \(Display.literal(key))"), offset: keyOffset)
                }
                map[key] = value
            }
            return .map(map)
        }
    }
}
