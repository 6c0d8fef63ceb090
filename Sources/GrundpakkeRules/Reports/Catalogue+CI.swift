import RuleDSL

extension Catalogue {
    /// The words of the CI formats (JUnit, GitHub annotations, CSV).
    public var ci: CI { CI(catalogue: self) }

    public struct CI: Sendable {
        let catalogue: Catalogue

        private func say(_ da: String, _ en: String) -> String { catalogue.language == .da ? da : en }

        /// Why an incomplete result could not be decided: `missing data: consents`.
        public func missingData(_ paths: [String]) -> String {
            say("mangler data: \(paths.joined(separator: ", "))", "missing data: \(paths.joined(separator: ", "))")
        }

        /// An accepted deviation, by its reason. The approver is a person and is never printed.
        public func waived(_ waiver: Waiver) -> String {
            say("dispensation til og med \(waiver.expires): \(waiver.reason)", "waived until \(waiver.expires): \(waiver.reason)")
        }

        public func levelLine(_ level: Rule.Level) -> String {
            say("Niveau: \(catalogue.level(level))", "Level: \(catalogue.level(level))")
        }

        /// `Serviceloven § 109, Barnets Lov § 133`.
        public func citations(_ references: [LegalReference]) -> String {
            references.map(\.citation).joined(separator: ", ")
        }

        public func legalBasisLine(_ references: [LegalReference]) -> String {
            say("Retsgrundlag: \(citations(references))", "Legal basis: \(citations(references))")
        }

        /// `Due 2025-04-24, 1 day late` (either part may be absent).
        public func deadlineLine(due: CivilDate?, daysLate: Int?) -> String? {
            let parts = [due.map(catalogue.due), daysLate.map(catalogue.daysLate)].compactMap { $0 }
            guard !parts.isEmpty else { return nil }
            let text = parts.joined(separator: ", ")
            return text.prefix(1).uppercased() + text.dropFirst()
        }

        public var evidenceHeading: String { say("Oplysninger, reglen så på:", "Values the rule looked at:") }

        /// One value the rule looked at (`admission.date = 2025-04-17`); absent values say so.
        public func evidenceItem(path: String, value: Value?) -> String {
            "\(path) = \(value.map(ValueText.describe) ?? catalogue.notRecorded)"
        }

        /// The lines beneath a finding: level, deadline, legal basis and, with `--explain`, the
        /// values the rule looked at. Not yet redacted: callers pass them through `CPRRedaction`.
        public func details(_ rule: Rule, _ result: RuleResult, explain: Bool) -> [String] {
            var lines = [levelLine(rule.level)]
            if let deadline = deadlineLine(due: result.due, daysLate: result.daysLate) { lines.append(deadline) }
            if !result.legalBasis.isEmpty { lines.append(legalBasisLine(result.legalBasis)) }
            if explain, !result.evidence.isEmpty {
                lines.append(evidenceHeading)
                lines += result.evidence.map { "  " + evidenceItem(path: $0.path, value: $0.value) }
            }
            return lines
        }

        /// The title of an input problem's annotation.
        public func inputTitle(_ diagnostic: Diagnostic) -> String {
            diagnostic.isError ? say("inputfejl", "input error") : say("advarsel", "warning")
        }

        /// The closing line of the GitHub format: every pair counted, whatever `--results` lists.
        public func summary(_ report: Report) -> String {
            let counts = report.outcomeCounts
            var parts = Outcome.reported.map { "\(catalogue.outcome($0)): \(counts[$0])" }
            if counts[.error] > 0 { parts.append("\(catalogue.outcome(.error)): \(counts[.error])") }
            let waived = report.results.counts.waived
            if waived > 0 { parts.append(say("dispensation: \(waived)", "waived: \(waived)")) }
            if !report.inputErrors.isEmpty { parts.append(say("inputfejl: \(report.inputErrors.count)", "input errors: \(report.inputErrors.count)")) }
            return "\(report.toolName) \(catalogue.asOf(report.asOf)): " + parts.joined(separator: ", ")
        }
    }
}
