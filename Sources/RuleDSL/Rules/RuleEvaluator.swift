/// Judges one subject by one compiled rule, with the outcome semantics of the rule catalogue:
/// missing data is decided by the data that is there (CEL's error absorption), `null` counts as
/// "not done", and a deadline is compliant, late, overdue, pending or open (decided in `Decision`).
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
        explain(&result, frame, asOf: asOf)
        return result
    }

    /// `explain` of a result in place, in a frame holding the rule's documents, date and
    /// parameters: its own, or one it shares with the other rules of its subject, right after
    /// judging there (no copy of the result made and freed for each listed result).
    func explain(_ result: inout RuleResult, _ frame: Frame, asOf: CivilDate) {
        result.legalBasis = legalBasis(frame, asOf: asOf)
        // Room for every item at once: `compactMap` grew the list item by item, an allocation
        // at the first, second and third item of every listed result.
        var found: [(path: String, value: Value?)] = []
        found.reserveCapacity(evidence.count)
        for item in evidence {
            switch item.program.run(frame) {
            case .success(let value): found.append((item.path, value))
            case .failure(let error) where error.isMissing: found.append((item.path, nil))
            case .failure: continue
            }
        }
        result.evidence = found
    }

    private func bind(_ documents: [Value], in frame: Frame) {
        for (slot, document) in zip(variableSlots, documents) { frame[slot] = document }
    }

    /// The decision gives missing paths relative to the subject already (see `Decision.missing`).
    func judge(_ frame: Frame, asOf: CivilDate) -> RuleResult {
        decision(frame, asOf)
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

    /// The references in force on the subject's reference date (the evaluation date when the
    /// subject has none or it is not recorded).
    private func legalBasis(_ frame: Frame, asOf: CivilDate) -> [LegalReference] {
        var on = asOf
        if let referenceDate, case .success(.date(let date)) = referenceDate.run(frame) { on = date }
        return legalBasis.inForce(on: on)
    }

    /// A path as the subject whose own variable is `own` sees it: `case.admission.date` is
    /// `admission.date` for a case rule, while a child rule keeps `case.` for its case's fields.
    static func relative(_ path: String, own: String?) -> String {
        guard let own else { return path }
        let prefix = own + "."
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
