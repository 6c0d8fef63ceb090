/// One lexical token with its byte range in the source.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// The magnitude of an int literal; the parser applies the range (and a leading `-`).
        case int(UInt64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        case trueLiteral, falseLiteral, nullLiteral
        case `in`
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case dot, comma, colon, question
        case plus, minus, star, slash, percent
        case bang, less, lessEqual, greater, greaterEqual, equal, notEqual
        case and, or
        case end
    }

    var kind: Kind
    var offset: Int
    var end: Int
}

extension Token.Kind {
    /// How the token reads in an error message.
    var display: String {
        switch self {
        case .int(let value): return String(value)
        case .uint(let value): return "\(value)u"
        case .double(let value): return String(value)
        case .string: return "string literal"
        case .bytes: return "bytes literal"
        case .identifier(let name): return "'\(name)'"
        case .trueLiteral: return "'true'"
        case .falseLiteral: return "'false'"
        case .nullLiteral: return "'null'"
        case .in: return "'in'"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .dot: return "'.'"
        case .comma: return "','"
        case .colon: return "':'"
        case .question: return "'?'"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .percent: return "'%'"
        case .bang: return "'!'"
        case .less: return "'<'"
        case .lessEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterEqual: return "'>='"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .and: return "'&&'"
        case .or: return "'||'"
        case .end: return "end of expression"
        }
    }
}
