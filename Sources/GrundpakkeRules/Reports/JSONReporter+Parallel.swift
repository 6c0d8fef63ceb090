import RuleDSL

extension JSONReporter {
    /// `write(_:to:)`, with the results that went to the temporary file rendered on up to
    /// `parallelism` cores at once, a stretch of them per task, and written in report order:
    /// the same bytes as `write(_:to:)`, in less time when a report lists many results.
    ///
    /// Each task reads its stretch back itself, with interning tables and rule texts of its
    /// own, so tasks never share the strings they render: cores counting references to the
    /// same strings took turns at their memory, which cost more than the second core gave.
    /// At most twice `parallelism` stretches are rendered or waiting at a time.
    public func write(_ report: Report, to sink: inout some ReportSink, parallelism: Int) async throws {
        let stretches = report.results.spilledStretches
        // Results written where they were judged are only copied.
        guard parallelism > 1, stretches.count > 1, report.writtenResults == nil else { return try write(report, to: &sink) }
        try writeHead(report, to: &sink)
        var listed = false
        let rules = RuleText.of(report.rules, language: language)
        try writeListed(report.results.inMemory, rules, ResultText(language: language, asOf: report.asOf), listed: &listed, to: &sink)
        let reporter = self
        let asOf = report.asOf
        try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            var submitted = 0
            var written = 0
            var waiting: [Int: [UInt8]] = [:]
            func submit() {
                let index = submitted
                let stretch = stretches[index]
                submitted += 1
                group.addTask { (index, reporter.rendered(stretch, rules: rules, asOf: asOf)) }
            }
            while submitted < min(stretches.count, 2 * parallelism) { submit() }
            while written < stretches.count, let (index, bytes) = try await group.next() {
                waiting[index] = bytes
                while let bytes = waiting.removeValue(forKey: written) {
                    written += 1
                    if submitted < stretches.count { submit() }
                    guard let separator = bytes.first else { continue }
                    if listed {
                        try sink.write(utf8: bytes)
                    } else {
                        // The first result opens the list: "[" where the others have ",".
                        assert(separator == UInt8(ascii: ","))
                        try sink.write("[")
                        try sink.write(utf8: Array(bytes.dropFirst()))
                        listed = true
                    }
                }
            }
        }
        try writeTail(report, listed: listed, to: &sink)
    }

    /// The listed results of one stretch, each after ",\n    ", rendered with texts of this
    /// task's own.
    func rendered(_ stretch: SpillStretch, rules: [RuleText], asOf: CivilDate) -> [UInt8] {
        let texts = rules.map { $0.detached() }
        let text = ResultText(language: language, asOf: asOf)
        var reader = stretch.reader()
        // Room for a whole stretch at once (a listed result is usually under a kilobyte):
        // growing the buffer half-way copied it. Room never written costs no resident pages.
        var out = PrettyJSONWriter(level: 2, capacity: 1024 * ResultStore.defaultStretchLength)
        while let item = reader.next(rule: nil) {
            guard results.includes(item.result.outcome) else { continue }
            out.raw(",\n    ")
            writtenResult(texts[item.ruleIndex], item, text, into: &out)
        }
        return out.written
    }
}
