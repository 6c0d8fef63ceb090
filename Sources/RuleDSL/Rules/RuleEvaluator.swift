/// Judges one subject by one compiled rule, with the outcome semantics of the rule catalogue:
/// missing data is decided by the data that is there (CEL's error absorption), `null` counts as
/// "not done", and a deadline is compliant, late, overdue, pending or open.
extension CompiledRule {
    /// The full result: outcome, legal basis and evidence. `documents` are the subject's
    /// variables in `subject.variables` order.
    public func evaluate(_ documents: [Value], asOf: CivilDate) -> RuleResult {
        explain(judge(documents, asOf: asOf), documents, asOf: asOf)
    }

    /// The outcome alone (with due date, days late and missing paths), without evidence or
    /// citations: what a summary needs, at a fraction of the cost.
    public func judge(_ documents: [Value], asOf: CivilDate) -> RuleResult {
        withFrame(nil, nil, asOf: asOf) { frame in
            bind(documents, in: frame)
            return judge(frame, asOf: asOf)
        }
    }

    /// `judge` for a subject's own document and, for a subject with a context document (a
    /// child's case), that one: no argument array to build for every subject.
    public func judge(_ own: Value, context: Value? = nil, asOf: CivilDate) -> RuleResult {
        withFrame(own, context, asOf: asOf) { frame in judge(frame, asOf: asOf) }
    }

    /// Adds the legal basis in force and the evidence to a judged result, for the results a
    /// report lists.
    public func explain(_ judged: RuleResult, _ documents: [Value], asOf: CivilDate) -> RuleResult {
        withFrame(nil, nil, asOf: asOf) { frame in
            bind(documents, in: frame)
            return explain(judged, frame, asOf: asOf)
        }
    }

    /// `explain` for a subject's own document and its context document.
    public func explain(_ judged: RuleResult, _ own: Value?, context: Value? = nil, asOf: CivilDate) -> RuleResult {
        withFrame(own, context, asOf: asOf) { frame in explain(judged, frame, asOf: asOf) }
    }

    private func explain(_ judged: RuleResult, _ frame: Frame, asOf: CivilDate) -> RuleResult {
        var result = judged
        result.legalBasis = legalBasis(frame, asOf: asOf)
        result.evidence = evidence.compactMap { item in
            switch item.program.run(frame) {
            case .success(let value): return (relative(item.path), value)
            case .failure(let error) where error.isMissing: return (relative(item.path), nil)
            case .failure: return nil
            }
        }
        return result
    }

    private func bind(_ documents: [Value], in frame: Frame) {
        for (slot, document) in zip(variableSlots, documents) { frame[slot] = document }
    }

    func judge(_ frame: Frame, asOf: CivilDate) -> RuleResult {
        var result = decide(frame, asOf: asOf)
        if !result.missing.isEmpty { result.missing = Array(Set(result.missing.map(relative))).sorted() }
        return result
    }

    /// One frame for every program of the rule: the template's bindings (parameters), the
    /// documents in `subject.variables` order and the evaluation date.
    private func withFrame<Result>(_ own: Value?, _ context: Value?, asOf: CivilDate, _ body: (Frame) -> Result) -> Result {
        Frame.with(frameValues, size: frameSize) { frame in
            bindDocuments(own, context, asOf: asOf, in: frame)
            return body(frame)
        }
    }

    func bindDocuments(_ own: Value?, _ context: Value?, asOf: CivilDate, in frame: Frame) {
        if let own, !variableSlots.isEmpty { frame[variableSlots[0]] = own }
        if let context, variableSlots.count > 1 { frame[variableSlots[1]] = context }
        frame[asOfSlot] = .date(asOf)
    }

    private func decide(_ frame: Frame, asOf: CivilDate) -> RuleResult {
        if let when {
            switch truth(when, frame) {
            case .holds: break
            case .fails: return RuleResult(outcome: .notApplicable)
            case .open(let paths): return RuleResult(outcome: .incomplete, missing: paths)
            case .broken(let message): return RuleResult(outcome: .error, errorMessage: "when: \(message)")
            }
        }
        switch check {
        case .require(let program):
            switch truth(program, frame) {
            case .holds: return RuleResult(outcome: .compliant)
            case .fails: return RuleResult(outcome: .noncompliant)
            case .open(let paths): return RuleResult(outcome: .incomplete, missing: paths)
            case .broken(let message): return RuleResult(outcome: .error, errorMessage: "require: \(message)")
            }
        case .deadline(let dueProgram, let donePrograms):
            return deadline(dueProgram, donePrograms, frame, asOf: asOf)
        }
    }

    private enum Truth {
        case holds
        case fails
        case open([String])
        case broken(String)
    }

    /// A condition's value; `null` counts as false ("not recorded as done").
    private func truth(_ program: Program, _ frame: Frame) -> Truth {
        switch program.run(frame) {
        case .success(.bool(true)): return .holds
        case .success(.bool(false)), .success(.null): return .fails
        case .success(let other): return .broken("expected true or false, got \(other)")
        case .failure(let error) where error.isMissing: return .open(error.missingPaths)
        case .failure(let error): return .broken(error.message)
        }
    }

    private enum DateValue {
        case date(CivilDate)
        case none
        case open([String])
        case broken(String)
    }

    private func date(_ program: Program, _ frame: Frame) -> DateValue {
        switch program.run(frame) {
        case .success(.date(let date)): return .date(date)
        case .success(.null): return .none
        case .success(let other): return .broken("expected a date, got \(other)")
        case .failure(let error) where error.isMissing: return .open(error.missingPaths)
        case .failure(let error): return .broken(error.message)
        }
    }

    /// done ≤ due → compliant; done > due → late; nothing done and the due date passed → overdue;
    /// nothing done yet and still time → pending; a done date not recorded → incomplete, unless
    /// another recorded date already shows the duty was met on time.
    private func deadline(_ dueProgram: Program, _ donePrograms: [Program], _ frame: Frame, asOf: CivilDate) -> RuleResult {
        let due: CivilDate
        switch date(dueProgram, frame) {
        case .date(let date): due = date
        case .none: return RuleResult(outcome: .error, errorMessage: "deadline.due: the due date is null")
        case .open(let paths): return RuleResult(outcome: .incomplete, missing: paths)
        case .broken(let message): return RuleResult(outcome: .error, errorMessage: "deadline.due: \(message)")
        }
        var doneDates: [CivilDate] = []
        var missing: [String] = []
        for program in donePrograms {
            switch date(program, frame) {
            case .date(let date): doneDates.append(date)
            case .none: break
            case .open(let paths): missing += paths
            case .broken(let message): return RuleResult(outcome: .error, due: due, errorMessage: "deadline.done: \(message)")
            }
        }
        let earliest = doneDates.min()
        if let earliest, earliest <= due { return RuleResult(outcome: .compliant, due: due) }
        if !missing.isEmpty { return RuleResult(outcome: .incomplete, due: due, missing: missing) }
        if let earliest { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: earliest)) }
        if asOf > due { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: asOf)) }
        return RuleResult(outcome: .pending, due: due)
    }

    /// The references in force on the subject's reference date (the evaluation date when the
    /// subject has none or it is not recorded).
    private func legalBasis(_ frame: Frame, asOf: CivilDate) -> [LegalReference] {
        var on = asOf
        if let referenceDate, case .success(.date(let date)) = referenceDate.run(frame) { on = date }
        return rule.legalBasis.filter { $0.isInForce(on: on) }
    }

    /// A path as the subject sees it: `case.admission.date` is `admission.date` for a case rule,
    /// while a child rule keeps `case.` for its case's fields.
    func relative(_ path: String) -> String {
        guard let own = subject.variables.first?.name else { return path }
        let prefix = own + "."
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
