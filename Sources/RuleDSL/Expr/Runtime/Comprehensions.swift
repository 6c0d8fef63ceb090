/// The iterating macros. `all` and `exists` absorb errors like `&&` and `||` do (one deciding
/// element settles the result); `exists_one`, `map` and `filter` are strict.
enum Comprehensions {
    static func plan(_ comprehension: CheckedNode.Comprehension, offset: Int) -> Planner.Step {
        let range = Planner.plan(comprehension.range)
        let slot = comprehension.slot
        let predicate = comprehension.predicate.map(Planner.plan)
        let transform = comprehension.transform.map(Planner.plan)
        let kind = comprehension.kind

        return { frame throws(EvalError) in
            let elements: [Value]
            switch try range(frame) {
            case .list(let list): elements = list
            case .map(let map): elements = map.keys
            case let other:
                throw EvalError.noOverload(kind.rawValue, [other]).located(at: offset)
            }
            func test(_ step: Planner.Step) throws(EvalError) -> Bool {
                let value = try step(frame)
                guard case .bool(let bool) = value else {
                    throw EvalError.noOverload(kind.rawValue, [value]).located(at: offset)
                }
                return bool
            }
            defer { frame.slots[slot] = nil }
            switch kind {
            case .all, .exists:
                let deciding = kind == .exists
                var pending: EvalError?
                for element in elements {
                    frame.slots[slot] = element
                    guard let predicate else { continue }
                    do throws(EvalError) {
                        if try test(predicate) == deciding { return .bool(deciding) }
                    } catch {
                        pending = Logic.merge(pending, error)
                    }
                }
                if let pending { throw pending }
                return .bool(!deciding)
            case .existsOne:
                var count = 0
                for element in elements {
                    frame.slots[slot] = element
                    if let predicate, try test(predicate) { count += 1 }
                }
                return .bool(count == 1)
            case .filter, .map:
                var results: [Value] = []
                for element in elements {
                    frame.slots[slot] = element
                    if let predicate, try !test(predicate) { continue }
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
