import RuleDSL

/// The terminal report: per shelter, its own findings and then each case with its children;
/// within a subject, broken requirements first, then upcoming deadlines, then missing data.
/// Compliant and not-applicable results appear only in the totals.
public struct TextReporter: Sendable {
    public var options: ReportOptions
    private var language: Language { options.language }
    private var colour: Bool { options.colour }

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let catalogue = Catalogue(language)
        let text = ResultText(language: language, asOf: report.asOf)
        var lines: [String] = []
        lines.append(bold("\(catalogue.reportTitle) — \(catalogue.asOf(report.asOf))"))
        lines.append(catalogue.ruleTotals(report.rules.count, pack: "\(report.packName) \(report.packVersion)"))
        lines.append(catalogue.recordsLine(read: report.recordsRead, evaluated: report.recordsEvaluated, rejected: report.recordsRejected))
        lines.append(catalogue.subjectsLine(
            shelters: report.subjectCounts[.shelter] ?? 0, cases: report.subjectCounts[.case] ?? 0,
            children: report.subjectCounts[.child] ?? 0))

        let findings = report.results.filter { $0.result.outcome.isFinding }
        if findings.isEmpty { lines += ["", catalogue.nothingToReport] }
        for group in SubjectGroups.byShelter(findings) {
            lines.append("")
            lines.append(bold("== \(catalogue.subjectKind(.shelter)) \(group.shelterID) =="))
            var caseShown: String?
            for subject in group.subjects {
                let reference = subject.reference
                // A child's findings sit under its case, even when the case itself has none.
                if reference.kind == .child, let caseID = reference.caseID, caseShown != caseID {
                    lines.append("  \(bold("\(catalogue.subjectKind(.case).capitalized) \(caseID)"))")
                }
                caseShown = reference.kind == .shelter ? nil : reference.caseID
                let indent = reference.kind == .child ? "    " : "  "
                lines.append("\(indent)\(bold("\(catalogue.subjectKind(reference.kind).capitalized) \(reference.id)")) (\(reference.location.file):\(reference.location.line))")
                for item in subject.results.sorted(by: { ($0.result.outcome, report.rule(of: $0).id) < ($1.result.outcome, report.rule(of: $1).id) }) {
                    let rule = report.rule(of: item)
                    var line = "\(indent)  \(marker(item.result.outcome)) \(rule.id) [\(catalogue.level(rule.level))] \(text.message(rule, item.result))"
                    if let late = item.result.daysLate, item.result.outcome == .noncompliant { line += " — \(catalogue.daysLate(late))" }
                    if let status = item.baseline { line += " [\(catalogue.baseline(status))]" }
                    lines.append(line)
                    if let waiver = item.waiver { lines.append("\(indent)    \(catalogue.waiverLine(waiver))") }
                    if options.explain, !item.result.evidence.isEmpty {
                        let values = item.result.evidence.map { "\($0.path) = \($0.value.map(ValueText.describe) ?? catalogue.notRecorded)" }
                        lines.append("\(indent)    \(catalogue.evidenceLabel): \(CPRRedaction.redact(values.joined(separator: "; ")))")
                    }
                }
            }
        }
        if !report.waiverNotices.isEmpty {
            lines += ["", bold(catalogue.waiverHeading)]
            lines += report.waiverNotices.map { "  \($0.waiver.location.file):\($0.waiver.location.line): \(catalogue.waiverNotice($0))" }
        }
        if let resolved = report.resolvedFindings {
            lines += ["", catalogue.baselineLine(
                new: report.results.counts.baselineNew, unchanged: report.results.counts.baselineUnchanged,
                resolved: resolved.count)]
            if !resolved.isEmpty {
                lines.append(bold(catalogue.resolvedHeading))
                lines += resolved.map { "  \($0.rule) \($0.subjectID): \($0.previousOutcome) → \($0.currentOutcome)" }
            }
        }
        lines += complianceTables(report, catalogue)
        if !report.inputErrors.isEmpty {
            lines += ["", bold("\(catalogue.inputErrorHeading) (\(report.inputErrors.count))")]
            lines += report.inputErrors.map { "  \(CPRRedaction.redact($0.description))" }
        }
        if !report.inputWarnings.isEmpty {
            lines += ["", bold("\(catalogue.warningHeading) (\(report.inputWarnings.count))")]
            lines += report.inputWarnings.map { "  \(CPRRedaction.redact($0.description))" }
        }
        let counts = report.outcomeCounts
        var totals = Outcome.reported.map { "\(catalogue.outcome($0)): \(counts[$0])" }
        if counts[.error] > 0 { totals.append("\(catalogue.outcome(.error)): \(counts[.error])") }
        lines += ["", "\(bold(catalogue.totalsHeading)): " + totals.joined(separator: ", ")]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Compliance share per shelter and per Grundpakke section.
    private func complianceTables(_ report: Report, _ catalogue: Catalogue) -> [String] {
        guard !report.results.isEmpty else { return [] }
        var lines = ["", bold(catalogue.complianceByShelterHeading)]
        for (shelter, counts) in report.countsByShelter {
            lines.append("  \(catalogue.compliance(counts.complianceShare).leftPadded(5))  \(shelter)")
        }
        lines += ["", bold(catalogue.complianceBySectionHeading)]
        for (section, counts) in report.countsBySection where counts[.compliant] + counts[.noncompliant] > 0 {
            lines.append("  \(catalogue.compliance(counts.complianceShare).leftPadded(5))  \(section)")
        }
        return lines
    }

    private func marker(_ outcome: Outcome) -> String {
        switch outcome {
        case .noncompliant: return paint("✗", "31")
        case .pending: return paint("◷", "33")
        case .incomplete: return paint("?", "36")
        case .error: return paint("!", "35")
        case .compliant: return paint("✓", "32")
        case .notApplicable: return "–"
        }
    }

    private func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The text right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Results grouped as reports show them: by shelter, then subject in report order.
public enum SubjectGroups {
    public struct Subject: Sendable {
        public var reference: SubjectReference
        public var results: [AuditResult]
    }

    public struct Shelter: Sendable {
        public var shelterID: String
        public var subjects: [Subject]
    }

    /// Shelters sorted by id; within one, its profile first, then cases in report order, each
    /// followed by its children.
    public static func byShelter(_ results: [AuditResult]) -> [Shelter] {
        var order: [SubjectReference] = []
        var bySubject: [SubjectReference: [AuditResult]] = [:]
        for result in results {
            if bySubject[result.subject] == nil { order.append(result.subject) }
            bySubject[result.subject, default: []].append(result)
        }
        var shelters: [String: [Subject]] = [:]
        for reference in order {
            shelters[reference.shelterID, default: []].append(Subject(reference: reference, results: bySubject[reference] ?? []))
        }
        return shelters.keys.sorted().map { id in
            let subjects = shelters[id] ?? []
            let profile = subjects.filter { $0.reference.kind == .shelter }
            return Shelter(shelterID: id, subjects: profile + subjects.filter { $0.reference.kind != .shelter })
        }
    }
}
