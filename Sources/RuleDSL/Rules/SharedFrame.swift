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
        // Both arrays are read through their buffers: they are the same arrays for every
        // record on every core, and iterating one (or taking a rule out of it) counted a
        // reference to it, an atomic operation on memory both cores share, for every subject.
        rules.withUnsafeBufferPointer { rules in
            indices.withUnsafeBufferPointer { indices in
                judge(rules, indices, own, context: context, asOf: asOf, explaining: explaining, body)
            }
        }
    }

    private static func judge(
        _ rules: UnsafeBufferPointer<CompiledRule>, _ indices: UnsafeBufferPointer<Int>, _ own: Value, context: Value?,
        asOf: CivilDate, explaining: (Outcome) -> Bool, _ body: (Int, consuming RuleResult) -> Void
    ) {
        guard let firstIndex = indices.first else { return }
        var size = 0
        for index in indices { size = max(size, rules[index].frameSize) }
        // `rules` keeps every rule alive while this runs: taking one out of the buffer without
        // counting a reference saves a retain and a release per rule and subject.
        Unmanaged.passUnretained(rules[firstIndex])._withUnsafeGuaranteedRef { first in
            Frame.with(first.frameValues, size: size) { frame in
                first.bindDocuments(own, context, asOf: asOf, in: frame)
                for index in indices {
                    Unmanaged.passUnretained(rules[index])._withUnsafeGuaranteedRef { rule in
                        guard rule.sharesFrame(with: first) else {
                            let judged = rule.judge(own, context: context, asOf: asOf)
                            body(index, explaining(judged.outcome) ? rule.explain(judged, own, context: context, asOf: asOf) : judged)
                            return
                        }
                        // The rule's own bound values (its parameters); loop variables are back
                        // to nil after every comprehension, so nothing else differs between rules.
                        // Its list of them is read through its buffer, as the arrays above are.
                        rule.parameterSlots.withUnsafeBufferPointer { parameters in
                            for parameter in parameters { frame[parameter.slot] = parameter.value }
                        }
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
}
