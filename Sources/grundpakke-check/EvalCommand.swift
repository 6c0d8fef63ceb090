import ArgumentParser
import Foundation
import RuleDSL

/// `grundpakke-check eval EXPR`: evaluate one expression, for rule authors (like `opa eval`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one rule expression.",
        discussion: """
            EXPR is a CEL expression ('-' reads it from standard input). `as_of` is bound to the \
            evaluation date. Exit status: 0 = a value, 1 = the evaluation yielded an error, \
            2 = a syntax or type error, or a bad argument.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The expression, or '-' to read it from standard input.")
    var expression: String

    @Option(name: .customLong("var"), help: ArgumentHelp(
        "Bind NAME to a constant expression, e.g. n=5u, b=b\"\\x00\", t=timestamp(\"2024-01-01T00:00:00Z\").",
        valueName: "NAME=LITERAL"))
    var variables: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Evaluation date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        guard let session = makeEvaluation() else { throw ExitCode(2) }
        switch session.run() {
        case .value(let value):
            print(format == .json ? ValueJSON.result(value) : Display.literal(value))
        case .evaluationError(let error, let location):
            let message = (location.map { "\($0.line):\($0.column): " } ?? "") + error.message
            report(message)
            throw ExitCode(1)
        case .invalid(let message):
            report(message)
            throw ExitCode(2)
        }
    }

    /// The evaluation the arguments describe, or nil after reporting a bad argument.
    private func makeEvaluation() -> StandaloneEvaluation? {
        var text = expression
        if expression == "-" {
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            text = lines.joined()
        }
        var bound: [(name: String, literal: String)] = []
        for argument in variables {
            guard let variable = StandaloneEvaluation.parseVariable(argument) else {
                report("--var expects NAME=LITERAL with NAME a plain name, got '\(argument)'")
                return nil
            }
            bound.append(variable)
        }
        let date: CivilDate
        if let asOf {
            guard let parsed = CivilDate(iso: asOf) else {
                report("--as-of expects a date YYYY-MM-DD, got '\(asOf)'")
                return nil
            }
            date = parsed
        } else {
            // The CLI is the one place that reads the clock.
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            guard let today = CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0) else {
                report("cannot determine today's date; pass --as-of")
                return nil
            }
            date = today
        }
        return StandaloneEvaluation(expression: text, variables: bound, asOf: date)
    }

    private func report(_ message: String) {
        if format == .json {
            print(ValueJSON.error(message))
        } else {
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        }
    }
}
