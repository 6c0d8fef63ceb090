/// Turns expression text into tokens. Works on UTF-8 bytes; offsets are byte offsets.
struct Lexer {
    let bytes: [UInt8]
    var index = 0

    /// Words CEL reserves for future use; they cannot name variables or functions.
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(ExprDiagnostic) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private mutating func skipTrivia() {
        while let byte = peek() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                index += 1
            } else if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let next = peek(), next != 0x0A { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func next() throws(ExprDiagnostic) -> Token {
        skipTrivia()
        let start = index
        guard let byte = peek() else { return Token(kind: .end, offset: start, end: start) }
        func single(_ kind: Token.Kind, _ length: Int = 1) -> Token {
            index += length
            return Token(kind: kind, offset: start, end: index)
        }
        switch byte {
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: "?"): return single(.question)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "/"): return single(.slash)
        case UInt8(ascii: "%"): return single(.percent)
        case UInt8(ascii: "!"): return peek(1) == UInt8(ascii: "=") ? single(.notEqual, 2) : single(.bang)
        case UInt8(ascii: "<"): return peek(1) == UInt8(ascii: "=") ? single(.lessEqual, 2) : single(.less)
        case UInt8(ascii: ">"): return peek(1) == UInt8(ascii: "=") ? single(.greaterEqual, 2) : single(.greater)
        case UInt8(ascii: "="):
            guard peek(1) == UInt8(ascii: "=") else {
                throw ExprDiagnostic("unexpected '='", at: start, hint: "use '==' to compare")
            }
            return single(.equal, 2)
        case UInt8(ascii: "&"):
            guard peek(1) == UInt8(ascii: "&") else { throw ExprDiagnostic("unexpected '&'", at: start, hint: "use '&&'") }
            return single(.and, 2)
        case UInt8(ascii: "|"):
            guard peek(1) == UInt8(ascii: "|") else { throw ExprDiagnostic("unexpected '|'", at: start, hint: "use '||'") }
            return single(.or, 2)
        case UInt8(ascii: "."):
            if let next = peek(1), Self.isDigit(next) { return try number() }
            return single(.dot)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return try stringLiteral(raw: false, bytes: false, start: start)
        default:
            if Self.isDigit(byte) { return try number() }
            if Self.isIdentifierStart(byte) { return try identifierOrPrefixedString() }
            throw ExprDiagnostic("unexpected character '\(Self.characterAt(bytes, start))'", at: start)
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }
    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 48...57: return UInt32(byte - 48)
        case 65...70: return UInt32(byte - 55)
        case 97...102: return UInt32(byte - 87)
        default: return nil
        }
    }

    static func characterAt(_ bytes: [UInt8], _ offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private mutating func identifierOrPrefixedString() throws(ExprDiagnostic) -> Token {
        let start = index
        // String prefixes: r, b, and their combinations (rb, br) in either case.
        var raw = false
        var isBytes = false
        var probe = index
        while probe < bytes.count, probe - index < 2 {
            let lower = bytes[probe] | 0x20
            if lower == UInt8(ascii: "r"), !raw { raw = true }
            else if lower == UInt8(ascii: "b"), !isBytes { isBytes = true }
            else { break }
            probe += 1
        }
        if probe > index, probe < bytes.count, bytes[probe] == UInt8(ascii: "\"") || bytes[probe] == UInt8(ascii: "'") {
            index = probe
            return try stringLiteral(raw: raw, bytes: isBytes, start: start)
        }
        while let byte = peek(), Self.isIdentifierStart(byte) || Self.isDigit(byte) { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        let kind: Token.Kind
        switch name {
        case "true": kind = .trueLiteral
        case "false": kind = .falseLiteral
        case "null": kind = .nullLiteral
        case "in": kind = .in
        default:
            if Self.reserved.contains(name) {
                throw ExprDiagnostic("'\(name)' is a reserved word and cannot be used as a name", at: start)
            }
            kind = .identifier(name)
        }
        return Token(kind: kind, offset: start, end: index)
    }

    private mutating func number() throws(ExprDiagnostic) -> Token {
        let start = index
        if peek() == UInt8(ascii: "0"), let x = peek(1), x | 0x20 == UInt8(ascii: "x") {
            index += 2
            let digitsStart = index
            while let byte = peek(), Self.isHexDigit(byte) { index += 1 }
            guard index > digitsStart else { throw ExprDiagnostic("a hexadecimal literal needs digits after '0x'", at: start) }
            guard let value = UInt64(String(decoding: bytes[digitsStart..<index], as: UTF8.self), radix: 16) else {
                throw ExprDiagnostic("integer literal out of range", at: start)
            }
            return try integerToken(value, start: start)
        }
        var isDouble = false
        while let byte = peek(), Self.isDigit(byte) { index += 1 }
        if peek() == UInt8(ascii: "."), let next = peek(1), Self.isDigit(next) {
            isDouble = true
            index += 1
            while let byte = peek(), Self.isDigit(byte) { index += 1 }
        } else if peek() == UInt8(ascii: "."), !(peek(1).map { Self.isIdentifierStart($0) || $0 == UInt8(ascii: ".") } ?? false) {
            // `7.` is a double (as the language definition writes it); `7.size()` stays a call.
            isDouble = true
            index += 1
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            var probe = index + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
            if probe < bytes.count, Self.isDigit(bytes[probe]) {
                isDouble = true
                index = probe
                while let byte = peek(), Self.isDigit(byte) { index += 1 }
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isDouble {
            guard let value = Double(text) else { throw ExprDiagnostic("malformed number '\(text)'", at: start) }
            return Token(kind: .double(value), offset: start, end: index)
        }
        guard let value = UInt64(text) else { throw ExprDiagnostic("integer literal '\(text)' is out of range", at: start) }
        return try integerToken(value, start: start)
    }

    private mutating func integerToken(_ value: UInt64, start: Int) throws(ExprDiagnostic) -> Token {
        if let suffix = peek(), suffix | 0x20 == UInt8(ascii: "u") {
            index += 1
            return Token(kind: .uint(value), offset: start, end: index)
        }
        if let next = peek(), Self.isIdentifierStart(next) {
            throw ExprDiagnostic("malformed number: unexpected '\(Self.characterAt(bytes, index))' after digits", at: index)
        }
        return Token(kind: .int(value), offset: start, end: index)
    }
}
