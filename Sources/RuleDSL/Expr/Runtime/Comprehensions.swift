/// The iterating macros. `all` and `exists` absorb errors like `&&` and `||` do (one deciding
/// element settles the result); `exists_one`, `map` and `filter` are strict.
enum Comprehensions {
    static func plan(_ comprehension: CheckedNode.Comprehension, offset: Int) -> Planner.Step {
        let range = Planner.plan(comprehension.range)
        let slot = comprehension.slot
        let kind = comprehension.kind
        // Steps are unwrapped here, once: a closure kept in an optional is called through a
        // conversion thunk.
        let always: Planner.Step = { _ in .bool(true) }
        let predicate: Planner.Step = comprehension.predicate.map { Planner.plan($0) } ?? always
        let hasPredicate = comprehension.predicate != nil
        let transform: Planner.Step? = comprehension.transform.map { Planner.plan($0) }

        @Sendable func elements(_ frame: Frame) throws(EvalError) -> [Value] {
            switch try range(frame) {
            case .list(let list): return list
            case .map(let map): return map.keys
            case let other: throw EvalError.noOverload(kind.rawValue, [other]).located(at: offset)
            }
        }
        @Sendable func test(_ frame: Frame) throws(EvalError) -> Bool {
            let value = try predicate(frame)
            guard case .bool(let bool) = value else {
                throw EvalError.noOverload(kind.rawValue, [value]).located(at: offset)
            }
            return bool
        }

        switch kind {
        case .all, .exists:
            let deciding = kind == .exists
            return { frame throws(EvalError) in
                let items = try elements(frame)
                defer { frame[slot] = nil }
                guard hasPredicate else { return .bool(!deciding) }
                var pending: EvalError?
                for element in items {
                    frame[slot] = element
                    do throws(EvalError) {
                        if try test(frame) == deciding { return .bool(deciding) }
                    } catch {
                        pending = Logic.merge(pending, error)
                    }
                }
                if let pending { throw pending }
                return .bool(!deciding)
            }
        case .existsOne:
            return { frame throws(EvalError) in
                let items = try elements(frame)
                defer { frame[slot] = nil }
                var count = 0
                for element in items {
                    frame[slot] = element
                    if hasPredicate, try test(frame) { count += 1 }
                }
                return .bool(count == 1)
            }
        case .filter, .map:
            return { frame throws(EvalError) in
                let items = try elements(frame)
                defer { frame[slot] = nil }
                var results: [Value] = []
                for element in items {
                    frame[slot] = element
                    if hasPredicate, try !test(frame) { continue }
                    if let transform {
                        results.append(try transform(frame))
                    } else {
                        results.append(element)
                    }
                }
                return .list(results)
            }
        }
    }
}
