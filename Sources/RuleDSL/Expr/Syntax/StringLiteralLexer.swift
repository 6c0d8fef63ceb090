/// String and bytes literals: quotes, triple quotes, raw prefixes and escape sequences.
extension Lexer {
    /// Reads a literal whose opening quote is at `index` (prefixes already consumed from `start`).
    mutating func stringLiteral(raw: Bool, bytes isBytes: Bool, start: Int) throws(ExprDiagnostic) -> Token {
        let quote = bytes[index]
        let triple = peek(1) == quote && peek(2) == quote
        index += triple ? 3 : 1
        var output: [UInt8] = []
        while true {
            guard let byte = peek() else {
                throw ExprDiagnostic("unterminated \(isBytes ? "bytes" : "string") literal", at: start)
            }
            if byte == quote {
                if !triple {
                    index += 1
                    break
                }
                if peek(1) == quote, peek(2) == quote {
                    index += 3
                    break
                }
            }
            if !triple, byte == 0x0A || byte == 0x0D {
                throw ExprDiagnostic("line break in a string literal", at: index,
                                     hint: "use '\\n' or a triple-quoted string")
            }
            if byte == UInt8(ascii: "\\"), !raw {
                try escape(into: &output, isBytes: isBytes)
            } else {
                output.append(byte)
                index += 1
            }
        }
        let kind: Token.Kind = isBytes ? .bytes(output) : .string(String(decoding: output, as: UTF8.self))
        return Token(kind: kind, offset: start, end: index)
    }

    /// Decodes the escape sequence at `index` (a backslash) and appends its UTF-8 or byte value.
    private mutating func escape(into output: inout [UInt8], isBytes: Bool) throws(ExprDiagnostic) {
        let start = index
        index += 1
        guard let code = peek() else { throw ExprDiagnostic("unterminated escape sequence", at: start) }
        index += 1
        func append(scalar value: UInt32) throws(ExprDiagnostic) {
            guard let scalar = Unicode.Scalar(value) else {
                throw ExprDiagnostic("escape sequence is not a valid Unicode code point", at: start)
            }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        switch code {
        case UInt8(ascii: "a"): output.append(0x07)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "v"): output.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            output.append(code)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            let value = try hexDigits(2, escapeStart: start)
            if isBytes { output.append(UInt8(value)) } else { try append(scalar: value) }
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            guard !isBytes else {
                throw ExprDiagnostic("'\\\(Character(Unicode.Scalar(code)))' escapes are not allowed in bytes literals", at: start)
            }
            var value = try hexDigits(code == UInt8(ascii: "u") ? 4 : 8, escapeStart: start)
            // A UTF-16 surrogate pair written as two \u escapes stands for one code point.
            if (0xD800...0xDBFF).contains(value), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
                index += 2
                let low = try hexDigits(4, escapeStart: start)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw ExprDiagnostic("invalid surrogate pair in escape sequence", at: start)
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            try append(scalar: value)
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            var value = UInt32(code - 48)
            for _ in 0..<2 {
                guard let digit = peek(), digit >= 48, digit <= 55 else {
                    throw ExprDiagnostic("octal escape needs three digits (\\000 to \\377)", at: start)
                }
                value = value * 8 + UInt32(digit - 48)
                index += 1
            }
            if isBytes { output.append(UInt8(value)) } else { try append(scalar: value) }
        default:
            throw ExprDiagnostic("unknown escape sequence '\\\(Lexer.characterAt(bytes, index - 1))'", at: start)
        }
    }

    private mutating func hexDigits(_ count: Int, escapeStart: Int) throws(ExprDiagnostic) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let byte = peek(), let digit = Lexer.hexValue(byte) else {
                throw ExprDiagnostic("escape sequence needs \(count) hexadecimal digits", at: escapeStart)
            }
            value = value &* 16 &+ digit
            index += 1
        }
        return value
    }
}
