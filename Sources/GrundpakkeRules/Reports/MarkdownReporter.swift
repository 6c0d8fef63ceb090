import RuleDSL

/// The audit as GitHub-flavoured Markdown, ready to paste into an audit document: key figures,
/// summary tables per Grundpakke section and per shelter, then the results under a heading per
/// section, upcoming deadlines, missing data, input problems, waivers and resolved findings.
/// Violations and missing data are never mixed: each result states its outcome, and missing
/// data has its own list.
public struct MarkdownReporter: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let document = ReportDocument(report: report, options: options)
        var blocks: [String] = []
        blocks.append(header(document))
        blocks.append(sectionSummary(document))
        blocks.append(shelterSummary(document))
        blocks.append(resultsBySection(document))
        if options.results != .none {
            blocks.append(upcoming(document))
            blocks.append(missingData(document))
        }
        blocks += inputProblems(document)
        if let notices = waiverNotices(document) { blocks.append(notices) }
        if let resolved = resolved(document) { blocks.append(resolved) }
        blocks.append("---\n\n" + Markdown.text(document.words.generatedBy(tool: report.toolName, version: report.toolVersion)))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: Header and summaries

    private func header(_ document: ReportDocument) -> String {
        let report = document.report
        let words = document.words
        let catalogue = document.catalogue
        var lines = ["# \(Markdown.text(catalogue.reportTitle))", ""]
        lines.append("- **\(words.asOfLabel)** \(report.asOf)")
        lines.append("- **\(words.rulePackLabel):** \(Markdown.text(words.rulePack("\(report.packName) \(report.packVersion)", rules: report.rules.count)))")
        lines.append("- **\(words.recordsLabel):** \(words.records(read: report.recordsRead, evaluated: report.recordsEvaluated, rejected: report.recordsRejected))")
        lines.append("- **\(words.subjectsLabel):** " + catalogue.subjectsLine(
            shelters: report.subjectCounts[.shelter] ?? 0, cases: report.subjectCounts[.case] ?? 0,
            children: report.subjectCounts[.child] ?? 0))
        lines.append("- **\(words.overallComplianceLabel):** \(catalogue.compliance(report.outcomeCounts.complianceShare))")
        if let baseline = document.baselineLine { lines.append("- \(Markdown.text(baseline))") }
        return lines.joined(separator: "\n")
    }

    private func countCells(_ counts: OutcomeCounts, _ catalogue: Catalogue) -> [String] {
        Outcome.reported.map { String(counts[$0]) } + [catalogue.compliance(counts.complianceShare)]
    }

    private func countHeadings(_ document: ReportDocument) -> [String] {
        Outcome.reported.map(document.outcome) + [document.words.complianceColumn]
    }

    private func sectionSummary(_ document: ReportDocument) -> String {
        let report = document.report
        let words = document.words
        var table = Markdown.Table(headings: [words.sectionColumn, words.rulesColumn] + countHeadings(document), numericFrom: 1)
        for (section, counts) in report.countsBySection {
            let rules = report.rules.count { report.heading(of: $0) == section }
            table.add([section, String(rules)] + countCells(counts, document.catalogue))
        }
        table.add(["**\(words.totalRow)**", String(report.rules.count)] + countCells(report.outcomeCounts, document.catalogue), escaped: false)
        var text = "## \(words.sectionSummaryHeading)\n\n\(table.render())\n\n_\(Markdown.text(words.complianceExplanation))_"
        let errors = report.outcomeCounts[.error]
        if errors > 0 { text += "\n\n**\(document.outcome(.error)): \(errors)**" }
        return text
    }

    private func shelterSummary(_ document: ReportDocument) -> String {
        let words = document.words
        var table = Markdown.Table(headings: [words.shelterColumn] + countHeadings(document), numericFrom: 1)
        for (shelter, counts) in document.report.countsByShelter {
            table.add([document.redact(shelter)] + countCells(counts, document.catalogue))
        }
        return "## \(words.shelterSummaryHeading)\n\n\(table.render())"
    }

    // MARK: Results

    private func resultsBySection(_ document: ReportDocument) -> String {
        let words = document.words
        var blocks = ["## \(words.findingsBySectionHeading)", Markdown.text(document.selectionNote)]
        guard options.results != .none else { return blocks.joined(separator: "\n\n") }
        for (section, results) in document.listedBySection {
            blocks.append("### \(Markdown.text(section))")
            blocks.append(results.isEmpty ? "_\(words.noResultsInSection)_" : resultTable(results, document))
        }
        return blocks.joined(separator: "\n\n")
    }

    private func resultTable(_ results: [AuditResult], _ document: ReportDocument) -> String {
        let words = document.words
        let showMissing = results.contains { !$0.result.missing.isEmpty }
        let showMarks = document.hasMarks
        var headings = [words.subjectColumn, words.ruleColumn, words.levelColumn, words.outcomeColumn, words.findingColumn, words.dueColumn]
        if showMissing { headings.append(words.missingColumn) }
        headings.append(words.legalBasisColumn)
        if showMarks { headings.append(words.notesColumn) }
        if options.explain { headings.append(words.evidenceColumn) }
        var table = Markdown.Table(headings: headings)
        for item in results {
            let rule = document.report.rule(of: item)
            var row = [
                document.subject(item), rule.id, document.catalogue.level(rule.level), document.outcome(item.result.outcome),
                document.finding(item), document.due(item.result),
            ]
            if showMissing { row.append(document.missing(item.result)) }
            row.append(document.citations(item))
            if showMarks { row.append(document.marks(item).joined(separator: "; ")) }
            if options.explain { row.append(document.evidenceLine(item.result)) }
            table.add(row)
        }
        return table.render()
    }

    private func upcoming(_ document: ReportDocument) -> String {
        let words = document.words
        let items = document.upcoming
        guard !items.isEmpty else { return "## \(words.upcomingHeading)\n\n_\(words.noUpcoming)_" }
        var table = Markdown.Table(headings: [
            words.dueColumn, words.shelterColumn, words.subjectColumn, words.ruleColumn, words.levelColumn, words.titleColumn, words.legalBasisColumn,
        ])
        for item in items {
            let rule = document.report.rule(of: item)
            var due = item.result.due?.description ?? ""
            if let date = item.result.due { due += " (\(words.daysLeft(document.report.asOf.days(until: date))))" }
            table.add([due, document.shelter(item), document.subject(item), rule.id, document.catalogue.level(rule.level), document.title(rule), document.citations(item)])
        }
        return "## \(words.upcomingHeading)\n\n\(Markdown.text(words.upcomingIntro))\n\n\(table.render())"
    }

    private func missingData(_ document: ReportDocument) -> String {
        let words = document.words
        let items = document.incomplete
        guard !items.isEmpty else { return "## \(words.missingDataHeading)\n\n_\(words.noMissingData)_" }
        var table = Markdown.Table(headings: [words.shelterColumn, words.subjectColumn, words.ruleColumn, words.levelColumn, words.missingColumn, words.titleColumn])
        for item in items {
            let rule = document.report.rule(of: item)
            table.add([document.shelter(item), document.subject(item), rule.id, document.catalogue.level(rule.level), document.missing(item.result), document.title(rule)])
        }
        return "## \(words.missingDataHeading)\n\n\(Markdown.text(words.missingDataIntro))\n\n\(table.render())"
    }

    // MARK: Input, waivers, baseline

    private func inputProblems(_ document: ReportDocument) -> [String] {
        let report = document.report
        let words = document.words
        var blocks: [String] = []
        for (heading, diagnostics) in [(document.catalogue.inputErrorHeading, report.inputErrors), (document.catalogue.warningHeading, report.inputWarnings)]
        where !diagnostics.isEmpty {
            var table = Markdown.Table(headings: [words.locationColumn, words.codeColumn, words.messageColumn, words.hintColumn])
            for diagnostic in diagnostics {
                table.add([
                    document.diagnosticLocation(diagnostic), diagnostic.code, document.redact(diagnostic.message),
                    diagnostic.hint.map(document.redact) ?? "",
                ])
            }
            var block = "## \(heading) (\(diagnostics.count))\n\n"
            if heading == document.catalogue.inputErrorHeading { block += Markdown.text(words.inputErrorsIntro) + "\n\n" }
            blocks.append(block + table.render())
        }
        return blocks
    }

    private func waiverNotices(_ document: ReportDocument) -> String? {
        let notices = document.report.waiverNotices
        guard !notices.isEmpty else { return nil }
        let words = document.words
        var table = Markdown.Table(headings: [words.ruleColumn, words.subjectColumn, words.statusColumn, words.reasonColumn, words.sourceLabel])
        for notice in notices {
            let waiver = notice.waiver
            table.add([
                document.redact(waiver.rule), document.waiverSubject(waiver), words.waiverNoticeStatus(notice.kind, expires: waiver.expires),
                document.redact(waiver.reason), document.redact("\(waiver.location.file):\(waiver.location.line)"),
            ])
        }
        return "## \(words.waiverNoticesHeading)\n\n\(table.render())"
    }

    private func resolved(_ document: ReportDocument) -> String? {
        guard let resolved = document.report.resolvedFindings else { return nil }
        let words = document.words
        guard !resolved.isEmpty else { return "## \(words.resolvedHeading)\n\n_\(words.noResolved)_" }
        var table = Markdown.Table(headings: [words.subjectColumn, words.ruleColumn, words.previousColumn, words.currentColumn])
        for finding in resolved {
            table.add([
                document.resolvedSubject(finding), document.redact(finding.rule),
                words.outcomeName(finding.previousOutcome), words.outcomeName(finding.currentOutcome),
            ])
        }
        return "## \(words.resolvedHeading)\n\n\(table.render())"
    }
}
