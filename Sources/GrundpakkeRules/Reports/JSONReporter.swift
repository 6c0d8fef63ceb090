import RuleDSL

/// The stable JSON report of the command-line contract. Key order is fixed and every list is
/// in report order, so the same input gives byte-identical output.
public struct JSONReporter: Sendable {
    public var language: Language
    public var results: ResultSelection

    public init(language: Language = .da, results: ResultSelection = .all) {
        self.language = language
        self.results = results
    }

    public func render(_ report: Report) -> String {
        var sink = StringSink()
        // A string cannot fail; reading spilled results back could, and the CLI checks that.
        try? write(report, to: &sink)
        return sink.text
    }

    /// The report, written member by member and result by result: the same bytes as
    /// `document(report).pretty`, without holding the results or the text in memory.
    public func write(_ report: Report, to sink: inout some ReportSink) throws {
        let text = ResultText(language: language, asOf: report.asOf)
        try writeHead(report, to: &sink)
        var listed = false
        try writeListed(report.results, RuleText.of(report.rules, language: language), text, listed: &listed, to: &sink)
        if let written = report.writtenResults { try writeListed(written, listed: &listed, to: &sink) }
        try writeTail(report, listed: listed, to: &sink)
    }

    /// The listed ones of `items`, each after the separator its place needs (`listed`: whether a
    /// result was written before them, and after them).
    func writeListed(_ items: some Sequence<AuditResult>, _ rules: [RuleText], _ text: ResultText, listed: inout Bool,
                     to sink: inout some ReportSink) throws {
        for item in items where results.includes(item.result.outcome) {
            try sink.write(listed ? ",\n    " : "[\n    ")
            try sink.write(utf8: writtenResult(rules[item.ruleIndex], item, text))
            listed = true
        }
    }

    /// Everything before the first result: the members before `results`, and its key.
    func writeHead(_ report: Report, to sink: inout some ReportSink) throws {
        var first = true
        for (key, value) in head(report) {
            try sink.write((first ? "{\n  " : ",\n  ") + PrettyJSON.key(key) + ": " + PrettyJSON.nested(value, level: 1))
            first = false
        }
        try sink.write(",\n  " + PrettyJSON.key("results") + ": ")
    }

    /// Everything after the last result (`listed`: whether any result was written).
    func writeTail(_ report: Report, listed: Bool, to sink: inout some ReportSink) throws {
        try sink.write(listed ? "\n  ]" : "[]")
        for (key, value) in tail(report) {
            try sink.write(",\n  " + PrettyJSON.key(key) + ": " + PrettyJSON.nested(value, level: 1))
        }
        try sink.write("\n}\n")
    }

    /// The whole report as one JSON value (`write` streams the same document).
    public func document(_ report: Report) -> JSONValue {
        let text = ResultText(language: language, asOf: report.asOf)
        let listed = report.results.filter { results.includes($0.result.outcome) }.map { result(report, $0, text) }
        return .object(head(report) + [("results", .array(listed))] + tail(report))
    }

    /// The members before `results`.
    private func head(_ report: Report) -> [(String, JSONValue)] {
        let outcomes = report.outcomeCounts
        return [
            ("tool", .object([("name", .string(report.toolName)), ("version", .string(report.toolVersion))])),
            ("rule_pack", .object([
                ("name", .string(report.packName)), ("version", .string(report.packVersion)),
                ("rules", .int(Int64(report.rules.count))),
            ])),
            ("as_of", .string(report.asOf.description)),
            ("summary", .object([
                ("subjects", .object(SubjectReference.Kind.allCases.map { ($0.rawValue, .int(Int64(report.subjectCounts[$0] ?? 0))) })),
                ("outcomes", counts(outcomes)),
                ("by_rule", .object(report.countsByRule.map { ($0.rule.id, counts($0.counts)) })),
                ("records_read", .int(Int64(report.recordsRead))),
                ("records_evaluated", .int(Int64(report.recordsEvaluated))),
                ("records_rejected", .int(Int64(report.recordsRejected))),
                ("input_errors", .int(Int64(report.inputErrors.count))),
                ("input_warnings", .int(Int64(report.inputWarnings.count))),
            ] + optionalSummary(report))),
        ]
    }

    /// The members after `results`.
    private func tail(_ report: Report) -> [(String, JSONValue)] {
        [
            ("input_errors", .array(report.inputErrors.map(diagnostic))),
            ("input_warnings", .array(report.inputWarnings.map(diagnostic))),
        ] + optionalLists(report)
    }

    /// Waiver and baseline counts, present only when `--waivers` / `--baseline` were given.
    private func optionalSummary(_ report: Report) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if report.waiversUsed {
            members.append(("waived", .int(Int64(report.results.counts.waived))))
        }
        if let resolved = report.resolvedFindings {
            members.append(("baseline", .object([
                ("new", .int(Int64(report.results.counts.baselineNew))),
                ("unchanged", .int(Int64(report.results.counts.baselineUnchanged))),
                ("resolved", .int(Int64(resolved.count))),
            ])))
        }
        return members
    }

    private func optionalLists(_ report: Report) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if report.waiversUsed {
            members.append(("waiver_notices", .array(report.waiverNotices.map { notice in
                .object([("kind", .string(notice.kind.rawValue))] + waiver(notice.waiver))
            })))
        }
        if let resolved = report.resolvedFindings {
            members.append(("resolved", .array(resolved.map { finding in
                var subject: [(String, JSONValue)] = [("kind", .string(finding.subjectKind)), ("id", .string(CPRRedaction.redact(finding.subjectID)))]
                if let caseID = finding.caseID { subject.append(("case_id", .string(CPRRedaction.redact(caseID)))) }
                return .object([
                    ("rule", .string(finding.rule)), ("subject", .object(subject)),
                    ("previous_outcome", .string(finding.previousOutcome)), ("outcome", .string(finding.currentOutcome)),
                ])
            })))
        }
        return members
    }

    private func waiver(_ waiver: Waiver) -> [(String, JSONValue)] {
        [
            ("rule", .string(waiver.rule)), ("subject", .string(CPRRedaction.redact(waiver.subject))),
            // `approved_by` names a person and is never printed.
            ("reason", .string(CPRRedaction.redact(waiver.reason))),
            ("expires", .string(waiver.expires.description)),
            ("file", .string(waiver.location.file)), ("line", .int(Int64(waiver.location.line))),
        ]
    }

    /// The five contract outcomes always; `error` only when a rule failed.
    private func counts(_ counts: OutcomeCounts) -> JSONValue {
        var members = Outcome.reported.map { ($0.rawValue, JSONValue.int(Int64(counts[$0]))) }
        if counts[.error] > 0 { members.append(("error", .int(Int64(counts[.error])))) }
        return .object(members)
    }

    private func result(_ report: Report, _ item: AuditResult, _ text: ResultText) -> JSONValue {
        let rule = report.rule(of: item)
        var subject: [(String, JSONValue)] = [("kind", .string(item.subject.kind.rawValue)), ("id", .string(item.subject.id))]
        if let caseID = item.subject.caseID { subject.append(("case_id", .string(caseID))) }
        subject.append(("shelter_id", .string(item.subject.shelterID)))
        subject += [("file", .string(item.subject.location.file)), ("line", .int(Int64(item.subject.location.line)))]
        var members: [(String, JSONValue)] = [
            ("rule", .string(rule.id)),
            ("level", .string(rule.level.rawValue)),
            ("section", .string(rule.section)),
            ("subject", .object(subject)),
            ("outcome", .string(item.result.outcome.rawValue)),
        ]
        if let due = item.result.due { members.append(("due", .string(due.description))) }
        if let late = item.result.daysLate { members.append(("days_late", .int(Int64(late)))) }
        members.append(("message", .string(text.message(rule, item.result))))
        members.append(("legal_basis", .array(item.result.legalBasis.map { reference in
            .object([("law", .string(reference.law)), ("provision", .string(reference.provision))])
        })))
        members.append(("missing", .array(item.result.missing.map(JSONValue.string))))
        members.append(("evidence", .object(item.result.evidence.compactMap { entry in
            entry.value.map { (entry.path, JSONReporter.json($0)) }
        })))
        if let applied = item.waiver { members.append(("waived", .object(waiver(applied)))) }
        if let status = item.baseline { members.append(("baseline", .string(status.rawValue))) }
        return .object(members)
    }

    /// `result(report, item, text)` as it prints inside the report, written without building
    /// the value first (one per listed result, on the one thread that writes the report). The
    /// members and their order must stay those of `result`: a test compares the two.
    func writtenResult(_ rule: RuleText, _ item: AuditResult, _ text: ResultText) -> [UInt8] {
        var out = PrettyJSONWriter(level: 2)
        writtenResult(rule, item, text, into: &out)
        return out.written
    }

    /// `writtenResult`, appended to `out` (which may hold results already), at the place every
    /// result has in the report: an item of `results`, two levels deep. The layout between the
    /// values (separators, line breaks, indentation and keys) is written in whole pieces fixed in
    /// the source: for every result a report lists, going through the writer's generic keys
    /// member by member cost a tenth of writing the result.
    func writtenResult(_ rule: RuleText, _ item: AuditResult, _ text: ResultText, into out: inout PrettyJSONWriter) {
        assert(out.level == 2, "a listed result sits two levels deep in the report")
        out.raw(bytes: rule.jsonHead); out.string(item.subject.kind.rawValue)
        out.raw(",\n        \"id\": "); out.string(item.subject.id)
        if let caseID = item.subject.caseID { out.raw(",\n        \"case_id\": "); out.string(caseID) }
        out.raw(",\n        \"shelter_id\": "); out.string(item.subject.shelterID)
        out.raw(",\n        \"file\": "); out.string(item.subject.location.file)
        out.raw(",\n        \"line\": "); out.int(Int64(item.subject.location.line))
        out.raw("\n      },\n      \"outcome\": "); out.string(item.result.outcome.rawValue)
        if let due = item.result.due { out.raw(",\n      \"due\": "); out.date(due) }
        if let late = item.result.daysLate { out.raw(",\n      \"days_late\": "); out.int(Int64(late)) }
        out.raw(",\n      \"message\": "); text.writeMessage(title: rule.title, template: rule.template, item.result, into: &out)
        out.raw(",\n      \"legal_basis\": ")
        JSONReporter.writeList(item.result.legalBasis, into: &out) { reference, out in
            out.raw("{\n          \"law\": "); out.string(reference.law)
            out.raw(",\n          \"provision\": "); out.string(reference.provision)
            out.raw("\n        }")
        }
        out.raw(",\n      \"missing\": ")
        JSONReporter.writeList(item.result.missing, into: &out) { path, out in out.string(path) }
        out.raw(",\n      \"evidence\": {")
        var evidenceWritten = false
        for entry in item.result.evidence {
            guard let value = entry.value else { continue }
            out.raw(evidenceWritten ? ",\n        " : "\n        ")
            out.string(entry.path)
            out.raw(": ")
            JSONReporter.write(value, level: 4, into: &out)
            evidenceWritten = true
        }
        out.raw(evidenceWritten ? "\n      }" : "}")
        if let applied = item.waiver { out.raw(",\n      \"waived\": "); out.value(.object(waiver(applied)), level: 3) }
        if let status = item.baseline { out.raw(",\n      \"baseline\": "); out.string(status.rawValue) }
        out.raw("\n    }")
    }

    /// The start of every listed result of a rule, up to the value of its subject's kind:
    /// the rule's id, level and section never change from one result to the next.
    static func resultHead(id: String, level: String, section: String) -> [UInt8] {
        var out = PrettyJSONWriter(level: 2, capacity: 128)
        out.raw("{\n      \"rule\": "); out.string(id)
        out.raw(",\n      \"level\": "); out.string(level)
        out.raw(",\n      \"section\": "); out.string(section)
        out.raw(",\n      \"subject\": {\n        \"kind\": ")
        return out.written
    }

    /// A list that is a member of a listed result: `[]`, or each item on a line of its own
    /// three levels deep, written by `write`.
    private static func writeList<Item>(_ items: [Item], into out: inout PrettyJSONWriter,
                                        _ write: (Item, inout PrettyJSONWriter) -> Void) {
        guard !items.isEmpty else { return out.raw("[]") }
        out.raw("[")
        for index in items.indices {
            out.raw(index == items.startIndex ? "\n        " : ",\n        ")
            write(items[index], &out)
        }
        out.raw("\n      ]")
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let location = diagnostic.location {
            members += [("file", .string(location.file)), ("line", .int(Int64(location.line))), ("column", .int(Int64(location.column)))]
        }
        members += [("code", .string(diagnostic.code)), ("message", .string(CPRRedaction.redact(diagnostic.message)))]
        if let hint = diagnostic.hint { members.append(("hint", .string(CPRRedaction.redact(hint)))) }
        return .object(members)
    }

    /// A record value as JSON: dates as `YYYY-MM-DD`, text redacted.
    /// `json(value)` written to `out`: scalars (nearly all evidence) straight away, without a
    /// `JSONValue` (an indirect enum, so one allocation per value) in between.
    static func write(_ value: Value, level: Int, into out: inout PrettyJSONWriter) {
        switch value {
        case .null: out.null()
        case .bool(let flag): out.bool(flag)
        case .int(let number): out.int(number)
        case .string(let text): out.string(CPRRedaction.redact(text))
        case .date(let date): out.date(date)
        default: out.value(json(value), level: level)
        }
    }

    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let text): return .string(CPRRedaction.redact(text))
        case .date(let date): return .string(date.description)
        case .list(let items): return .array(items.map(json))
        case .map(let map): return .object(map.entries.map { (ValueText.describe($0.key), json($0.value)) })
        default: return .string(CPRRedaction.redact(ValueText.describe(value)))
        }
    }
}

/// `--results all|findings|none`: which results a report lists (summaries count them all).
public enum ResultSelection: String, Sendable, CaseIterable {
    case all
    case findings
    case none

    public func includes(_ outcome: Outcome) -> Bool {
        switch self {
        case .all: return true
        case .findings: return outcome.isFinding
        case .none: return false
        }
    }
}
