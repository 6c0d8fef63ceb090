import RuleDSL

/// The audit as one self-contained HTML page a consultant can hand to a shelter: inline CSS, no
/// scripts and no external resources, print-friendly on A4. A header with the key figures,
/// summaries per Grundpakke section, shelter and rule, upcoming deadlines and missing data,
/// then every finding per shelter, case and child with its citation. Outcomes are coloured and
/// always labelled in words. Output depends only on the report (no clock).
public struct HTMLReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let document = ReportDocument(report: report, options: options)
        var parts: [String] = []
        parts.append(head(document))
        parts.append("<body>\n<main>")
        parts.append(header(document))
        parts.append(contents(document))
        parts.append(sectionSummary(document))
        parts.append(shelterSummary(document))
        parts.append(ruleSummary(document))
        if options.results != .none {
            parts.append(upcoming(document))
            parts.append(missingData(document))
        }
        parts.append(details(document))
        parts.append(inputProblems(document))
        parts += [waiverNotices(document), resolved(document)].compactMap { $0 }
        parts.append("<footer>\(HTML.escape(document.words.generatedBy(tool: report.toolName, version: report.toolVersion)))"
            + " \(HTML.escape(document.catalogue.asOf(report.asOf))).</footer>")
        parts.append("</main>\n</body>\n</html>\n")
        return parts.joined(separator: "\n")
    }

    // MARK: Head and header

    private func head(_ document: ReportDocument) -> String {
        let title = "\(document.catalogue.reportTitle) — \(document.catalogue.asOf(document.report.asOf))"
        return """
            <!DOCTYPE html>
            <html lang="\(options.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(HTML.escape(document.report.toolName)) \(HTML.escape(document.report.toolVersion))">
            <title>\(HTML.escape(title))</title>
            <style>
            \(HTMLStyle.css)</style>
            </head>
            """
    }

    private func header(_ document: ReportDocument) -> String {
        let report = document.report
        let words = document.words
        let catalogue = document.catalogue
        let counts = report.outcomeCounts
        var html = "<header class=\"report-header\">\n"
        html += "<p class=\"kicker\">\(HTML.escape(words.rulePack("\(report.packName) \(report.packVersion)", rules: report.rules.count)))</p>\n"
        html += "<h1>\(HTML.escape(catalogue.reportTitle))</h1>\n"
        html += "<p class=\"asof\">\(HTML.escape(words.asOfLabel)) <strong>\(report.asOf)</strong></p>\n"
        html += "<dl class=\"figures\">\n"
        let figures: [(String, String)] = [
            (words.overallComplianceLabel, HTML.complianceBar(counts.complianceShare, catalogue.compliance(counts.complianceShare))),
            (words.recordsLabel, HTML.escape(words.records(read: report.recordsRead, evaluated: report.recordsEvaluated, rejected: report.recordsRejected))),
            (words.subjectsLabel, HTML.escape(catalogue.subjectsLine(
                shelters: report.subjectCounts[.shelter] ?? 0, cases: report.subjectCounts[.case] ?? 0,
                children: report.subjectCounts[.child] ?? 0))),
        ]
        for (label, value) in figures { html += "<div><dt>\(HTML.escape(label))</dt><dd>\(value)</dd></div>\n" }
        html += "</dl>\n<ul class=\"totals\">\n"
        var outcomes = Outcome.reported
        if counts[.error] > 0 { outcomes.append(.error) }
        for outcome in outcomes {
            html += "<li>\(HTML.badge(outcome, document.outcome(outcome))) <strong>\(counts[outcome])</strong></li>\n"
        }
        html += "</ul>\n"
        if let baseline = document.baselineLine { html += "<p class=\"note\">\(HTML.escape(baseline))</p>\n" }
        return html + "</header>"
    }

    private func contents(_ document: ReportDocument) -> String {
        let words = document.words
        let catalogue = document.catalogue
        var entries: [(String, String)] = [
            ("afsnit", words.sectionSummaryHeading), ("krisecentre", words.shelterSummaryHeading), ("regler", words.ruleSummaryHeading),
        ]
        if options.results != .none {
            entries += [("frister", words.upcomingHeading), ("manglende-data", words.missingDataHeading), ("detaljer", words.detailsHeading)]
        }
        if !document.report.inputErrors.isEmpty || !document.report.inputWarnings.isEmpty {
            entries.append(("input", "\(catalogue.inputErrorHeading) / \(catalogue.warningHeading.lowercased())"))
        }
        if !document.report.waiverNotices.isEmpty { entries.append(("afvigelser", words.waiverNoticesHeading)) }
        if document.report.resolvedFindings != nil { entries.append(("loeste", words.resolvedHeading)) }
        let items = entries.map { "<li><a href=\"#\($0.0)\">\(HTML.escape($0.1))</a></li>" }.joined(separator: "\n")
        return "<nav class=\"toc\" aria-label=\"\(HTML.escape(words.contentsHeading))\">\n<h2>\(HTML.escape(words.contentsHeading))</h2>\n<ol>\n\(items)\n</ol>\n</nav>"
    }

    // MARK: Summaries

    private func countHeadings(_ document: ReportDocument) -> [String] {
        [document.words.complianceColumn] + Outcome.reported.map(document.outcome)
    }

    private func countCells(_ counts: OutcomeCounts, _ document: ReportDocument) -> [String] {
        [HTML.complianceBar(counts.complianceShare, document.catalogue.compliance(counts.complianceShare))]
            + Outcome.reported.map { outcome in
                if counts[outcome] == 0 { return "<span class=\"zero\">0</span>" }
                return outcome == .noncompliant ? "<span class=\"count-nc\">\(counts[outcome])</span>" : String(counts[outcome])
            }
    }

    private func sectionSummary(_ document: ReportDocument) -> String {
        let report = document.report
        let words = document.words
        let numeric = Set(1...7)
        var table = HTML.Table(headings: [words.sectionColumn, words.rulesColumn] + countHeadings(document), numeric: numeric, className: "summary")
        for (section, counts) in report.countsBySection {
            let rules = report.rules.count { report.heading(of: $0) == section }
            table.add(["<span class=\"section-name\">\(HTML.escape(section))</span>", String(rules)] + countCells(counts, document))
        }
        table.add(["<strong>\(HTML.escape(words.totalRow))</strong>", String(report.rules.count)] + countCells(report.outcomeCounts, document), className: "total")
        return "<section id=\"afsnit\">\n<h2>\(HTML.escape(words.sectionSummaryHeading))</h2>\n"
            + "<p class=\"note\">\(HTML.escape(words.complianceExplanation))</p>\n\(table.render())\n</section>"
    }

    private func shelterSummary(_ document: ReportDocument) -> String {
        let words = document.words
        var subjects: [String: Set<SubjectReference>] = [:]
        for item in document.report.results { subjects[item.subject.shelterID, default: []].insert(item.subject) }
        var table = HTML.Table(
            headings: [words.shelterColumn, words.casesLabel, words.childrenLabel] + countHeadings(document), numeric: Set(1...8), className: "summary")
        for (shelter, counts) in document.report.countsByShelter {
            let own = subjects[shelter] ?? []
            table.add([
                "<strong>\(HTML.escape(document.redact(shelter)))</strong>",
                String(own.count { $0.kind == .case }), String(own.count { $0.kind == .child }),
            ] + countCells(counts, document))
        }
        return "<section id=\"krisecentre\">\n<h2>\(HTML.escape(words.shelterSummaryHeading))</h2>\n\(table.render())\n</section>"
    }

    private func ruleSummary(_ document: ReportDocument) -> String {
        let words = document.words
        var table = HTML.Table(
            headings: [words.ruleColumn, words.titleColumn, words.levelColumn] + countHeadings(document), numeric: Set(3...8), className: "summary rules")
        for (rule, counts) in document.report.countsByRule {
            let title = "\(HTML.escape(document.title(rule)))<br><span class=\"muted\">\(HTML.escape(rule.section))</span>"
            table.add(["<span class=\"rule-id\">\(HTML.escape(rule.id))</span>", title, HTML.escape(document.catalogue.level(rule.level))]
                + countCells(counts, document))
        }
        return "<section id=\"regler\">\n<h2>\(HTML.escape(words.ruleSummaryHeading))</h2>\n\(table.render())\n</section>"
    }
}
