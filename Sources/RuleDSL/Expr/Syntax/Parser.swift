/// Bounds that keep hostile or accidental input from exhausting memory or the stack.
public struct ExprLimits: Sendable, Equatable {
    /// Maximum expression length in UTF-8 bytes.
    public var maxLength: Int
    /// Maximum nesting: both parser recursion and the height of the resulting tree.
    public var maxDepth: Int

    public init(maxLength: Int = 100_000, maxDepth: Int = 200) {
        self.maxLength = maxLength
        self.maxDepth = maxDepth
    }

    public static let standard = ExprLimits()
}

/// Recursive-descent parser following the CEL grammar (precedence, lowest first):
/// `?:`, `||`, `&&`, relations (`< <= > >= == != in`), `+ -`, `* / %`, unary `! -`, member access.
struct Parser {
    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    private let limits: ExprLimits

    static func parse(_ text: String, limits: ExprLimits = .standard) throws(ExprDiagnostic) -> ASTNode {
        let length = text.utf8.count
        guard length <= limits.maxLength else {
            throw ExprDiagnostic("expression is \(length) bytes long; the limit is \(limits.maxLength)", at: limits.maxLength)
        }
        var lexer = Lexer(text)
        var parser = Parser(tokens: try lexer.tokenize(), limits: limits)
        let root = try parser.expression()
        guard parser.current.kind == .end else {
            throw ExprDiagnostic("unexpected \(parser.current.kind.display)", at: parser.current.offset,
                                 hint: "expected an operator or the end of the expression")
        }
        return root
    }

    private init(tokens: [Token], limits: ExprLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ExprDiagnostic) -> Token {
        guard current.kind == kind else {
            throw ExprDiagnostic("expected \(what) but found \(current.kind.display)", at: current.offset)
        }
        return advance()
    }

    func node(_ offset: Int, _ kind: ASTNode.Kind, _ children: [ASTNode]) throws(ExprDiagnostic) -> ASTNode {
        let built = ASTNode(offset: offset, kind: kind, children: children)
        guard built.height <= limits.maxDepth else {
            throw ExprDiagnostic("expression nests deeper than \(limits.maxDepth) levels", at: offset,
                                 hint: "split it into smaller conditions")
        }
        return built
    }

    // MARK: Operators

    mutating func expression() throws(ExprDiagnostic) -> ASTNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= limits.maxDepth else {
            throw ExprDiagnostic("expression nests deeper than \(limits.maxDepth) levels", at: current.offset,
                                 hint: "split it into smaller conditions")
        }
        let condition = try logicalOr()
        guard current.kind == .question else { return condition }
        let question = advance()
        let whenTrue = try logicalOr()
        _ = try expect(.colon, "':' of the conditional")
        let whenFalse = try expression()
        return try node(question.offset, .conditional(condition, whenTrue, whenFalse), [condition, whenTrue, whenFalse])
    }

    private mutating func logicalOr() throws(ExprDiagnostic) -> ASTNode {
        var left = try logicalAnd()
        while current.kind == .or {
            let op = advance()
            let right = try logicalAnd()
            left = try node(op.offset, .binary(.or, left, right), [left, right])
        }
        return left
    }

    private mutating func logicalAnd() throws(ExprDiagnostic) -> ASTNode {
        var left = try relation()
        while current.kind == .and {
            let op = advance()
            let right = try relation()
            left = try node(op.offset, .binary(.and, left, right), [left, right])
        }
        return left
    }

    private mutating func relation() throws(ExprDiagnostic) -> ASTNode {
        var left = try addition()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .less: op = .less
            case .lessEqual: op = .lessEqual
            case .greater: op = .greater
            case .greaterEqual: op = .greaterEqual
            case .equal: op = .equal
            case .notEqual: op = .notEqual
            case .in: op = .in
            default: return left
            }
            let token = advance()
            let right = try addition()
            left = try node(token.offset, .binary(op, left, right), [left, right])
        }
    }

    private mutating func addition() throws(ExprDiagnostic) -> ASTNode {
        var left = try multiplication()
        while current.kind == .plus || current.kind == .minus {
            let token = advance()
            let right = try multiplication()
            left = try node(token.offset, .binary(token.kind == .plus ? .add : .subtract, left, right), [left, right])
        }
        return left
    }

    private mutating func multiplication() throws(ExprDiagnostic) -> ASTNode {
        var left = try unary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .modulo
            default: return left
            }
            let token = advance()
            let right = try unary()
            left = try node(token.offset, .binary(op, left, right), [left, right])
        }
    }

    private mutating func unary() throws(ExprDiagnostic) -> ASTNode {
        // Collect prefix operators iteratively so `!!!!x` does not recurse per operator.
        var prefixes: [Token] = []
        while current.kind == .bang || current.kind == .minus { prefixes.append(advance()) }
        var operand: ASTNode
        // `-9223372036854775808` is only representable when the minus is folded into the literal.
        if let last = prefixes.last, last.kind == .minus, case .int(let magnitude) = current.kind {
            let literal = advance()
            let startsMember = current.kind == .dot || current.kind == .leftBracket
            if !startsMember {
                prefixes.removeLast()
                guard magnitude <= UInt64(Int64.max) + 1 else {
                    throw ExprDiagnostic("integer literal is out of range for int", at: last.offset)
                }
                let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
                operand = try node(last.offset, .literal(.int(value)), [])
            } else {
                position -= 1
                _ = literal
                operand = try member()
            }
        } else {
            operand = try member()
        }
        for token in prefixes.reversed() {
            let op: UnaryOperator = token.kind == .bang ? .not : .negate
            operand = try node(token.offset, .unary(op, operand), [operand])
        }
        return operand
    }

    // MARK: Member access and primaries

    private mutating func member() throws(ExprDiagnostic) -> ASTNode {
        var operand = try primary()
        while true {
            switch current.kind {
            case .dot:
                _ = advance()
                let nameToken = current
                guard case .identifier(let name) = nameToken.kind else {
                    throw ExprDiagnostic("expected a field or method name after '.' but found \(nameToken.kind.display)",
                                         at: nameToken.offset)
                }
                _ = advance()
                if current.kind == .leftParen {
                    _ = advance()
                    let arguments = try expressionList(closing: .rightParen, "')'")
                    operand = try memberCall(name, receiver: operand, arguments: arguments, offset: nameToken.offset)
                } else {
                    operand = try node(nameToken.offset, .select(operand: operand, field: name, presenceTest: false), [operand])
                }
            case .leftBracket:
                let open = advance()
                let index = try expression()
                _ = try expect(.rightBracket, "']'")
                operand = try node(open.offset, .index(operand: operand, index: index), [operand, index])
            default:
                return operand
            }
        }
    }

    private mutating func primary() throws(ExprDiagnostic) -> ASTNode {
        let token = advance()
        switch token.kind {
        case .int(let magnitude):
            guard magnitude <= UInt64(Int64.max) else {
                throw ExprDiagnostic("integer literal is out of range for int", at: token.offset, hint: "add 'u' for a uint")
            }
            return try node(token.offset, .literal(.int(Int64(magnitude))), [])
        case .uint(let value): return try node(token.offset, .literal(.uint(value)), [])
        case .double(let value): return try node(token.offset, .literal(.double(value)), [])
        case .string(let value): return try node(token.offset, .literal(.string(value)), [])
        case .bytes(let value): return try node(token.offset, .literal(.bytes(value)), [])
        case .trueLiteral: return try node(token.offset, .literal(.bool(true)), [])
        case .falseLiteral: return try node(token.offset, .literal(.bool(false)), [])
        case .nullLiteral: return try node(token.offset, .literal(.null), [])
        case .identifier(let name):
            if current.kind == .leftParen {
                _ = advance()
                let arguments = try expressionList(closing: .rightParen, "')'")
                return try globalCall(name, arguments: arguments, offset: token.offset)
            }
            return try node(token.offset, .identifier(name), [])
        case .dot:
            // A leading dot names the root scope (`.x`); without packages it is the same name.
            let name = advance()
            guard case .identifier(let identifier) = name.kind else {
                throw ExprDiagnostic("expected a name after '.'", at: name.offset)
            }
            return try node(name.offset, .identifier(identifier), [])
        case .leftParen:
            let inner = try expression()
            _ = try expect(.rightParen, "')'")
            return inner
        case .leftBracket:
            let elements = try expressionList(closing: .rightBracket, "']'")
            return try node(token.offset, .list(elements), elements)
        case .leftBrace:
            return try mapLiteral(start: token)
        default:
            throw ExprDiagnostic("unexpected \(token.kind.display)", at: token.offset, hint: "expected a value, a name or '('")
        }
    }

    /// Comma-separated expressions up to `closing` (already past the opening token); a trailing comma is allowed.
    private mutating func expressionList(closing: Token.Kind, _ what: String) throws(ExprDiagnostic) -> [ASTNode] {
        var items: [ASTNode] = []
        while current.kind != closing {
            items.append(try expression())
            if current.kind == .comma {
                _ = advance()
            } else if current.kind != closing {
                throw ExprDiagnostic("expected ',' or \(what) but found \(current.kind.display)", at: current.offset)
            }
        }
        _ = advance()
        return items
    }

    private mutating func mapLiteral(start: Token) throws(ExprDiagnostic) -> ASTNode {
        var entries: [(key: ASTNode, value: ASTNode)] = []
        var children: [ASTNode] = []
        while current.kind != .rightBrace {
            let key = try expression()
            _ = try expect(.colon, "':' after a map key")
            let value = try expression()
            entries.append((key, value))
            children.append(contentsOf: [key, value])
            if current.kind == .comma {
                _ = advance()
            } else if current.kind != .rightBrace {
                throw ExprDiagnostic("expected ',' or '}' but found \(current.kind.display)", at: current.offset)
            }
        }
        _ = advance()
        return try node(start.offset, .map(entries), children)
    }
}
