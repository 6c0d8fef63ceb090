/// The parsed expression tree. Every node keeps the byte offset of the token that names it
/// (the operator, the field, the function) so later stages can point at it.
struct ASTNode: Sendable {
    var offset: Int
    var kind: Kind
    /// Length of the longest path from this node to a leaf; bounded by `ExprLimits.maxDepth`.
    var height: Int

    indirect enum Kind: Sendable {
        case literal(Value)
        case identifier(String)
        /// `operand.field`; `presenceTest` marks the argument of `has()`.
        case select(operand: ASTNode, field: String, presenceTest: Bool)
        case index(operand: ASTNode, index: ASTNode)
        case unary(UnaryOperator, ASTNode)
        case binary(BinaryOperator, ASTNode, ASTNode)
        case conditional(ASTNode, ASTNode, ASTNode)
        /// A function call, global (`size(x)`) or with a receiver (`x.size()`).
        case call(function: String, receiver: ASTNode?, arguments: [ASTNode])
        case list([ASTNode])
        case map([(key: ASTNode, value: ASTNode)])
        case macro(Macro)
    }

    init(offset: Int, kind: Kind, children: [ASTNode] = []) {
        self.offset = offset
        self.kind = kind
        height = 1 + (children.map(\.height).max() ?? 0)
    }
}

enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
}

enum BinaryOperator: String, Sendable {
    case and = "&&", or = "||"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in` = "in"
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
}

/// A comprehension macro: `range.all(x, p)`, `range.map(x, p, t)` and friends.
struct Macro: Sendable {
    enum Kind: String, Sendable {
        case all, exists
        case existsOne = "exists_one"
        case map, filter
    }

    var kind: Kind
    var range: ASTNode
    var variable: String
    var variableOffset: Int
    /// The predicate (`all`, `exists`, `exists_one`, `filter`, the 3-argument `map`'s filter).
    var predicate: ASTNode?
    /// The transform of `map`.
    var transform: ASTNode?
}
