import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

@Suite struct HTMLReporterTests {
    typealias F = DocumentFixtures

    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "input", "wbr"]

    /// Checks that elements nest properly (every opened non-void element is closed in order),
    /// skipping the style sheet; returns the problems found.
    static func nestingProblems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            guard let close = rest.firstIndex(of: ">") else {
                problems.append("unclosed tag at \(rest.prefix(30))")
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }
            let isClosing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if name.isEmpty {
                problems.append("stray '<' before \(tag.prefix(20))")
                continue
            }
            if voidElements.contains(name) { continue }
            if isClosing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
            } else {
                stack.append(name)
                if name == "style", let end = rest.range(of: "</style>") {
                    rest = rest[end.lowerBound...]
                }
            }
        }
        if !stack.isEmpty { problems.append("left open: \(stack)") }
        return problems
    }

    /// The text of each cell of each row of the first table after `marker`.
    static func tableRows(_ html: String, after marker: String) -> [[String]] {
        guard let start = html.range(of: marker),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        let table = html[start.upperBound..<end.lowerBound]
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let content = cell.drop { $0 != ">" }.dropFirst().components(separatedBy: "</td>")[0]
                return stripTags(content)
            }
        }.filter { !$0.isEmpty }
    }

    static func stripTags(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&amp;", with: "&").trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: [ResultSelection.all, .findings, .none], [Language.da, .en])
    func isWellFormedAndSelfContained(_ results: ResultSelection, _ language: Language) {
        let html = F.render(.html, F.decorated, language: language, results: results)
        #expect(Self.nestingProblems(html) == [])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.components(separatedBy: "<table").count == html.components(separatedBy: "</table>").count)
        let lowered = html.lowercased()
        for forbidden in ["<script", "src=", "href=\"http", "href='http", "http://", "https://", "url(", "@import", "<link"] {
            #expect(!lowered.contains(forbidden), "\(forbidden)")
        }
        for reference in html.components(separatedBy: "href=\"").dropFirst() {
            #expect(reference.hasPrefix("#"), "only links within the page")
        }
    }

    @Test func theNestingCheckFindsProblems() {
        #expect(Self.nestingProblems("<div><span></div>") != [])
        #expect(Self.nestingProblems("<table><tr><td>x</td></tr>") != [])
        #expect(Self.nestingProblems("<p>a<br>b</p><style>p > a { }</style>") == [])
    }

    @Test func isPrintFriendlyOnA4() {
        let html = F.render(.html)
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr { break-inside: avoid;"))
    }

    @Test func danishByDefaultAndEnglishOnRequest() {
        let danish = HTMLReporter(options: ReportOptions()).render(F.decorated)
        let english = F.render(.html, F.decorated, language: .en)
        #expect(danish.contains("<html lang=\"da\">"))
        #expect(english.contains("<html lang=\"en\">"))
        for heading in ["Opfyldelse pr. afsnit i Grundpakken", "Opfyldelse pr. krisecenter", "Opfyldelse pr. regel", "Kommende frister",
                        "Manglende data", "Detaljer pr. krisecenter, ophold og barn", "Inputfejl (1)", "Løste fund siden sidste rapport"] {
            #expect(danish.contains("<h2>\(HTML.escape(heading))</h2>"), "\(heading)")
            #expect(!english.contains(HTML.escape(heading)), "\(heading)")
        }
        for heading in ["Compliance by Grundpakke section", "Compliance by shelter", "Upcoming deadlines", "Missing data",
                        "Details by shelter, case and child", "Input errors (1)"] {
            #expect(english.contains("<h2>\(heading)</h2>"), "\(heading)")
        }
        #expect(danish.contains("<th scope=\"col\">Retsgrundlag</th>"))
        #expect(english.contains("<th scope=\"col\">Legal basis</th>"))
        #expect(danish.contains("<dt>Henvisning</dt>"))
        #expect(english.contains("<dt>Citation</dt>"))
    }

    @Test func escapesEveryText() {
        let html = F.render(.html, F.decorated)
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;&amp; x"))
        #expect(html.contains("looks like a CPR number &lt;b&gt;&amp;"))
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func neverPrintsACPRNumberOrAName() {
        for results in ResultSelection.allCases {
            let html = F.render(.html, F.decorated, results: results)
            #expect(!html.contains(F.cpr))
            #expect(!html.contains("0101901234"))
            #expect(!html.contains(F.approver))
        }
        let html = F.render(.html, F.decorated)
        #expect(html.contains("case id &#39;[CPR]&#39; looks like a CPR number"))
        #expect(html.contains("Aftalt med kommunen &lt;b&gt;&amp; [CPR]"))
    }

    @Test(arguments: [Language.da, .en])
    func sectionSummaryMatchesTheReportCounts(_ language: Language) throws {
        let report = F.sample
        let rows = Self.tableRows(F.render(.html, report, language: language), after: "<section id=\"afsnit\">")
        let sections = report.countsBySection
        try #require(rows.count == sections.count + 1)
        let catalogue = Catalogue(language)
        for (row, entry) in zip(rows, sections) {
            #expect(row[0] == entry.section)
            #expect(row[1] == String(report.rules.count { report.heading(of: $0) == entry.section }))
            #expect(row[2] == catalogue.compliance(entry.counts.complianceShare))
            #expect(Array(row[3...7]) == Outcome.reported.map { String(entry.counts[$0]) })
        }
        let total = try #require(rows.last)
        #expect(Array(total[3...7]) == Outcome.reported.map { String(report.outcomeCounts[$0]) })
    }

    @Test func shelterAndRuleTablesCountEverything() {
        let report = F.sample
        let html = F.render(.html, report, results: .none)
        let shelters = Self.tableRows(html, after: "<section id=\"krisecentre\">")
        #expect(shelters.map { $0[0] } == report.countsByShelter.map(\.shelterID))
        for (row, entry) in zip(shelters, report.countsByShelter) {
            #expect(Array(row[4...8]) == Outcome.reported.map { String(entry.counts[$0]) })
        }
        let rules = Self.tableRows(html, after: "<section id=\"regler\">")
        #expect(rules.map { $0[0] } == report.rules.map(\.id))
        #expect(!html.contains("id=\"detaljer\""))
    }

    @Test func outcomesAreLabelledInWordsNotOnlyColour() {
        let html = F.render(.html, results: .all)
        let badges = html.components(separatedBy: "<span class=\"badge ").dropFirst()
        #expect(!badges.isEmpty)
        for badge in badges {
            let label = Self.stripTags(badge.components(separatedBy: "</span></span>")[0].drop { $0 != ">" }.dropFirst() + "")
            #expect(label.count > 3, "\(badge.prefix(60))")
        }
    }

    @Test func caseDetailsShowMessageDueEvidenceAndCitation() throws {
        let html = F.render(.html)
        let start = try #require(html.range(of: "<h4>Ophold OST-2025-031"))
        let block = html[start.lowerBound...].components(separatedBy: "</article>")[0]
        #expect(block.contains("✗</span> Ikke opfyldt"))
        #expect(block.contains("Betalingskommunen skulle være kontaktet om takstbetalingen senest 2025-04-24"))
        #expect(block.contains("<dt>Frist</dt><dd>2025-04-24 (1 dag for sent)</dd>"))
        #expect(block.contains("<code>admission.date</code> = <span class=\"value\">2025-04-17</span>"))
        #expect(block.contains("<dt>Henvisning</dt><dd>Grundpakken, afsnit »Kontakt til betalingskommunen om takstbetaling« · Serviceloven § 109</dd>"))
        // A child sits inside its case.
        let child = try #require(html.range(of: "<h4>Ophold OST-2025-046"))
        #expect(html[child.lowerBound...].components(separatedBy: "</article>")[0].contains("<h5>Barn OST-2025-046-c1"))
    }

    @Test func marksWaiversAndBaseline() {
        let html = F.render(.html, F.decorated)
        #expect(html.contains("<span class=\"mark mark-waived\">Accepteret afvigelse</span>"))
        #expect(html.contains("Accepteret afvigelse til og med 2025-12-31: Aftalt med kommunen"))
        #expect(html.contains("<span class=\"mark mark-new\">Ny</span>"))
        #expect(html.contains("<span class=\"mark mark-unchanged\">Uændret</span>"))
        #expect(html.contains("<section id=\"afvigelser\">"))
        #expect(html.contains("udløbet 2025-01-31; gælder ikke længere"))
        let plain = F.render(.html)
        #expect(!plain.contains("mark-new\""))
        #expect(!plain.contains("id=\"loeste\""))
    }

    @Test func rendersAreByteIdentical() {
        #expect(F.render(.html, F.decorated, results: .all) == F.render(.html, F.decorated, results: .all))
        #expect(!F.render(.html).contains("2026-"))
    }
}
