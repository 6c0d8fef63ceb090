import Testing
@testable import RuleDSL

/// Compiles and evaluates `text`; compile errors are reported as a test failure and yield nil.
func exprEval(_ text: String, environment: ExprEnvironment = ExprEnvironment(),
              bindings: [String: Value] = [:], sourceLocation: SourceLocation_ = #_sourceLocation) -> Result<Value, EvalError>? {
    do {
        let program = try environment.compile(text)
        var bound = environment.makeBindings()
        for (name, value) in bindings { bound[name] = value }
        return program.result(bound)
    } catch {
        Issue.record("compile error for \(text): \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

typealias SourceLocation_ = Testing.SourceLocation

/// The value of `text`, or nil (with a recorded issue) when it fails.
func exprValue(_ text: String, environment: ExprEnvironment = ExprEnvironment(),
               bindings: [String: Value] = [:], sourceLocation: SourceLocation_ = #_sourceLocation) -> Value? {
    switch exprEval(text, environment: environment, bindings: bindings, sourceLocation: sourceLocation) {
    case .success(let value): return value
    case .failure(let error):
        Issue.record("evaluation error for \(text): \(error)", sourceLocation: sourceLocation)
        return nil
    case nil: return nil
    }
}

/// The evaluation error of `text`, or nil (with a recorded issue) when it yields a value.
func exprError(_ text: String, environment: ExprEnvironment = ExprEnvironment(),
               bindings: [String: Value] = [:], sourceLocation: SourceLocation_ = #_sourceLocation) -> EvalError? {
    switch exprEval(text, environment: environment, bindings: bindings, sourceLocation: sourceLocation) {
    case .success(let value):
        Issue.record("expected an error from \(text), got \(Display.literal(value))", sourceLocation: sourceLocation)
        return nil
    case .failure(let error): return error
    case nil: return nil
    }
}

/// The compile diagnostics of `text` (empty, with a recorded issue, when it compiles).
func exprCompileErrors(_ text: String, environment: ExprEnvironment = ExprEnvironment(),
                       sourceLocation: SourceLocation_ = #_sourceLocation) -> [ExprDiagnostic] {
    do {
        _ = try environment.compile(text)
        Issue.record("expected a compile error for \(text)", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

/// A value as CEL source text: tables state expectations as literals (`"[1, 2]"`).
func exprLiteral(_ value: Value?) -> String? { value.map(Display.literal) }
