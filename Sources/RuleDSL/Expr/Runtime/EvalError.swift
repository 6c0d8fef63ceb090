/// The error value of an evaluation: either data that was not recorded ("missing"), or a
/// genuine failure (division by zero, overflow, no matching overload, ...).
///
/// Missing data is kept apart because a rule turns it into the outcome `incomplete` with the
/// list of paths, while a failure is a defect in the rule or the data.
public struct EvalError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Absent fields, by path (`case.woman.sex`), in the order met, without duplicates.
        case missing([String])
        case failure(String)
    }

    public var kind: Kind
    /// Byte offset of the expression part that failed, when known.
    public var offset: Int?

    public init(_ kind: Kind, offset: Int? = nil) {
        self.kind = kind
        self.offset = offset
    }

    /// A failure with a message; functions registered by a domain throw these.
    public static func failure(_ message: String) -> EvalError { EvalError(.failure(message)) }

    public static func missing(_ path: String, offset: Int? = nil) -> EvalError {
        EvalError(.missing([path]), offset: offset)
    }

    public var isMissing: Bool {
        if case .missing = kind { return true }
        return false
    }

    /// The absent paths, empty for a failure.
    public var missingPaths: [String] {
        if case .missing(let paths) = kind { return paths }
        return []
    }

    public var message: String {
        switch kind {
        case .missing(let paths): return "missing data: " + paths.joined(separator: ", ")
        case .failure(let message): return message
        }
    }

    public var description: String { message }

    /// The error `&&`/`||` report when neither side decides: a failure wins over missing data
    /// (it needs fixing whatever the data), and two missing errors pool their paths.
    func combined(with other: EvalError) -> EvalError {
        switch (kind, other.kind) {
        case (.failure, _): return self
        case (_, .failure): return other
        case (.missing(let first), .missing(let second)):
            var paths = first
            for path in second where !paths.contains(path) { paths.append(path) }
            return EvalError(.missing(paths), offset: offset ?? other.offset)
        }
    }

    func located(at offset: Int) -> EvalError {
        guard self.offset == nil else { return self }
        var copy = self
        copy.offset = offset
        return copy
    }

    static func noOverload(_ function: String, _ arguments: [Value]) -> EvalError {
        let types = arguments.map(\.typeName.name).joined(separator: ", ")
        return .failure("no matching overload for '\(function)' applied to (\(types))")
    }
}
