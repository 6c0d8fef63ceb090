/// The result of running one embedded example.
public struct ExampleResult: Sendable {
    public var ruleID: String
    public var name: String
    public var location: SourceLocation
    public var expected: Outcome
    public var actual: RuleResult?
    /// Why the example failed; empty when it passed.
    public var problems: [String]

    public var passed: Bool { problems.isEmpty }
}

/// Runs a rule's examples: each example's documents go through the same validation as real
/// input (so an example cannot use a field or value real data could not), then the rule.
public struct ExampleRunner: Sendable {
    public let defaultDate: CivilDate

    public init(defaultDate: CivilDate) {
        self.defaultDate = defaultDate
    }

    public func run(_ compiled: CompiledRule) -> [ExampleResult] {
        compiled.rule.examples.map { run($0, compiled) }
    }

    public func run(_ example: RuleExample, _ compiled: CompiledRule) -> ExampleResult {
        var result = ExampleResult(
            ruleID: compiled.rule.id, name: example.name, location: example.location,
            expected: example.expected, actual: nil, problems: [])
        var documents: [Value] = []
        for variable in compiled.subject.variables {
            let node = example.documents.first { $0.variable == variable.name }?.node
                ?? Node(.mapping([]), at: example.location)
            // Examples are partial: required identifiers get a placeholder.
            var placeholders: [String: Value] = [:]
            for field in variable.schema.fields where field.required {
                if case .string = field.type { placeholders[field.name] = .string("example") }
            }
            let validated = SchemaValidator().validateObject(node, as: variable.schema, path: variable.name, inherited: placeholders)
            for diagnostic in validated.diagnostics {
                result.problems.append("\(diagnostic)")
            }
            documents.append(validated.value ?? .map(MapValue()))
        }
        guard result.problems.isEmpty else { return result }
        let actual = compiled.evaluate(documents, asOf: example.asOf ?? defaultDate)
        result.actual = actual
        if actual.outcome != example.expected {
            var problem = "expected \(example.expected.rawValue), got \(actual.outcome.rawValue)"
            if let message = actual.errorMessage { problem += " (\(message))" }
            if !actual.missing.isEmpty { problem += "; missing: \(actual.missing.joined(separator: ", "))" }
            result.problems.append(problem)
        }
        if let due = example.expectedDue, actual.due != due {
            result.problems.append("expected due \(due), got \(actual.due.map(String.init(describing:)) ?? "none")")
        }
        if let late = example.expectedDaysLate, actual.daysLate != late {
            result.problems.append("expected days_late \(late), got \(actual.daysLate.map(String.init) ?? "none")")
        }
        if let missing = example.expectedMissing, Set(missing) != Set(actual.missing) {
            result.problems.append("expected missing [\(missing.sorted().joined(separator: ", "))], got [\(actual.missing.joined(separator: ", "))]")
        }
        return result
    }
}
