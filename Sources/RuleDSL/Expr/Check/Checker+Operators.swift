/// Operators and calls: which operand types are allowed and what the result type is.
extension Checker {
    mutating func unary(_ op: UnaryOperator, _ operand: CheckedNode, at offset: Int) -> CheckedNode {
        switch op {
        case .not:
            guard operand.type.isAssignable(to: .bool) else {
                return fail("'!' needs a bool, not \(operand.type)", at: offset)
            }
            return CheckedNode(offset: offset, type: .bool, kind: .not(operand))
        case .negate:
            return resolveCall("-_", display: "-", arguments: [operand], isMember: false, at: offset)
        }
    }

    mutating func binary(_ op: BinaryOperator, _ left: CheckedNode, _ right: CheckedNode, at offset: Int) -> CheckedNode {
        switch op {
        case .and, .or:
            for operand in [left, right] where !operand.type.isAssignable(to: .bool) {
                _ = fail("'\(op.rawValue)' needs bool operands, not \(operand.type)", at: operand.offset)
            }
            return CheckedNode(offset: offset, type: .bool, kind: op == .and ? .and(left, right) : .or(left, right))
        case .equal, .notEqual:
            guard left.type.isComparable(with: right.type) else {
                return fail("cannot compare \(left.type) with \(right.type) using '\(op.rawValue)'", at: offset)
            }
            return CheckedNode(offset: offset, type: .bool, kind: .equal(left, right, negated: op == .notEqual))
        case .less, .lessEqual, .greater, .greaterEqual:
            guard left.type.isOrderable(with: right.type) else {
                return fail("cannot order \(left.type) and \(right.type) with '\(op.rawValue)'", at: offset)
            }
            return CheckedNode(offset: offset, type: .bool, kind: .order(op, left, right))
        case .in:
            let allowed: Bool
            switch right.type {
            case .list(let element): allowed = left.type.isComparable(with: element)
            case .map(let key, _): allowed = left.type.isComparable(with: key)
            case .object: allowed = left.type.isAssignable(to: .string)
            case .dyn: allowed = true
            default:
                return fail("'in' needs a list or map on its right, not \(right.type)", at: offset)
            }
            guard allowed else {
                return fail("\(left.type) can never be in \(right.type)", at: offset)
            }
            return CheckedNode(offset: offset, type: .bool, kind: .membership(element: left, container: right))
        case .add, .subtract, .multiply, .divide, .modulo:
            return resolveCall("_\(op.rawValue)_", display: op.rawValue, arguments: [left, right], isMember: false, at: offset)
        }
    }

    mutating func call(_ function: String, receiver: CheckedNode?, arguments: [CheckedNode], at offset: Int) -> CheckedNode {
        if receiver == nil, arguments.count == 1 {
            // dyn() only changes the static type; type() needs no overload per type.
            if function == "dyn" {
                var node = arguments[0]
                node.type = .dyn
                return node
            }
            if function == "type" {
                return CheckedNode(offset: offset, type: .type, kind: .typeOf(arguments[0]))
            }
        }
        let all = (receiver.map { [$0] } ?? []) + arguments
        return resolveCall(function, display: function, arguments: all, isMember: receiver != nil, at: offset)
    }

    /// Picks the overloads of `name` whose parameters accept the argument types.
    mutating func resolveCall(_ name: String, display: String, arguments: [CheckedNode], isMember: Bool,
                              at offset: Int) -> CheckedNode {
        let declared = environment.functions.overloads(named: name)
        guard !declared.isEmpty else {
            return fail("undeclared function '\(display)'", at: offset,
                        hint: Suggestion.hint(for: name, among: environment.functions.functionNames))
        }
        let shaped = declared.filter { $0.isMember == isMember && $0.parameters.count == arguments.count }
        let candidates = shaped.filter { overload in
            zip(arguments, overload.parameters).allSatisfy { $0.type.isAssignable(to: $1) }
        }
        guard let first = candidates.first else {
            let types = arguments.map(\.type.description).joined(separator: ", ")
            let known = declared.map { $0.signature(display) }.joined(separator: "; ")
            let style = isMember && shaped.isEmpty && declared.contains { !$0.isMember } ? " (call it as a function, not a method)"
                : !isMember && shaped.isEmpty && declared.contains { $0.isMember } ? " (call it as a method)" : ""
            return fail("no matching overload for '\(display)' applied to (\(types))\(style)", at: offset,
                        hint: "available: \(known)")
        }
        // A constant pattern is checked now, so a typo in a regex is a compile error.
        if name == "matches", arguments.count == 2, case .constant(.string(let pattern)) = arguments[1].kind,
           RegexMatcher.compile(pattern) == nil {
            return fail("invalid regular expression '\(pattern)'", at: arguments[1].offset)
        }
        var resultType = candidates.dropFirst().allSatisfy { $0.result == first.result } ? first.result : .dyn
        // List concatenation keeps the element type the two lists share.
        if name == "_+_", case .list(let a) = arguments[0].type, case .list(let b) = arguments[1].type {
            resultType = .list(a.joined(with: b))
        }
        return CheckedNode(offset: offset, type: resultType,
                           kind: .call(name: display, overloads: candidates, arguments: arguments))
    }
}

extension CELType {
    /// Whether `==` between the two types can ever be true (numbers compare across kinds).
    func isComparable(with other: CELType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
        case _ where isNumeric && other.isNumeric: return true
        case (.list(let a), .list(let b)): return a.isComparable(with: b)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isComparable(with: k2) && v1.isComparable(with: v2)
        case (.object(let a), .object(let b)): return a.name == b.name
        case (.object, .map(let key, _)), (.map(let key, _), .object): return key.isComparable(with: .string)
        default: return self == other
        }
    }

    /// Whether `<` and friends apply: numbers across kinds, or two values of one ordered type.
    func isOrderable(with other: CELType) -> Bool {
        let ordered: Set<CELType> = [.int, .uint, .double, .string, .bytes, .bool, .timestamp, .duration, .date]
        switch (self, other) {
        case (.dyn, .dyn): return true
        case (.dyn, let known), (let known, .dyn): return ordered.contains(known)
        case _ where isNumeric && other.isNumeric: return true
        default: return self == other && ordered.contains(self)
        }
    }
}
