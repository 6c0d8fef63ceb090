import RuleDSL

extension Catalogue {
    /// The words of the documents a consultant hands over: the Markdown and HTML reports.
    public var documents: Documents { Documents(language: language) }

    /// Phrases of the Markdown and HTML reports, in Danish and English. Kept in their own
    /// namespace so that they never collide with the words of other formats.
    public struct Documents: Sendable {
        public let language: Language

        public init(language: Language) {
            self.language = language
        }

        private func pick(_ da: String, _ en: String) -> String { language == .da ? da : en }

        // MARK: Header

        public var asOfLabel: String { pick("Opgjort pr.", "As of") }
        public var rulePackLabel: String { pick("Regelpakke", "Rule pack") }
        public func rulePack(_ name: String, rules: Int) -> String {
            pick("\(name) (\(rules) regler)", "\(name) (\(rules) rules)")
        }
        public var recordsLabel: String { pick("Poster", "Records") }
        public var recordsReadLabel: String { pick("Poster læst", "Records read") }
        public var recordsEvaluatedLabel: String { pick("Vurderet", "Evaluated") }
        public var recordsRejectedLabel: String { pick("Afvist (inputfejl)", "Rejected (input errors)") }
        public func records(read: Int, evaluated: Int, rejected: Int) -> String {
            pick("\(read) læst, \(evaluated) vurderet, \(rejected) afvist på grund af inputfejl",
                 "\(read) read, \(evaluated) evaluated, \(rejected) rejected for input errors")
        }
        public var subjectsLabel: String { pick("Omfang", "Scope") }
        public var sheltersLabel: String { pick("Krisecentre", "Shelters") }
        public var casesLabel: String { pick("Ophold", "Cases") }
        public var childrenLabel: String { pick("Børn", "Children") }
        public var overallComplianceLabel: String { pick("Samlet opfyldelsesgrad", "Overall compliance") }
        public var contentsHeading: String { pick("Indhold", "Contents") }
        public func generatedBy(tool: String, version: String) -> String {
            pick("Udarbejdet med \(tool) \(version).", "Produced with \(tool) \(version).")
        }

        // MARK: Summaries

        public var sectionSummaryHeading: String { pick("Opfyldelse pr. afsnit i Grundpakken", "Compliance by Grundpakke section") }
        public var shelterSummaryHeading: String { pick("Opfyldelse pr. krisecenter", "Compliance by shelter") }
        public var ruleSummaryHeading: String { pick("Opfyldelse pr. regel", "Compliance by rule") }
        public var complianceExplanation: String {
            pick("Opfyldelsesgrad = opfyldt / (opfyldt + ikke opfyldt). Frister, der ikke er udløbet, og manglende data "
                    + "indgår ikke; “–” betyder, at intet kunne afgøres.",
                 "Compliance = compliant / (compliant + noncompliant). Pending deadlines and missing data are not "
                    + "counted; “–” means nothing could be decided.")
        }
        public var sectionColumn: String { pick("Afsnit", "Section") }
        public var rulesColumn: String { pick("Regler", "Rules") }
        public var shelterColumn: String { pick("Krisecenter", "Shelter") }
        public var complianceColumn: String { pick("Opfyldelsesgrad", "Compliance") }
        public var totalRow: String { pick("I alt", "Total") }
        public var titleColumn: String { pick("Titel", "Title") }

        /// An outcome as a column heading or label: capitalised.
        public func outcomeLabel(_ outcome: Outcome) -> String {
            let word = Catalogue(language).outcome(outcome)
            return word.prefix(1).uppercased() + word.dropFirst()
        }

        // MARK: Findings

        public var findingsBySectionHeading: String { pick("Resultater pr. afsnit", "Results by section") }
        public var selectionAll: String {
            pick("Alle vurderinger er med (revisionsspor); fund står først i hvert afsnit.",
                 "Every assessment is listed (audit trail); findings come first in each section.")
        }
        public var selectionFindings: String {
            pick("Kun fund er med: ikke opfyldt, frist ikke udløbet og mangler data.",
                 "Only findings are listed: noncompliant, pending and incomplete.")
        }
        public var selectionNone: String {
            pick("Rapporten viser kun oversigter; de enkelte resultater er udeladt.",
                 "The report shows summaries only; individual results are left out.")
        }
        public var subjectColumn: String { pick("Vedrører", "Subject") }
        public var ruleColumn: String { pick("Regel", "Rule") }
        public var levelColumn: String { pick("Niveau", "Level") }
        public var outcomeColumn: String { pick("Resultat", "Outcome") }
        public var findingColumn: String { pick("Fund", "Finding") }
        public var dueColumn: String { pick("Frist", "Due") }
        public var missingColumn: String { pick("Manglende felter", "Missing fields") }
        public var legalBasisColumn: String { pick("Retsgrundlag", "Legal basis") }
        public var notesColumn: String { pick("Bemærkning", "Notes") }
        public var evidenceColumn: String { pick("Registrerede værdier", "Recorded values") }
        public var citationLabel: String { pick("Henvisning", "Citation") }
        /// `Grundpakken, afsnit »Anonymitet« · Serviceloven § 109`.
        public func citation(section: String, legalBasis: String) -> String {
            let standard = pick("Grundpakken, afsnit »\(section)«", "Grundpakke, section “\(section)”")
            return legalBasis.isEmpty ? standard : "\(standard) · \(legalBasis)"
        }
        /// A value recorded as `null` (for a date or flag: recorded as not done).
        public var nullValue: String { pick("null (tom)", "null (empty)") }
        public var sourceLabel: String { pick("Kilde", "Source") }
        public var noResultsInSection: String { pick("Ingen resultater at vise.", "No results to show.") }

        public func dueWithLateness(_ due: CivilDate, daysLate: Int?) -> String {
            guard let daysLate, daysLate > 0 else { return due.description }
            return "\(due) (\(Catalogue(language).daysLate(daysLate)))"
        }
        public func daysLeft(_ days: Int) -> String {
            switch days {
            case 0: return pick("udløber i dag", "due today")
            case 1: return pick("1 dag tilbage", "1 day left")
            default: return pick("\(days) dage tilbage", "\(days) days left")
            }
        }

        /// `ophold OST-2025-044`, `barn OST-2025-046-c1 (ophold OST-2025-046)`.
        public func subject(_ reference: SubjectReference) -> String {
            let catalogue = Catalogue(language)
            let own = "\(catalogue.subjectKind(reference.kind)) \(reference.id)"
            guard reference.kind == .child, let caseID = reference.caseID else { return own }
            return "\(own) (\(catalogue.subjectKind(.case)) \(caseID))"
        }
        public func subjectHeading(_ kind: SubjectReference.Kind, _ id: String) -> String {
            switch kind {
            case .shelter: return pick("Krisecentrets egne forhold", "The shelter itself") + " (\(id))"
            case .case: return pick("Ophold \(id)", "Case \(id)")
            case .child: return pick("Barn \(id)", "Child \(id)")
            }
        }

        // MARK: Marks

        public func waiverMark(reason: String, expires: CivilDate) -> String {
            pick("Accepteret afvigelse til og med \(expires): \(reason)", "Accepted deviation until \(expires): \(reason)")
        }
        public var waivedBadge: String { pick("Accepteret afvigelse", "Accepted deviation") }
        public func baselineMark(_ status: BaselineStatus) -> String {
            switch status {
            case .new: return pick("Ny", "New")
            case .unchanged: return pick("Uændret", "Unchanged")
            }
        }
        public func baselineCounts(new: Int, unchanged: Int, resolved: Int) -> String {
            pick("Sammenlignet med sidste rapport: \(new) \(new == 1 ? "nyt" : "nye"), \(unchanged) \(unchanged == 1 ? "uændret" : "uændrede")"
                    + " og \(resolved) \(resolved == 1 ? "løst" : "løste") fund.",
                 "Compared with the previous report: \(new) new, \(unchanged) unchanged and \(resolved) resolved "
                    + (new + unchanged + resolved == 1 ? "finding." : "findings."))
        }

        // MARK: Lists

        public var upcomingHeading: String { pick("Kommende frister", "Upcoming deadlines") }
        public var upcomingIntro: String {
            pick("Handlinger, der endnu ikke er registreret, men hvor fristen ikke er udløbet, sorteret efter frist.",
                 "Actions not yet recorded whose deadline has not passed, by due date.")
        }
        public var noUpcoming: String { pick("Ingen kommende frister.", "No upcoming deadlines.") }
        public var missingDataHeading: String { pick("Manglende data", "Missing data") }
        public var missingDataIntro: String {
            pick("Disse vurderinger kunne ikke afgøres, fordi oplysninger ikke er registreret. Det er ikke brud på "
                    + "Grundpakken, men oplysningerne bør registreres.",
                 "These assessments could not be decided because information is not recorded. They are not breaches "
                    + "of the Grundpakke, but the information should be recorded.")
        }
        public var noMissingData: String { pick("Ingen manglende data.", "No missing data.") }
        public var detailsHeading: String { pick("Detaljer pr. krisecenter, ophold og barn", "Details by shelter, case and child") }
        public var otherAssessments: String { pick("Øvrige vurderinger", "Other assessments") }
        public var nothingFound: String { pick("Ingen fund.", "No findings.") }

        // MARK: Input and waivers

        public var inputErrorsIntro: String {
            pick("Poster med inputfejl er afvist og ikke vurderet. Ret dem, og kør tjekket igen.",
                 "Records with input errors were rejected and not evaluated. Correct them and run the check again.")
        }
        public var noInputProblems: String { pick("Ingen inputfejl eller advarsler.", "No input errors or warnings.") }
        public var locationColumn: String { pick("Sted", "Location") }
        public var codeColumn: String { pick("Kode", "Code") }
        public var messageColumn: String { pick("Besked", "Message") }
        public var hintColumn: String { pick("Forslag", "Hint") }
        public var waiverNoticesHeading: String { pick("Afvigelser uden virkning", "Waivers without effect") }
        public var waiverColumn: String { pick("Afvigelse", "Waiver") }
        public var statusColumn: String { pick("Status", "Status") }
        public var reasonColumn: String { pick("Begrundelse", "Reason") }
        public func waiverNoticeStatus(_ kind: WaiverNotice.Kind, expires: CivilDate) -> String {
            switch kind {
            case .expired: return pick("udløbet \(expires); gælder ikke længere", "expired \(expires); no longer applies")
            case .unmatched: return pick("passer ikke på noget resultat", "matches no result")
            }
        }
        public var allSubjects: String { pick("alle", "all") }
        public var resolvedHeading: String { pick("Løste fund siden sidste rapport", "Findings resolved since the previous report") }
        public var noResolved: String { pick("Ingen fund er løst siden sidste rapport.", "No findings were resolved since the previous report.") }
        public var previousColumn: String { pick("Før", "Before") }
        public var currentColumn: String { pick("Nu", "Now") }
        /// A resolved finding's outcome, which may also be `absent`.
        public func outcomeName(_ raw: String) -> String {
            if let outcome = Outcome(rawValue: raw) { return Catalogue(language).outcome(outcome) }
            return raw == "absent" ? pick("findes ikke længere", "no longer present") : raw
        }
    }
}
