/// Recognises macro calls (`has`, `all`, `exists`, `exists_one`, `map`, `filter`) while parsing;
/// every other call stays a plain function call for the checker to resolve.
extension Parser {
    func globalCall(_ name: String, arguments: [ASTNode], offset: Int) throws(ExprDiagnostic) -> ASTNode {
        guard name == "has" else {
            return try node(offset, .call(function: name, receiver: nil, arguments: arguments), arguments)
        }
        guard arguments.count == 1, case .select(let operand, let field, _) = arguments[0].kind else {
            throw ExprDiagnostic("has() takes one field selection, such as has(case.admission)", at: offset)
        }
        return try node(arguments[0].offset, .select(operand: operand, field: field, presenceTest: true), [operand])
    }

    func memberCall(_ name: String, receiver: ASTNode, arguments: [ASTNode], offset: Int) throws(ExprDiagnostic) -> ASTNode {
        let kind: Macro.Kind
        switch (name, arguments.count) {
        case ("all", 2): kind = .all
        case ("exists", 2): kind = .exists
        case ("exists_one", 2): kind = .existsOne
        case ("filter", 2): kind = .filter
        case ("map", 2), ("map", 3): kind = .map
        default:
            return try node(offset, .call(function: name, receiver: receiver, arguments: arguments), [receiver] + arguments)
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            throw ExprDiagnostic("the first argument of \(name)() must be a simple name for each element",
                                 at: arguments[0].offset)
        }
        var macro = Macro(kind: kind, range: receiver, variable: variable, variableOffset: arguments[0].offset)
        if kind == .map {
            if arguments.count == 3 {
                macro.predicate = arguments[1]
                macro.transform = arguments[2]
            } else {
                macro.transform = arguments[1]
            }
        } else {
            macro.predicate = arguments[1]
        }
        return try node(offset, .macro(macro), [receiver] + arguments)
    }
}
