/// A rule whose expressions are checked and compiled against its subject: ready to evaluate
/// many subjects, from many threads, with no name lookups. A class (immutable, so `Sendable`)
/// because it is handed around for every subject judged: one reference, not a dozen fields.
public final class CompiledRule: Sendable {
    public let rule: Rule
    public let subject: SubjectDefinition
    let bindingsTemplate: Bindings
    let variableSlots: [Int]
    let asOfSlot: Int
    let when: Program?
    let check: CompiledCheck
    /// `when` and `check` planned as one closure (see `Decision`).
    let decision: Decision.Decide
    /// The evidence programs, each with its path as a result lists it (relative to the subject).
    let evidence: [(path: String, program: Program)]
    let referenceDate: Program?
    /// The rule's legal references by the periods they are in force.
    let legalBasis: LegalBasisTimeline
    /// Slots one frame needs to run every program of the rule in turn.
    let frameSize: Int
    /// What a frame starts with before the documents are bound: the template's values, or
    /// nothing when none is bound (no slot to copy for every subject).
    let frameValues: [Value?]
    /// What any of the rule's programs can read of each variable, by variable name: a decoder
    /// may leave the rest of a record unbuilt.
    public let reads: [String: FieldSelection]
    /// What the rule puts back in a frame it shares with other rules of its subject: its bound
    /// values other than the documents and the date (none once parameters are constants).
    let parameterSlots: [(slot: Int, value: Value?)]
    /// The documents' slots and the date's slot packed in one number, when they are few and
    /// small (always, in practice): whether two rules can share a frame is then one comparison,
    /// not two arrays compared for every subject (see `sharesFrame(with:)`).
    let layoutCode: UInt64?

    enum CompiledCheck: Sendable {
        case require(Program)
        case deadline(due: Program, done: [Program])
    }

    init(
        rule: Rule, subject: SubjectDefinition, bindingsTemplate: Bindings, variableSlots: [Int], asOfSlot: Int,
        when: Program?, check: CompiledCheck, evidence: [(path: String, program: Program)], referenceDate: Program?
    ) {
        self.rule = rule
        self.subject = subject
        self.bindingsTemplate = bindingsTemplate
        self.variableSlots = variableSlots
        self.asOfSlot = asOfSlot
        self.when = when
        self.check = check
        let own = subject.variables.first?.name
        decision = Decision.plan(when: when, check: check, own: own)
        self.evidence = evidence.map { (CompiledRule.relative($0.path, own: own), $0.program) }
        self.referenceDate = referenceDate
        legalBasis = LegalBasisTimeline(rule.legalBasis)
        var programs = [when, referenceDate].compactMap { $0 } + evidence.map(\.program)
        switch check {
        case .require(let program): programs.append(program)
        case .deadline(let due, let done): programs += [due] + done
        }
        frameSize = programs.reduce(bindingsTemplate.values.count) { max($0, $1.frameSize) }
        reads = programs.reduce(into: [:]) { union, program in
            for (name, selection) in program.reads { union[name, default: .nothing].formUnion(selection) }
        }
        frameValues = bindingsTemplate.values.allSatisfy { $0 == nil } ? [] : bindingsTemplate.values
        let values = frameValues
        parameterSlots = values.indices.filter { $0 != asOfSlot && !variableSlots.contains($0) }.map { ($0, values[$0]) }
        layoutCode = Self.layoutCode(variableSlots: variableSlots, asOfSlot: asOfSlot)
    }
}

extension CompiledRule {
    /// Whether the rule's documents and date sit in the same slots as `other`'s, so that both
    /// can run in one frame.
    func sharesFrame(with other: CompiledRule) -> Bool {
        // A layout has a code exactly when it is small enough to pack, so codes decide when either has one.
        if layoutCode != nil || other.layoutCode != nil { return layoutCode == other.layoutCode }
        return variableSlots == other.variableSlots && asOfSlot == other.asOfSlot
    }

    /// The count of variable slots, the date's slot and each variable slot, a byte each; nil
    /// when they do not fit (more than 6 variables, or a slot past 254).
    static func layoutCode(variableSlots: [Int], asOfSlot: Int) -> UInt64? {
        guard variableSlots.count <= 6, (0..<255).contains(asOfSlot),
              variableSlots.allSatisfy({ (0..<255).contains($0) }) else { return nil }
        var code = UInt64(variableSlots.count) | UInt64(asOfSlot) << 8
        for (position, slot) in variableSlots.enumerated() { code |= UInt64(slot) << (16 + 8 * UInt64(position)) }
        return code
    }
}

/// Compiles rules against a `RuleContext`: every identifier, field and function is resolved
/// and every expression's type checked before anything runs.
public struct RuleCompiler: Sendable {
    public let context: RuleContext

    public init(context: RuleContext) {
        self.context = context
    }

    /// The compiled rule, or every problem that keeps the rule from compiling.
    public func compile(_ rule: Rule) -> (rule: CompiledRule?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let subject = context.subject(named: rule.subject) else {
            return (nil, [Diagnostic.error(at: rule.location, code: "rule.subject",
                "subject: expected one of \(context.subjects.map(\.name).joined(separator: ", ")), found '\(rule.subject)'",
                hint: Suggestion.hint(for: rule.subject, among: context.subjects.map(\.name)))])
        }
        var environment = ExprEnvironment(functions: context.functions)
        for variable in subject.variables {
            environment.declare(variable.name, schema: .object(variable.schema))
        }
        environment.declare("as_of", type: .date)
        let params = mergedParams(rule)
        environment.declare("params", type: CELType.object(ObjectType(name: "params", fields: params.map { ($0.name, ObjectType.Field(Self.type(of: $0.value))) })))
        let paramsValue = Value.map(MapValue(stringKeyed: params))
        environment.fix("params", to: paramsValue)

        func compile(_ expression: RuleExpression, _ role: String, expecting: CELType?) -> Program? {
            do {
                return try environment.compile(expression.text, origin: expression.origin, expecting: expecting)
            } catch {
                for (location, problem) in error.located {  // each with file:line:column
                    diagnostics.append(.error(at: location, code: "rule.expression", "\(role): \(problem.message)", hint: problem.hint))
                }
                return nil
            }
        }

        let when = rule.when.flatMap { compile($0, "when", expecting: .bool) }
        var check: CompiledRule.CompiledCheck?
        switch rule.check {
        case .require(let expression):
            check = compile(expression, "require", expecting: .bool).map(CompiledRule.CompiledCheck.require)
        case .deadline(let due, let done):
            let dueProgram = compile(due, "deadline.due", expecting: .date)
            let donePrograms = done.compactMap { compile($0, "deadline.done", expecting: .date) }
            if let dueProgram, donePrograms.count == done.count {
                check = .deadline(due: dueProgram, done: donePrograms)
            }
        }
        let evidence = rule.evidence.compactMap { expression in
            compile(expression, "evidence", expecting: nil).map { (path: expression.text, program: $0) }
        }
        let reference = subject.referenceDate.flatMap { text in
            compile(RuleExpression(text: text, origin: SourceOrigin(file: "<subject \(subject.name)>")), "reference date", expecting: .date)
        }
        for example in rule.examples {
            for document in example.documents where !subject.variables.contains(where: { $0.name == document.variable }) {
                diagnostics.append(.error(at: document.node.location, code: "rule.example",
                    "example '\(example.name)': unknown key '\(document.variable)'",
                    hint: "an example holds name, expect, as_of, due, days_late, missing and the documents \(subject.variables.map(\.name).joined(separator: ", "))"))
            }
        }
        guard diagnostics.isEmpty, let check else { return (nil, diagnostics) }
        let bindings = environment.makeBindings()
        // Not bound: every read of `params` was made a constant when compiling (`fix`), so a
        // frame starts with nothing in it but the documents and the date.
        let slots = subject.variables.compactMap { bindings.slot(of: $0.name) }
        guard let asOfSlot = bindings.slot(of: "as_of") else { return (nil, diagnostics) }
        return (CompiledRule(
            rule: rule, subject: subject, bindingsTemplate: bindings, variableSlots: slots, asOfSlot: asOfSlot,
            when: when, check: check, evidence: evidence, referenceDate: reference), [])
    }

    private func mergedParams(_ rule: Rule) -> [(name: String, value: Value)] {
        var merged = context.packParams.filter { pack in !rule.params.contains { $0.name == pack.name } }
        merged += rule.params
        return merged
    }

    /// The checker type of a parameter's value.
    static func type(of value: Value) -> CELType {
        switch value {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .date: return .date
        case .list(let items):
            let element = items.first.map(type(of:)) ?? .dyn
            return .list(items.allSatisfy { type(of: $0) == element } ? element : .dyn)
        default: return .dyn
        }
    }
}
