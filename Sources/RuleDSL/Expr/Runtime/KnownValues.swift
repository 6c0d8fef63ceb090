/// Variables whose values are fixed when an expression is compiled (a rule's `params`) become
/// constants in the checked tree, so that `params.working_days` is read once at compile time
/// instead of from a map for every record.
enum KnownValues {
    static func substitute(_ node: CheckedNode, _ known: [Int: Value]) -> CheckedNode {
        guard !known.isEmpty else { return node }
        var copy = node
        copy.kind = substitute(node.kind, known)
        return copy
    }

    private static func substitute(_ kind: CheckedNode.Kind, _ known: [Int: Value]) -> CheckedNode.Kind {
        func sub(_ node: CheckedNode) -> CheckedNode { substitute(node, known) }
        switch kind {
        case .constant: return kind
        case .variable(let slot, _):
            if let value = known[slot] { return .constant(value) }
            return kind
        case .select(var selection):
            selection.operand = sub(selection.operand)
            return .select(selection)
        case .index(let operand, let index, let path): return .index(operand: sub(operand), index: sub(index), path: path)
        case .not(let operand): return .not(sub(operand))
        case .and(let a, let b): return .and(sub(a), sub(b))
        case .or(let a, let b): return .or(sub(a), sub(b))
        case .conditional(let a, let b, let c): return .conditional(sub(a), sub(b), sub(c))
        case .equal(let a, let b, let negated): return .equal(sub(a), sub(b), negated: negated)
        case .order(let op, let a, let b): return .order(op, sub(a), sub(b))
        case .membership(let element, let container): return .membership(element: sub(element), container: sub(container))
        case .call(let name, let overloads, let arguments): return .call(name: name, overloads: overloads, arguments: arguments.map(sub))
        case .typeOf(let operand): return .typeOf(sub(operand))
        case .list(let elements): return .list(elements.map(sub))
        case .map(let entries): return .map(entries.map { (key: sub($0.key), value: sub($0.value)) })
        case .comprehension(var comprehension):
            comprehension.range = sub(comprehension.range)
            comprehension.predicate = comprehension.predicate.map(sub)
            comprehension.transform = comprehension.transform.map(sub)
            return .comprehension(comprehension)
        }
    }
}
