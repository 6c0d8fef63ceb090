import RuleDSL

/// What the Markdown and HTML documents show, decided once so that both say the same: which
/// results go where, in which order, and the text of each field. Every value that comes from the
/// input passes through CPR redaction here.
struct ReportDocument {
    let report: Report
    let options: ReportOptions
    let catalogue: Catalogue
    let words: Catalogue.Documents
    let text: ResultText

    init(report: Report, options: ReportOptions) {
        self.report = report
        self.options = options
        catalogue = Catalogue(options.language)
        words = catalogue.documents
        text = ResultText(language: options.language, asOf: report.asOf)
    }

    var language: Language { options.language }

    // MARK: Selections

    /// The results the detail lists show, in report order.
    var listed: [AuditResult] {
        report.results.filter { options.results.includes($0.result.outcome) }
    }

    /// Per Grundpakke section (in the order of `countsBySection`), the listed results:
    /// findings first (by outcome), then report order.
    var listedBySection: [(section: String, results: [AuditResult])] {
        var bySection: [String: [(offset: Int, item: AuditResult)]] = [:]
        for (offset, item) in report.results.enumerated() where options.results.includes(item.result.outcome) {
            bySection[report.heading(of: report.rule(of: item)), default: []].append((offset, item))
        }
        return report.countsBySection.map { entry in
            let sorted = (bySection[entry.section] ?? []).sorted { ($0.item.result.outcome, $0.offset) < ($1.item.result.outcome, $1.offset) }
            return (entry.section, sorted.map(\.item))
        }
    }

    /// Pending deadlines by due date, then report order (empty with `--results none`).
    var upcoming: [AuditResult] {
        guard options.results != .none else { return [] }
        let pending = report.results.enumerated().filter { $0.element.result.outcome == .pending }
        return pending.sorted { lhs, rhs in
            let left = lhs.element.result.due?.daysSinceEpoch ?? Int.max
            let right = rhs.element.result.due?.daysSinceEpoch ?? Int.max
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
    }

    /// Results that recorded data could not decide, by shelter (its profile first, then cases
    /// and children in report order); empty with `--results none`.
    var incomplete: [AuditResult] {
        guard options.results != .none else { return [] }
        let groups = SubjectGroups.byShelter(report.results.filter { $0.result.outcome == .incomplete })
        return groups.flatMap { $0.subjects.flatMap(\.results) }
    }

    /// Whether any result carries a waiver or baseline mark (then tables get a notes column).
    var hasMarks: Bool {
        report.results.counts.hasMarks
    }

    // MARK: Texts

    func redact(_ value: String) -> String { CPRRedaction.redact(value) }

    func subject(_ item: AuditResult) -> String { redact(words.subject(item.subject)) }

    func shelter(_ item: AuditResult) -> String { redact(item.subject.shelterID) }

    func source(_ reference: SubjectReference) -> String {
        redact("\(reference.location.file):\(reference.location.line)")
    }

    func title(_ rule: Rule) -> String { redact(rule.title.text(in: language)) }

    /// The finding's text: the rule's message filled in for a broken rule, its title otherwise
    /// (due date and missing fields have their own fields).
    func finding(_ item: AuditResult) -> String {
        let rule = report.rule(of: item)
        switch item.result.outcome {
        case .noncompliant, .error: return redact(text.message(rule, item.result))
        case .pending, .incomplete, .compliant, .notApplicable: return title(rule)
        }
    }

    func due(_ result: RuleResult) -> String {
        guard let due = result.due else { return "" }
        return words.dueWithLateness(due, daysLate: result.outcome == .noncompliant ? result.daysLate : nil)
    }

    func missing(_ result: RuleResult) -> String { redact(result.missing.joined(separator: ", ")) }

    /// The legal basis in force for this result; the rule's full list if none was resolved.
    func citations(_ item: AuditResult) -> String {
        let references = item.result.legalBasis.isEmpty ? report.rule(of: item).legalBasis : item.result.legalBasis
        return redact(references.map(\.citation).joined(separator: "; "))
    }

    func evidence(_ result: RuleResult) -> [(path: String, value: String)] {
        result.evidence.map { entry in
            let text: String
            switch entry.value {
            case nil: text = catalogue.notRecorded
            case .null?: text = words.nullValue
            case let value?: text = redact(ValueText.describe(value))
            }
            return (redact(entry.path), text)
        }
    }

    func evidenceLine(_ result: RuleResult) -> String {
        evidence(result).map { "\($0.path) = \($0.value)" }.joined(separator: "; ")
    }

    /// Waiver and baseline marks, in that order.
    func marks(_ item: AuditResult) -> [String] {
        var marks: [String] = []
        if let waiver = item.waiver { marks.append(redact(words.waiverMark(reason: waiver.reason, expires: waiver.expires))) }
        if let baseline = item.baseline { marks.append(words.baselineMark(baseline)) }
        return marks
    }

    func outcome(_ outcome: Outcome) -> String { words.outcomeLabel(outcome) }

    var selectionNote: String {
        switch options.results {
        case .all: return words.selectionAll
        case .findings: return words.selectionFindings
        case .none: return words.selectionNone
        }
    }

    var baselineLine: String? {
        guard let resolved = report.resolvedFindings else { return nil }
        let counts = report.results.counts
        return words.baselineCounts(new: counts.baselineNew, unchanged: counts.baselineUnchanged, resolved: resolved.count)
    }

    func diagnosticLocation(_ diagnostic: Diagnostic) -> String {
        diagnostic.location.map { redact($0.description) } ?? ""
    }

    func waiverSubject(_ waiver: Waiver) -> String {
        waiver.subject == "*" ? words.allSubjects : redact(waiver.subject)
    }

    func resolvedSubject(_ finding: ResolvedFinding) -> String {
        var subject = "\(finding.subjectKind) \(finding.subjectID)"
        if let kind = SubjectReference.Kind(rawValue: finding.subjectKind) {
            subject = "\(catalogue.subjectKind(kind)) \(finding.subjectID)"
        }
        if finding.subjectKind == SubjectReference.Kind.child.rawValue, let caseID = finding.caseID {
            subject += " (\(catalogue.subjectKind(.case)) \(caseID))"
        }
        return redact(subject)
    }
}
