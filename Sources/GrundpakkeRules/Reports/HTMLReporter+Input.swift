import RuleDSL

extension HTMLReporter {
    /// Input errors (records rejected) and warnings, each with file:line:column.
    func inputProblems(_ document: ReportDocument) -> String {
        let report = document.report
        guard !report.inputErrors.isEmpty || !report.inputWarnings.isEmpty else { return "" }
        let words = document.words
        let catalogue = document.catalogue
        var html = "<section id=\"input\">\n"
        for (heading, diagnostics, isError) in [
            (catalogue.inputErrorHeading, report.inputErrors, true), (catalogue.warningHeading, report.inputWarnings, false),
        ] where !diagnostics.isEmpty {
            html += "<h2>\(HTML.escape(heading)) (\(diagnostics.count))</h2>\n"
            if isError { html += "<p class=\"note\">\(HTML.escape(words.inputErrorsIntro))</p>\n" }
            var table = HTML.Table(headings: [words.locationColumn, words.messageColumn, words.hintColumn], className: "diagnostics")
            for diagnostic in diagnostics {
                table.add([
                    "<code>\(HTML.escape(document.diagnosticLocation(diagnostic)))</code><br><span class=\"muted\">\(HTML.escape(diagnostic.code))</span>",
                    HTML.escape(document.redact(diagnostic.message)),
                    HTML.escape(diagnostic.hint.map(document.redact) ?? ""),
                ], className: isError ? "input-error" : "input-warning")
            }
            html += table.render() + "\n"
        }
        return html + "</section>"
    }

    /// Waivers that expired or matched nothing.
    func waiverNotices(_ document: ReportDocument) -> String? {
        let notices = document.report.waiverNotices
        guard !notices.isEmpty else { return nil }
        let words = document.words
        var table = HTML.Table(headings: [words.ruleColumn, words.subjectColumn, words.statusColumn, words.reasonColumn, words.sourceLabel])
        for notice in notices {
            let waiver = notice.waiver
            table.add([
                "<span class=\"rule-id\">\(HTML.escape(document.redact(waiver.rule)))</span>",
                HTML.escape(document.waiverSubject(waiver)),
                HTML.escape(words.waiverNoticeStatus(notice.kind, expires: waiver.expires)),
                HTML.escape(document.redact(waiver.reason)),
                "<code>\(HTML.escape(document.redact("\(waiver.location.file):\(waiver.location.line)")))</code>",
            ])
        }
        return "<section id=\"afvigelser\">\n<h2>\(HTML.escape(words.waiverNoticesHeading))</h2>\n\(table.render())\n</section>"
    }

    /// Findings of the baseline report that are gone.
    func resolved(_ document: ReportDocument) -> String? {
        guard let resolved = document.report.resolvedFindings else { return nil }
        let words = document.words
        let html = "<section id=\"loeste\">\n<h2>\(HTML.escape(words.resolvedHeading))</h2>\n"
        guard !resolved.isEmpty else { return html + "<p class=\"empty\">\(HTML.escape(words.noResolved))</p>\n</section>" }
        var table = HTML.Table(headings: [words.subjectColumn, words.ruleColumn, words.previousColumn, words.currentColumn])
        for finding in resolved {
            let previous = Outcome(rawValue: finding.previousOutcome)
            let current = Outcome(rawValue: finding.currentOutcome)
            table.add([
                HTML.escape(document.resolvedSubject(finding)),
                "<span class=\"rule-id\">\(HTML.escape(document.redact(finding.rule)))</span>",
                previous.map { HTML.badge($0, document.outcome($0)) } ?? HTML.escape(words.outcomeName(finding.previousOutcome)),
                current.map { HTML.badge($0, document.outcome($0)) } ?? HTML.escape(words.outcomeName(finding.currentOutcome)),
            ])
        }
        return html + table.render() + "\n</section>"
    }
}
