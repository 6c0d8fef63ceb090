import RuleDSL

/// Which fields of a case a streamed audit builds when it decodes a JSON Lines export: what the
/// chosen rules can read (`CompiledRule.reads`) and what the input checks and subject
/// references read themselves. The rest is checked just as strictly but never built.
enum CaseReads {
    /// Read whatever rules run: the record's identity, the dates `ConsistencyChecks` compares,
    /// and each child's id and age.
    static let always = FieldSelection(paths: [
        ["kind"], ["case_id"], ["shelter_id"], ["admission", "date"], ["departure", "date"],
        ["children", "child_id"], ["children", "age"],
    ])

    /// Everything `rules` can read of a case: case rules read `case`; child rules read `case`
    /// and, as `child`, each item of its `children`.
    static func selection(for rules: [CompiledRule]) -> FieldSelection {
        var selection = always
        for rule in rules {
            switch rule.subject.name {
            case GrundpakkeContext.case.name:
                if let reads = rule.reads["case"] { selection.formUnion(reads) }
            case GrundpakkeContext.child.name:
                if let reads = rule.reads["case"] { selection.formUnion(reads) }
                if let reads = rule.reads["child"] { selection.formUnion(FieldSelection(field: "children", reads)) }
            default:
                // Shelter rules judge shelter profiles, never a case.
                continue
            }
        }
        return selection
    }
}
