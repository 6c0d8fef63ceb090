/// Evaluating one expression on its own, as the `eval` command does: constants bound with
/// `--var NAME=LITERAL`, `as_of` bound as a date. The CLI only parses arguments and prints.
public struct StandaloneEvaluation: Sendable {
    public enum Outcome: Sendable {
        case value(Value)
        /// Evaluation produced an error value (exit status 1).
        case evaluationError(EvalError, location: SourceLocation?)
        /// The expression or a `--var` did not compile, or an argument was malformed (exit status 2).
        case invalid(String)
    }

    public var expression: String
    public var variables: [(name: String, literal: String)]
    public var asOf: CivilDate
    public var functions: FunctionRegistry
    /// Documents bound by name with the schema that types them (`--input`).
    public var documents: [(name: String, schema: SchemaType, value: Value)] = []

    public init(expression: String, variables: [(name: String, literal: String)] = [], asOf: CivilDate,
                functions: FunctionRegistry = .standard) {
        self.expression = expression
        self.variables = variables
        self.asOf = asOf
        self.functions = functions
    }

    /// Splits `NAME=LITERAL`; nil when there is no `=` or the name is not an identifier.
    public static func parseVariable(_ argument: String) -> (name: String, literal: String)? {
        guard let equals = argument.firstIndex(of: "=") else { return nil }
        let name = String(argument[..<equals])
        let literal = String(argument[argument.index(after: equals)...])
        let bytes = Array(name.utf8)
        guard let first = bytes.first, Lexer.isIdentifierStart(first),
              bytes.allSatisfy({ Lexer.isIdentifierStart($0) || Lexer.isDigit($0) }),
              !Lexer.reserved.contains(name), !["true", "false", "null", "in"].contains(name) else { return nil }
        return (name, literal)
    }

    public func run() -> Outcome {
        var environment = ExprEnvironment(functions: functions)
        var values: [(String, Value)] = [("as_of", .date(asOf))]
        environment.declare("as_of", type: .date)
        for document in documents {
            environment.declare(document.name, schema: document.schema)
            values.append((document.name, document.value))
        }
        let constants = ExprEnvironment(functions: functions)
        for (name, literal) in variables {
            let program: Program
            do {
                program = try constants.compile(literal)
            } catch {
                return .invalid("--var \(name): " + Self.describe(error))
            }
            do {
                let value = try program.evaluate(constants.makeBindings())
                environment.declare(name, type: program.resultType)
                values.append((name, value))
            } catch {
                return .invalid("--var \(name): \(error.message)")
            }
        }
        let program: Program
        do {
            program = try environment.compile(expression)
        } catch {
            return .invalid(Self.describe(error))
        }
        var bindings = environment.makeBindings()
        for (name, value) in values { bindings[name] = value }
        do {
            return .value(try program.evaluate(bindings))
        } catch {
            let location = error.offset.map { SourceOrigin.standalone.location(ofOffset: $0, in: expression) }
            return .evaluationError(error, location: location)
        }
    }

    /// `line:column: message` for each diagnostic; a lone expression has no file name to show.
    static func describe(_ error: ExprCompileError) -> String {
        error.located.map { "\($0.location.line):\($0.location.column): \($0.diagnostic)" }.joined(separator: "\n")
    }
}
