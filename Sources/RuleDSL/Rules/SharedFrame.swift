/// Several rules of one subject judged over the same documents in one frame: the documents
/// and the evaluation date are bound once, and each rule only puts back its own parameters.
/// Rules compiled for one subject lay out their variables alike; a rule that does not is
/// judged in a frame of its own.
extension CompiledRule {
    /// Judges `rules[index]` for each of `indices`, in order, handing each result to `body`.
    /// A result whose outcome `explaining` accepts is explained (legal basis and evidence) in
    /// the same frame before it is handed on, as `explain(_:_:context:asOf:)` would.
    public static func judge(
        _ rules: [CompiledRule], _ indices: [Int], _ own: Value, context: Value?, asOf: CivilDate,
        explaining: (Outcome) -> Bool = { _ in false }, _ body: (Int, consuming RuleResult) -> Void
    ) {
        guard let first = indices.first.map({ rules[$0] }) else { return }
        let size = indices.reduce(first.frameSize) { max($0, rules[$1].frameSize) }
        Frame.with(first.frameValues, size: size) { frame in
            first.bindDocuments(own, context, asOf: asOf, in: frame)
            for index in indices {
                // `rules` keeps every rule alive while this runs: taking one out of the array
                // without counting a reference saves a retain and a release per rule and subject.
                Unmanaged.passUnretained(rules[index])._withUnsafeGuaranteedRef { rule in
                    guard rule.sharesFrame(with: first) else {
                        let judged = rule.judge(own, context: context, asOf: asOf)
                        body(index, explaining(judged.outcome) ? rule.explain(judged, own, context: context, asOf: asOf) : judged)
                        return
                    }
                    // The rule's own bound values (its parameters); loop variables are back to
                    // nil after every comprehension, so nothing else differs between rules.
                    for (slot, value) in rule.parameterSlots { frame[slot] = value }
                    var result = rule.judge(frame, asOf: asOf)
                    if explaining(result.outcome) { rule.explain(&result, frame, asOf: asOf) }
                    // Handed over, not copied: a listed result keeps it without counting
                    // references to its lists again.
                    body(index, consume result)
                }
            }
        }
    }
}
