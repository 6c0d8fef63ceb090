import ArgumentParser
import Foundation
import GrundpakkeRules
import RuleDSL

/// `grundpakke-check eval EXPR`: evaluate one expression, for rule authors (like `opa eval`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one rule expression.",
        discussion: """
            EXPR is a CEL expression ('-' reads it from standard input). `as_of` is bound to the \
            evaluation date; --input binds a shelter profile as `shelter`, or a case as `case` \
            (and its first child, if any, as `child`). The Danish working-day functions \
            (nth_working_day, due_after_days, ...) are available. Exit status: 0 = a value, \
            1 = the evaluation yielded an error, 2 = a syntax or type error, or a bad argument.
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

    @Option(help: ArgumentHelp("A shelter profile or case (YAML, JSON or JSON Lines) to bind by its kind.", valueName: "FILE"))
    var input: String?

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
        var evaluation = StandaloneEvaluation(
            expression: text, variables: bound, asOf: date,
            functions: GrundpakkeContext.make(packParams: []).context.functions)
        if let input {
            guard let documents = inputDocuments(input) else { return nil }
            evaluation.documents = documents
        }
        return evaluation
    }

    /// The documents of `--input`, by kind; nil after reporting why they cannot be bound.
    private func inputDocuments(_ path: String) -> [(name: String, schema: SchemaType, value: Value)]? {
        let batch = InputReader().read(paths: [path])
        if let error = batch.errors.first {
            report("--input: \(error)")
            return nil
        }
        let records = batch.records
        let shelters = records.filter { $0.kind == .shelter }
        let cases = records.filter { $0.kind == .case }
        guard shelters.count <= 1, cases.count <= 1, !records.isEmpty else {
            report("--input expects one shelter profile and/or one case, found \(shelters.count) shelters and \(cases.count) cases in '\(path)'")
            return nil
        }
        var documents: [(name: String, schema: SchemaType, value: Value)] = []
        if let shelter = shelters.first {
            documents.append(("shelter", .object(ShelterSchema.object), .map(shelter.fields)))
        }
        if let stay = cases.first {
            documents.append(("case", .object(CaseSchema.object), .map(stay.fields)))
            if let child = stay.children.first {
                documents.append(("child", .object(CaseSchema.child), .map(child)))
            }
        }
        return documents
    }

    private func report(_ message: String) {
        if format == .json {
            print(ValueJSON.error(message))
        } else {
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        }
    }
}
