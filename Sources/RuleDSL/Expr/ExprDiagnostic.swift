/// A problem found while compiling an expression (lexing, parsing or type checking).
///
/// `offset` is a UTF-8 byte offset into the expression text; `SourceOrigin` turns it into a
/// file:line:column once the caller says where the text came from.
public struct ExprDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    /// A suggestion such as "did you mean 'admission'?".
    public var hint: String?

    public init(_ message: String, at offset: Int, hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message) (\($0))" } ?? message
    }
}

/// Every diagnostic of one failed compilation, with the text they point into.
public struct ExprCompileError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ExprDiagnostic]
    public var source: String
    public var origin: SourceOrigin

    public init(diagnostics: [ExprDiagnostic], source: String, origin: SourceOrigin) {
        self.diagnostics = diagnostics
        self.source = source
        self.origin = origin
    }

    /// Each diagnostic with its location, e.g. `rules/c01.yaml:12:17: unknown field 'sx' (did you mean 'sex'?)`.
    public var located: [(location: SourceLocation, diagnostic: ExprDiagnostic)] {
        diagnostics.map { (origin.location(ofOffset: $0.offset, in: source), $0) }
    }

    public var description: String {
        located.map { "\($0.location): \($0.diagnostic)" }.joined(separator: "\n")
    }

    /// The package-wide diagnostics (code `expression`), for rule loaders and linters.
    public var asDiagnostics: [Diagnostic] {
        located.map { Diagnostic.error(at: $0.location, code: "expression", $0.diagnostic.message, hint: $0.diagnostic.hint) }
    }
}

// `SourceLocation` is the package-wide one in Diagnostics/SourceLocation.swift (file is required;
// a standalone expression uses "<expression>").

/// Where an expression's text starts inside a larger file, so offsets map to file positions.
///
/// For a YAML block scalar (`|`), every line of the text sits at the same indentation, which is
/// `column`; for any other scalar the text is taken as one line starting at `column` (YAML folds
/// the line breaks of multi-line flow scalars, so their inner positions cannot be recovered).
public struct SourceOrigin: Sendable, Equatable {
    public var file: String?
    public var line: Int
    public var column: Int
    public var isBlockScalar: Bool

    public init(file: String? = nil, line: Int = 1, column: Int = 1, isBlockScalar: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.isBlockScalar = isBlockScalar
    }

    /// Text typed on its own (the `eval` command): line 1, column 1.
    public static let standalone = SourceOrigin()

    /// The file position of a UTF-8 byte offset; columns count Unicode scalars.
    public func location(ofOffset offset: Int, in text: String) -> SourceLocation {
        let utf8 = text.utf8
        let clamped = max(0, min(offset, utf8.count))
        var lineIndex = 0
        var lineStart = utf8.startIndex
        let end = utf8.index(utf8.startIndex, offsetBy: clamped)
        var cursor = utf8.startIndex
        while cursor < end {
            if utf8[cursor] == UInt8(ascii: "\n") {
                lineIndex += 1
                lineStart = utf8.index(after: cursor)
            }
            cursor = utf8.index(after: cursor)
        }
        // Count scalars (not bytes) from the line start to the offset.
        var scalars = 0
        var index = lineStart
        while index < end {
            if utf8[index] & 0xC0 != 0x80 { scalars += 1 }
            index = utf8.index(after: index)
        }
        if lineIndex == 0 || isBlockScalar {
            return SourceLocation(file: file ?? "<expression>", line: line + lineIndex, column: column + scalars)
        }
        // A line break inside a quoted flow scalar: the continuation lines' indentation is unknown.
        return SourceLocation(file: file ?? "<expression>", line: line + lineIndex, column: 1 + scalars)
    }
}
