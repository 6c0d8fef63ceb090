/// Works out which fields of its variables a checked expression can read, so that a decoder
/// may leave everything else unbuilt (`FieldSelection`).
///
/// It errs on the side of reading more: a variable or field used as a value (compared, passed
/// to a function, indexed, iterated as a map) is read whole; only a chain of field selections
/// (`case.notices.payment_contact.date`) and a list that a comprehension walks item by item
/// narrow what is read.
struct FieldReads {
    /// Selections by the name of the declared variable they start from.
    private(set) var selections: [String: FieldSelection] = [:]
    /// The path each comprehension variable stands for: its list's path, item by item.
    private var itemPaths: [Int: (root: String, path: [String])] = [:]
    /// Comprehension variables over computed lists, whose range is already read whole.
    private var computedItems: Set<Int> = []

    static func of(_ node: CheckedNode) -> [String: FieldSelection] {
        var reads = FieldReads()
        reads.walk(node, asValue: true)
        return reads.selections
    }

    /// `asValue`: the node's value is used as it is; otherwise a field is selected from it.
    private mutating func walk(_ node: CheckedNode, asValue: Bool) {
        switch node.kind {
        case .constant:
            return
        case .variable, .select:
            guard let (root, path) = path(of: node) else {
                if case .select(let selection) = node.kind { walk(selection.operand, asValue: true) }
                return
            }
            selections[root, default: .nothing].include(path[...], whole: asValue)
        case .index(let operand, let index, _):
            walk(operand, asValue: true)
            walk(index, asValue: true)
        case .not(let operand), .typeOf(let operand):
            walk(operand, asValue: true)
        case .and(let left, let right), .or(let left, let right), .equal(let left, let right, _),
             .order(_, let left, let right), .membership(let left, let right):
            walk(left, asValue: true)
            walk(right, asValue: true)
        case .conditional(let condition, let then, let otherwise):
            walk(condition, asValue: true)
            walk(then, asValue: true)
            walk(otherwise, asValue: true)
        case .call(_, _, let arguments), .list(let arguments):
            for argument in arguments { walk(argument, asValue: true) }
        case .map(let entries):
            for (key, value) in entries {
                walk(key, asValue: true)
                walk(value, asValue: true)
            }
        case .comprehension(let comprehension):
            // Over a list reached by field selections, only what the body reads of each item is
            // read; over a map or anything else, the range is read whole (its keys are iterated),
            // and so is the list of a `filter`, whose result is the items themselves.
            if comprehension.kind != .filter, case .list = comprehension.range.type,
               let (root, path) = path(of: comprehension.range) {
                selections[root, default: .nothing].include(path[...], whole: false)
                itemPaths[comprehension.slot] = (root, path)
            } else {
                walk(comprehension.range, asValue: true)
                computedItems.insert(comprehension.slot)
            }
            if let predicate = comprehension.predicate { walk(predicate, asValue: true) }
            if let transform = comprehension.transform { walk(transform, asValue: true) }
        }
    }

    /// The variable and the fields below it that a chain of selections names, or nil when the
    /// chain starts at something else (a call, an index, a comprehension over a computed list).
    private func path(of node: CheckedNode) -> (root: String, path: [String])? {
        switch node.kind {
        case .variable(let slot, let name):
            if computedItems.contains(slot) { return nil }
            return itemPaths[slot] ?? (name, [])
        case .select(let selection):
            guard let (root, path) = path(of: selection.operand) else { return nil }
            return (root, path + [selection.field])
        default:
            return nil
        }
    }
}
