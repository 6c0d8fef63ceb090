import RuleDSL

/// Writes listed results as the JSON report prints them, on the core that judged them (see
/// `WrittenResults`). Each core takes one of its own (`ListedJSONWriter.Recipe.make`): its
/// texts share no storage with another core's, so cores never count references to the same
/// string.
struct ListedJSONWriter: Sendable {
    /// What every core's writer is made from.
    struct Recipe: Sendable {
        let language: Language
        let rules: [Rule]
        let asOf: CivilDate

        func make() -> ListedJSONWriter {
            ListedJSONWriter(
                reporter: JSONReporter(language: language),
                rules: RuleText.of(rules, language: language).map { $0.detached() },
                text: ResultText(language: language, asOf: asOf))
        }
    }

    private let reporter: JSONReporter
    private let rules: [RuleText]
    private let text: ResultText

    /// `item` after the separator every result but the first has (`JSONReporter` writes the
    /// first with `[` instead of the comma).
    func write(_ item: AuditResult, into out: inout PrettyJSONWriter) {
        out.raw(",\n    ")
        reporter.writtenResult(rules[item.ruleIndex], item, text, into: &out)
    }
}

extension JSONReporter {
    /// The results of `written`, each after the separator its place needs (`listed`: whether a
    /// result was written before them, and after them).
    func writeListed(_ written: WrittenResults, listed: inout Bool, to sink: inout some ReportSink) throws {
        guard !written.isEmpty else { return }
        // The first result opens the list: "[" where the others have ",".
        try written.write(to: &sink, first: listed ? UInt8(ascii: ",") : UInt8(ascii: "["))
        listed = true
    }
}
