import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

@Suite struct MarkdownReporterTests {
    typealias F = DocumentFixtures

    /// The table rows (lines starting with `|`) of the block under a `## heading`.
    static func tableRows(_ markdown: String, under heading: String) -> [[String]] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        var rows: [[String]] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("|") { rows.append(cells(line)) }
        }
        return rows
    }

    /// The cells of a table line, honouring `\|` escapes.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }

    @Test func sectionSummaryMatchesTheReportCounts() throws {
        let report = F.sample
        let markdown = F.render(.markdown, report)
        let rows = Self.tableRows(markdown, under: "## Opfyldelse pr. afsnit i Grundpakken")
        let sections = report.countsBySection
        // Heading, alignment row, one row per section, the total.
        try #require(rows.count == sections.count + 3)
        for (offset, entry) in sections.enumerated() {
            let row = rows[offset + 2]
            #expect(row[0] == Markdown.text(entry.section))
            #expect(row[1] == String(report.rules.count { report.heading(of: $0) == entry.section }))
            #expect(Array(row[2...6]) == Outcome.reported.map { String(entry.counts[$0]) })
            #expect(row[7] == Catalogue(.da).compliance(entry.counts.complianceShare))
        }
        let total = try #require(rows.last)
        #expect(Array(total[2...6]) == Outcome.reported.map { String(report.outcomeCounts[$0]) })
    }

    @Test(arguments: [ResultSelection.all, .findings, .none], [false, true])
    func everyTableRowHasTheSameNumberOfCells(_ results: ResultSelection, _ explain: Bool) {
        let markdown = F.render(.markdown, F.decorated, results: results, explain: explain)
        var width: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                width = nil
                continue
            }
            #expect(line.hasSuffix(" |"), "\(line)")
            let count = Self.cells(String(line)).count
            if let width { #expect(count == width, "\(line)") } else { width = count }
        }
    }

    @Test func detailTablesFollowTheResultSelection() {
        let report = F.sample
        let all = F.render(.markdown, report, results: .all)
        let detailRows = { (markdown: String) -> Int in
            let part = markdown.components(separatedBy: "## Resultater pr. afsnit")[1].components(separatedBy: "\n## ")[0]
            return part.split(separator: "\n").count { $0.hasPrefix("| ") && !$0.hasPrefix("| Vedrører") && !$0.hasPrefix("| ---") }
        }
        #expect(detailRows(all) == report.results.count)
        let findings = F.render(.markdown, report, results: .findings)
        #expect(detailRows(findings) == report.results.count { $0.result.outcome.isFinding })
        let none = F.render(.markdown, report, results: .none)
        #expect(detailRows(none) == 0)
        #expect(!none.contains("### "))
        #expect(!none.contains("## Kommende frister"))
        // Summaries count everything whatever is listed.
        #expect(Self.tableRows(none, under: "## Opfyldelse pr. afsnit i Grundpakken") == Self.tableRows(all, under: "## Opfyldelse pr. afsnit i Grundpakken"))
    }

    @Test func headingsFollowTheLanguage() {
        let danish = F.render(.markdown, F.decorated, language: .da)
        let english = F.render(.markdown, F.decorated, language: .en)
        for heading in ["# Grundpakke-tjek", "## Opfyldelse pr. afsnit i Grundpakken", "## Opfyldelse pr. krisecenter",
                        "## Kommende frister", "## Manglende data", "## Inputfejl (1)", "## Afvigelser uden virkning",
                        "## Løste fund siden sidste rapport"] {
            #expect(danish.contains("\n\(heading)") || danish.hasPrefix(heading), "\(heading)")
            #expect(!english.contains(heading), "\(heading)")
        }
        for heading in ["# Grundpakke check", "## Compliance by Grundpakke section", "## Upcoming deadlines", "## Missing data",
                        "## Input errors (1)", "## Waivers without effect", "## Findings resolved since the previous report"] {
            #expect(english.contains(heading), "\(heading)")
        }
        #expect(danish.contains("| Retsgrundlag |"))
        #expect(english.contains("| Legal basis |"))
    }

    @Test func neverPrintsACPRNumberOrAName() {
        for results in ResultSelection.allCases {
            let markdown = F.render(.markdown, F.decorated, results: results, explain: true)
            #expect(!markdown.contains(F.cpr))
            #expect(!markdown.contains("0101901234"))
            #expect(!markdown.contains(F.approver))
        }
        let markdown = F.render(.markdown, F.decorated)
        #expect(markdown.contains("case id '[CPR]' looks like a CPR number"))
        #expect(markdown.contains("not [CPR]"))
    }

    @Test func escapesMarkupPipesAndNewlines() {
        let markdown = F.render(.markdown, F.decorated, explain: true)
        #expect(markdown.contains("\\<b\\>\\&"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("unknown key 'kommentar \\| note'"))
        #expect(Markdown.text("a\nb\r\nc") == "a b c")
        #expect(Markdown.text("[x](http://example.org)") == "[x\\](http://example.org)")
        #expect(Markdown.text("case.payment_contact _x_") == "case.payment_contact \\_x\\_")
    }

    @Test func marksWaiversBaselineAndResolvedFindings() throws {
        let markdown = F.render(.markdown, F.decorated)
        let line = try #require(markdown.split(separator: "\n").first { $0.contains("| ophold \(F.waivedSubject) | \(F.waivedRule) |") })
        #expect(line.contains("Accepteret afvigelse til og med 2025-12-31: Aftalt med kommunen"))
        #expect(markdown.contains("| Ny |") || markdown.contains("; Ny |"))
        #expect(markdown.contains("Uændret"))
        #expect(markdown.contains("| GP-S07 | kc-vestkyst | udløbet 2025-01-31; gælder ikke længere |"))
        #expect(markdown.contains("| GP-C99 | alle | passer ikke på noget resultat |"))
        #expect(markdown.contains("| barn OST-2024-001-c1 (ophold OST-2024-001) | GP-B02 | mangler data | findes ikke længere |"))
        #expect(markdown.contains("Sammenlignet med sidste rapport:"))
        // Without a baseline there is no resolved section and no notes column.
        let plain = F.render(.markdown)
        #expect(!plain.contains("## Løste fund"))
        #expect(!plain.contains("| Bemærkning |"))
    }

    @Test func explainShowsTheValuesBesideFindings() throws {
        let plain = F.render(.markdown)
        let explained = F.render(.markdown, explain: true)
        #expect(!plain.contains("Registrerede værdier"))
        let line = try #require(explained.split(separator: "\n").first { $0.contains("| ophold OST-2025-031 | GP-C06 |") })
        #expect(line.contains("admission.date = 2025-04-17"))
        #expect(line.contains("2025-04-24 (1 dag for sent)"))
    }

    @Test func upcomingDeadlinesAreSortedByDueDate() {
        let rows = Self.tableRows(F.render(.markdown), under: "## Kommende frister").dropFirst(2)
        let dates = rows.map { String($0[0].prefix(10)) }
        #expect(!dates.isEmpty)
        #expect(dates == dates.sorted())
        #expect(rows.count == F.sample.results.count { $0.result.outcome == .pending })
    }

    @Test func missingDataIsListedApartFromViolations() {
        let rows = Self.tableRows(F.render(.markdown), under: "## Manglende data").dropFirst(2)
        #expect(rows.count == F.sample.results.count { $0.result.outcome == .incomplete })
        #expect(rows.allSatisfy { !$0[4].isEmpty })
        let shelters = rows.map { $0[0] }
        #expect(shelters == shelters.sorted(), "grouped by shelter")
    }

    @Test func rendersAreByteIdentical() {
        #expect(F.render(.markdown, F.decorated, results: .all, explain: true) == F.render(.markdown, F.decorated, results: .all, explain: true))
    }
}
