import RuleDSL

/// Every user-facing phrase of the reports, in Danish and English. Reporters take their words
/// from here only, so a translation is one file.
public struct Catalogue: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func pick(_ da: String, _ en: String) -> String { language == .da ? da : en }

    public func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .compliant: return pick("opfyldt", "compliant")
        case .noncompliant: return pick("ikke opfyldt", "noncompliant")
        case .pending: return pick("frist ikke udløbet", "pending")
        case .incomplete: return pick("mangler data", "incomplete")
        case .notApplicable: return pick("ikke relevant", "not applicable")
        case .error: return pick("regelfejl", "rule error")
        }
    }

    public func level(_ level: Rule.Level) -> String {
        switch level {
        case .requirement: return pick("krav", "requirement")
        case .recommendation: return pick("anbefaling", "recommendation")
        }
    }

    public func subjectKind(_ kind: SubjectReference.Kind) -> String {
        switch kind {
        case .shelter: return pick("krisecenter", "shelter")
        case .case: return pick("ophold", "case")
        case .child: return pick("barn", "child")
        }
    }

    public var reportTitle: String { pick("Grundpakke-tjek", "Grundpakke check") }
    public func asOf(_ date: CivilDate) -> String { pick("opgjort pr. \(date)", "as of \(date)") }
    public func ruleTotals(_ rules: Int, pack: String) -> String {
        pick("\(rules) regler fra regelpakken \(pack)", "\(rules) rules from the rule pack \(pack)")
    }
    public func recordsLine(read: Int, evaluated: Int, rejected: Int) -> String {
        pick("Læst \(read) poster: \(evaluated) vurderet, \(rejected) afvist på grund af inputfejl.",
             "Read \(read) records: \(evaluated) evaluated, \(rejected) rejected for input errors.")
    }
    public func subjectsLine(shelters: Int, cases: Int, children: Int) -> String {
        pick("\(shelters) krisecentre, \(cases) ophold, \(children) børn.", "\(shelters) shelters, \(cases) cases, \(children) children.")
    }
    public var noncompliantHeading: String { pick("Ikke opfyldt", "Noncompliant") }
    public var pendingHeading: String { pick("Kommende frister", "Upcoming deadlines") }
    public var incompleteHeading: String { pick("Manglende data", "Missing data") }
    public var ruleErrorHeading: String { pick("Regelfejl", "Rule errors") }
    public var inputErrorHeading: String { pick("Inputfejl", "Input errors") }
    public var warningHeading: String { pick("Advarsler", "Warnings") }
    public var totalsHeading: String { pick("I alt", "Totals") }
    public func due(_ date: CivilDate) -> String { pick("frist \(date)", "due \(date)") }
    public func daysLate(_ days: Int) -> String {
        pick(days == 1 ? "1 dag for sent" : "\(days) dage for sent", days == 1 ? "1 day late" : "\(days) days late")
    }
    public func missing(_ paths: [String]) -> String {
        pick("ikke registreret: \(paths.joined(separator: ", "))", "not recorded: \(paths.joined(separator: ", "))")
    }
    public var notRecorded: String { pick("ikke registreret", "not recorded") }
    public var nothingToReport: String { pick("Ingen fund.", "No findings.") }
    public func waiverLine(_ waiver: Waiver) -> String {
        // The approver is a person: reports never print names.
        pick("dispensation til og med \(waiver.expires): \(CPRRedaction.redact(waiver.reason))",
             "waived until \(waiver.expires): \(CPRRedaction.redact(waiver.reason))")
    }
    public func baseline(_ status: BaselineStatus) -> String {
        switch status {
        case .new: return pick("ny", "new")
        case .unchanged: return pick("uændret", "unchanged")
        }
    }
    public var waiverHeading: String { pick("Dispensationer", "Waivers") }
    public func waiverNotice(_ notice: WaiverNotice) -> String {
        let waiver = notice.waiver
        switch notice.kind {
        case .expired:
            return pick("udløbet \(waiver.expires), gælder ikke længere: \(waiver.rule) for \(waiver.subject)",
                        "expired \(waiver.expires), no longer applies: \(waiver.rule) for \(waiver.subject)")
        case .unmatched:
            return pick("dækker intet fund: \(waiver.rule) for \(waiver.subject)", "matches no finding: \(waiver.rule) for \(waiver.subject)")
        }
    }
    public var resolvedHeading: String { pick("Løst siden sidste rapport", "Resolved since the previous report") }
    public func baselineLine(new: Int, unchanged: Int, resolved: Int) -> String {
        pick("Mod sidste rapport: \(new) nye, \(unchanged) uændrede, \(resolved) løste fund.",
             "Against the previous report: \(new) new, \(unchanged) unchanged, \(resolved) resolved findings.")
    }
    public var complianceBySectionHeading: String { pick("Opfyldelsesgrad pr. afsnit", "Compliance by section") }
    public var complianceByShelterHeading: String { pick("Opfyldelsesgrad pr. krisecenter", "Compliance by shelter") }
    public var evidenceLabel: String { pick("oplysninger", "evidence") }
    public func compliance(_ share: Double?) -> String {
        guard let share else { return "–" }
        return "\(Int((share * 100).rounded())) %"
    }
}
