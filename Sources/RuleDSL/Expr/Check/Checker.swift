/// Type-checks a parsed expression against an environment's declarations: resolves names to
/// slots, fields against declared records, calls to overloads, and gives every node a type.
///
/// Errors do not stop the walk: a faulty node becomes `dyn` so later problems are reported too.
struct Checker {
    let environment: ExprEnvironment
    var diagnostics: [ExprDiagnostic] = []
    /// Comprehension variables in scope, innermost last.
    private var scopes: [(name: String, slot: Int, type: CELType, path: String)] = []
    /// Next free slot for a comprehension variable (declared variables come first).
    private(set) var nextSlot: Int
    /// Paths of every field selection, in source order (for evidence and `--explain`).
    private(set) var selectedPaths: [String] = []

    init(environment: ExprEnvironment) {
        self.environment = environment
        nextSlot = environment.variableCount
    }

    mutating func fail(_ message: String, at offset: Int, hint: String? = nil) -> CheckedNode {
        diagnostics.append(ExprDiagnostic(message, at: offset, hint: hint))
        return CheckedNode(offset: offset, type: .dyn, kind: .constant(.null))
    }

    mutating func check(_ node: ASTNode) -> CheckedNode {
        switch node.kind {
        case .literal(let value):
            return CheckedNode(offset: node.offset, type: Self.literalType(value), kind: .constant(value))
        case .identifier(let name):
            return identifier(name, at: node.offset)
        case .select(let operand, let field, let presenceTest):
            return select(check(operand), field: field, presenceTest: presenceTest, at: node.offset)
        case .index(let operand, let index):
            return self.index(check(operand), check(index), at: node.offset)
        case .unary(let op, let operand):
            return unary(op, check(operand), at: node.offset)
        case .binary(let op, let left, let right):
            return binary(op, check(left), check(right), at: node.offset)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let checkedCondition = check(condition)
            let a = check(whenTrue), b = check(whenFalse)
            if !checkedCondition.type.isAssignable(to: .bool) {
                _ = fail("the condition of '?:' must be bool, not \(checkedCondition.type)", at: condition.offset)
            }
            return CheckedNode(offset: node.offset, type: a.type.joined(with: b.type),
                               kind: .conditional(checkedCondition, a, b))
        case .call(let function, let receiver, let arguments):
            return call(function, receiver: receiver.map { check($0) }, arguments: arguments.map { check($0) },
                        at: node.offset)
        case .list(let elements):
            let checked = elements.map { check($0) }
            let elementType = checked.dropFirst().reduce(checked.first?.type ?? .dyn) { $0.joined(with: $1.type) }
            return CheckedNode(offset: node.offset, type: .list(elementType), kind: .list(checked))
        case .map(let entries):
            return mapLiteral(entries, at: node.offset)
        case .macro(let macro):
            return comprehension(macro, at: node.offset)
        }
    }

    static func literalType(_ value: Value) -> CELType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .date: return .date
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .type: return .type
        case .list: return .list(.dyn)
        case .map: return .map(key: .dyn, value: .dyn)
        }
    }

    /// Names that denote types when no variable has them.
    static let typeNames: Set<String> = [
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type",
        "timestamp", "duration", "date", "dyn",
    ]

    private mutating func identifier(_ name: String, at offset: Int) -> CheckedNode {
        if let scoped = scopes.last(where: { $0.name == name }) {
            return CheckedNode(offset: offset, type: scoped.type, kind: .variable(slot: scoped.slot, name: name))
        }
        if let declared = environment.variable(named: name) {
            return CheckedNode(offset: offset, type: declared.type, kind: .variable(slot: declared.slot, name: name))
        }
        if Self.typeNames.contains(name) {
            return CheckedNode(offset: offset, type: .type, kind: .constant(.type(TypeName(name))))
        }
        let candidates = environment.variableNames + scopes.map(\.name)
        return fail("undeclared reference to '\(name)'", at: offset, hint: Suggestion.hint(for: name, among: candidates))
    }

    /// The path a missing-data report names for this node, e.g. `case.woman` or `case.children[]`.
    func path(of node: CheckedNode) -> String? {
        switch node.kind {
        case .variable(let slot, let name):
            return scopes.last(where: { $0.slot == slot })?.path ?? name
        case .select(let selection):
            return selection.path
        case .index(_, _, let path):
            return path
        default:
            return nil
        }
    }

    private mutating func select(_ operand: CheckedNode, field: String, presenceTest: Bool, at offset: Int) -> CheckedNode {
        let path = (path(of: operand).map { $0 + "." } ?? "") + field
        if !selectedPaths.contains(path) { selectedPaths.append(path) }
        var selection = CheckedNode.Selection(operand: operand, field: field, key: .string(field), path: path,
                                              presenceTest: presenceTest, operandIsRecord: false, nullReading: .null)
        var fieldType = CELType.dyn
        switch operand.type {
        case .object(let object):
            guard let declared = object.fields[field] else {
                return fail("'\(object.name)' has no field '\(field)'", at: offset,
                            hint: Suggestion.hint(for: field, among: object.fieldNames))
            }
            fieldType = declared.type
            selection.operandIsRecord = true
            selection.positionHint = object.fieldNames.firstIndex(of: field)
            // The key as the schema spells it, in the schema's own storage: records decoded
            // against the schema hold that same string, so comparing the two is an identity
            // check instead of a comparison of their bytes (the same text either way).
            if let hint = selection.positionHint { selection.key = .string(object.fieldNames[hint]) }
            switch declared.type {
            case .bool: selection.nullReading = .bool(false)
            case .list: selection.nullReading = .list([])
            default: break
            }
        case .map(let key, let value):
            guard key == .string || key == .dyn else {
                return fail("a map with \(key) keys has no fields; use [] to index it", at: offset)
            }
            fieldType = value
        case .dyn:
            fieldType = .dyn
        default:
            return fail("type '\(operand.type)' has no fields (selecting '\(field)')", at: offset)
        }
        return CheckedNode(offset: offset, type: presenceTest ? .bool : fieldType, kind: .select(selection))
    }

    private mutating func index(_ operand: CheckedNode, _ index: CheckedNode, at offset: Int) -> CheckedNode {
        var suffix = "[]"
        if case .constant(let key) = index.kind {
            switch key {
            case .string(let text): suffix = "['\(text)']"
            case .int(let int): suffix = "[\(int)]"
            case .uint(let uint): suffix = "[\(uint)]"
            default: break
            }
        }
        let path = path(of: operand).map { $0 + suffix }
        let resultType: CELType
        switch operand.type {
        case .list(let element):
            guard index.type == .int || index.type == .uint || index.type == .dyn else {
                return fail("a list index must be int, not \(index.type)", at: index.offset)
            }
            resultType = element
        case .map(let key, let value):
            guard index.type.isComparable(with: key) else {
                return fail("a map with \(key) keys cannot be indexed by \(index.type)", at: index.offset)
            }
            resultType = value
        case .object(let object):
            guard index.type == .string || index.type == .dyn else {
                return fail("'\(object.name)' is indexed by field name (string), not \(index.type)", at: index.offset)
            }
            if case .constant(.string(let field)) = index.kind, let declared = object.fields[field] {
                resultType = declared.type
            } else {
                resultType = .dyn
            }
        case .dyn:
            resultType = .dyn
        default:
            return fail("type '\(operand.type)' cannot be indexed", at: offset)
        }
        return CheckedNode(offset: offset, type: resultType, kind: .index(operand: operand, index: index, path: path))
    }

    private mutating func mapLiteral(_ entries: [(key: ASTNode, value: ASTNode)], at offset: Int) -> CheckedNode {
        var checked: [(key: CheckedNode, value: CheckedNode)] = []
        var seen: [Value] = []
        var keyType: CELType?
        var valueType: CELType?
        for entry in entries {
            let key = check(entry.key), value = check(entry.value)
            switch key.type {
            case .int, .uint, .bool, .string, .dyn: break
            default: _ = fail("a map key must be int, uint, bool or string, not \(key.type)", at: key.offset)
            }
            if case .constant(let constant) = key.kind {
                if seen.contains(where: { Equality.equal($0, constant) == true }) {
                    _ = fail("duplicate map key \(Display.literal(constant))", at: key.offset)
                }
                seen.append(constant)
            }
            keyType = keyType.map { $0.joined(with: key.type) } ?? key.type
            valueType = valueType.map { $0.joined(with: value.type) } ?? value.type
            checked.append((key, value))
        }
        return CheckedNode(offset: offset, type: .map(key: keyType ?? .dyn, value: valueType ?? .dyn), kind: .map(checked))
    }

    private mutating func comprehension(_ macro: Macro, at offset: Int) -> CheckedNode {
        let range = check(macro.range)
        let variableType: CELType
        switch range.type {
        case .list(let element): variableType = element
        case .map(let key, _): variableType = key
        case .object: variableType = .string
        case .dyn: variableType = .dyn
        default:
            return fail("\(macro.kind.rawValue)() needs a list or map, not \(range.type)", at: offset)
        }
        let slot = nextSlot
        nextSlot += 1
        let rangePath = path(of: range).map { $0 + "[]" } ?? macro.variable
        scopes.append((macro.variable, slot, variableType, rangePath))
        defer { scopes.removeLast() }
        let predicate = macro.predicate.map { check($0) }
        let transform = macro.transform.map { check($0) }
        if let predicate, !predicate.type.isAssignable(to: .bool) {
            _ = fail("the condition of \(macro.kind.rawValue)() must be bool, not \(predicate.type)", at: predicate.offset)
        }
        let resultType: CELType
        switch macro.kind {
        case .all, .exists, .existsOne: resultType = .bool
        case .filter: resultType = .list(variableType)
        case .map: resultType = .list(transform?.type ?? .dyn)
        }
        let comprehension = CheckedNode.Comprehension(kind: macro.kind, range: range, slot: slot,
                                                      predicate: predicate, transform: transform)
        return CheckedNode(offset: offset, type: resultType, kind: .comprehension(comprehension))
    }
}
