import RuleDSL

extension HTMLReporter {
    // MARK: Upcoming deadlines and missing data

    func upcoming(_ document: ReportDocument) -> String {
        let words = document.words
        var html = "<section id=\"frister\">\n<h2>\(HTML.escape(words.upcomingHeading))</h2>\n"
        let items = document.upcoming
        guard !items.isEmpty else { return html + "<p class=\"empty\">\(HTML.escape(words.noUpcoming))</p>\n</section>" }
        html += "<p class=\"note\">\(HTML.escape(words.upcomingIntro))</p>\n"
        var table = HTML.Table(headings: [words.dueColumn, words.subjectColumn, words.ruleColumn, words.titleColumn, words.legalBasisColumn], className: "deadlines")
        for item in items {
            let rule = document.report.rule(of: item)
            var due = item.result.due.map { "<strong>\($0)</strong>" } ?? ""
            if let date = item.result.due {
                due += "<br><span class=\"muted\">\(HTML.escape(words.daysLeft(document.report.asOf.days(until: date))))</span>"
            }
            table.add([
                due, "\(HTML.escape(document.subject(item)))<br><span class=\"muted\">\(HTML.escape(document.shelter(item)))</span>", ruleCell(rule, document),
                HTML.escape(document.title(rule)), HTML.escape(document.citations(item)),
            ])
        }
        return html + table.render() + "\n</section>"
    }

    func missingData(_ document: ReportDocument) -> String {
        let words = document.words
        var html = "<section id=\"manglende-data\">\n<h2>\(HTML.escape(words.missingDataHeading))</h2>\n"
        let items = document.incomplete
        guard !items.isEmpty else { return html + "<p class=\"empty\">\(HTML.escape(words.noMissingData))</p>\n</section>" }
        html += "<p class=\"note\">\(HTML.escape(words.missingDataIntro))</p>\n"
        var table = HTML.Table(headings: [words.subjectColumn, words.ruleColumn, words.missingColumn, words.titleColumn], className: "missing")
        var shelter: String?
        for item in items {
            let rule = document.report.rule(of: item)
            if shelter != item.subject.shelterID {
                shelter = item.subject.shelterID
                table.addGroup(HTML.escape("\(words.shelterColumn) \(document.shelter(item))"))
            }
            table.add([
                HTML.escape(document.subject(item)), ruleCell(rule, document), paths(item.result.missing, document),
                HTML.escape(document.title(rule)),
            ])
        }
        return html + table.render() + "\n</section>"
    }

    // MARK: Case details

    /// Per shelter: its own results, then each case with its children. With `--results all`
    /// every subject appears and its compliant and not-applicable rules are listed compactly.
    func details(_ document: ReportDocument) -> String {
        guard options.results != .none else { return "" }
        let words = document.words
        var html = "<section id=\"detaljer\" class=\"details\">\n<h2>\(HTML.escape(words.detailsHeading))</h2>\n"
        html += "<p class=\"note\">\(HTML.escape(document.selectionNote))</p>\n"
        let groups = SubjectGroups.byShelter(document.listed)
        if groups.isEmpty { html += "<p class=\"empty\">\(HTML.escape(words.nothingFound))</p>\n" }
        let shelterCounts = Dictionary(uniqueKeysWithValues: document.report.countsByShelter.map { ($0.shelterID, $0.counts) })
        for group in groups {
            html += "<section class=\"shelter\">\n"
            let counts = shelterCounts[group.shelterID] ?? OutcomeCounts()
            html += "<h3 class=\"shelter-heading\">\(HTML.escape(document.catalogue.subjectKind(.shelter).capitalized)) "
                + "\(HTML.escape(document.redact(group.shelterID)))"
                + " <span class=\"heading-share\">\(HTML.complianceBar(counts.complianceShare, document.catalogue.compliance(counts.complianceShare)))</span></h3>\n"
            var openCase: String?
            for subject in group.subjects {
                let reference = subject.reference
                switch reference.kind {
                case .shelter:
                    html += closeCase(&openCase)
                    html += subjectBlock(subject, heading: document.words.subjectHeading(.shelter, document.redact(reference.id)), level: 4, document)
                case .case:
                    html += closeCase(&openCase)
                    html += "<article class=\"case\">\n"
                    openCase = reference.id
                    html += subjectBlock(subject, heading: document.words.subjectHeading(.case, document.redact(reference.id)), level: 4, document)
                case .child:
                    if let caseID = reference.caseID, openCase != caseID {
                        html += closeCase(&openCase)
                        html += "<article class=\"case\">\n<h4>\(HTML.escape(document.words.subjectHeading(.case, document.redact(caseID))))</h4>\n"
                        openCase = caseID
                    }
                    html += "<div class=\"child\">\n"
                    html += subjectBlock(subject, heading: document.words.subjectHeading(.child, document.redact(reference.id)), level: 5, document)
                    html += "</div>\n"
                }
            }
            html += closeCase(&openCase)
            html += "</section>\n"
        }
        return html + "</section>"
    }

    private func closeCase(_ openCase: inout String?) -> String {
        guard openCase != nil else { return "" }
        openCase = nil
        return "</article>\n"
    }

    private func subjectBlock(_ subject: SubjectGroups.Subject, heading: String, level: Int, _ document: ReportDocument) -> String {
        var html = "<h\(level)>\(HTML.escape(heading)) <span class=\"source\">\(HTML.escape(document.source(subject.reference)))</span></h\(level)>\n"
        let ordered = subject.results.enumerated().sorted {
            ($0.element.result.outcome, $0.offset) < ($1.element.result.outcome, $1.offset)
        }.map(\.element)
        let findings = ordered.filter { $0.result.outcome.isFinding }
        if !findings.isEmpty {
            html += "<ul class=\"findings\">\n" + findings.map { finding($0, document) }.joined() + "</ul>\n"
        }
        let settled = ordered.filter { !$0.result.outcome.isFinding }
        if !settled.isEmpty {
            let label = findings.isEmpty ? document.words.nothingFound : "\(document.words.otherAssessments):"
            html += "<p class=\"settled\"><span class=\"settled-label\">\(HTML.escape(label))</span> "
            var runs: [String] = []
            for outcome in [Outcome.compliant, .notApplicable] {
                let ids = settled.filter { $0.result.outcome == outcome }.map { marked($0, document) }
                if !ids.isEmpty { runs.append("\(HTML.badge(outcome, document.outcome(outcome))) \(ids.joined(separator: ", "))") }
            }
            html += runs.joined(separator: " ") + "</p>\n"
        } else if findings.isEmpty {
            html += "<p class=\"empty\">\(HTML.escape(document.words.nothingFound))</p>\n"
        }
        return html
    }

    /// A settled result's rule id, with its waiver or baseline marks.
    private func marked(_ item: AuditResult, _ document: ReportDocument) -> String {
        let id = "<span class=\"rule-id\">\(HTML.escape(document.report.rule(of: item).id))</span>"
        let marks = document.marks(item)
        return marks.isEmpty ? id : "\(id) <span class=\"muted\">(\(HTML.escape(marks.joined(separator: "; "))))</span>"
    }

    private func finding(_ item: AuditResult, _ document: ReportDocument) -> String {
        let rule = document.report.rule(of: item)
        let words = document.words
        let result = item.result
        var html = "<li class=\"finding \(HTML.outcomeClass(result.outcome))\(item.waiver == nil ? "" : " waived")\">\n"
        html += "<div class=\"finding-head\">\(HTML.badge(result.outcome, document.outcome(result.outcome)))"
        html += " <span class=\"rule-id\">\(HTML.escape(rule.id))</span>"
        html += " <span class=\"level level-\(rule.level.rawValue)\">\(HTML.escape(document.catalogue.level(rule.level)))</span>"
        if let baseline = item.baseline {
            html += " <span class=\"mark mark-\(baseline.rawValue)\">\(HTML.escape(words.baselineMark(baseline)))</span>"
        }
        if item.waiver != nil { html += " <span class=\"mark mark-waived\">\(HTML.escape(words.waivedBadge))</span>" }
        html += " <span class=\"finding-title\">\(HTML.escape(document.title(rule)))</span></div>\n"
        if result.outcome == .noncompliant || result.outcome == .error {
            html += "<p class=\"message\">\(HTML.escape(document.finding(item)))</p>\n"
        }
        var facts: [(String, String)] = []
        if !document.due(result).isEmpty { facts.append((words.dueColumn, HTML.escape(document.due(result)))) }
        if !result.missing.isEmpty { facts.append((words.missingColumn, paths(result.missing, document))) }
        let evidence = document.evidence(result)
        if !evidence.isEmpty {
            let values = evidence.map { "<code>\(HTML.escape($0.path))</code> = <span class=\"value\">\(HTML.escape($0.value))</span>" }
            facts.append((words.evidenceColumn, values.joined(separator: "<span class=\"sep\">; </span>")))
        }
        facts.append((words.citationLabel, HTML.escape(words.citation(section: document.redact(rule.section), legalBasis: document.citations(item)))))
        html += "<dl class=\"facts\">\n"
        for (label, value) in facts { html += "<div><dt>\(HTML.escape(label))</dt><dd>\(value)</dd></div>\n" }
        html += "</dl>\n"
        if let waiver = item.waiver {
            html += "<p class=\"waiver\">\(HTML.escape(document.redact(words.waiverMark(reason: waiver.reason, expires: waiver.expires))))</p>\n"
        }
        return html + "</li>\n"
    }

    // MARK: Cells

    func ruleCell(_ rule: Rule, _ document: ReportDocument) -> String {
        "<span class=\"rule-id\">\(HTML.escape(rule.id))</span><br><span class=\"muted\">\(HTML.escape(document.catalogue.level(rule.level)))</span>"
    }

    func paths(_ paths: [String], _ document: ReportDocument) -> String {
        paths.map { "<code>\(HTML.escape(document.redact($0)))</code>" }.joined(separator: ", ")
    }
}
