import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The JUnit XML report, read back with Foundation's XML parser.
@Suite struct JUnitReporterTests {
    /// Every element of a parsed document, with its attributes and text, in document order.
    final class Collector: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var text = ""
            var parent: Int?
        }

        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, parent: open.last))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let current = open.last { elements[current].text += string }
        }

        func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

        func children(of index: Int, named name: String) -> [Element] {
            elements.filter { $0.parent == index && $0.name == name }
        }

        func indices(_ name: String) -> [Int] { elements.indices.filter { elements[$0].name == name } }
    }

    static func parse(_ xml: String) throws -> Collector {
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        try #require(parsed, "not well-formed XML: \(String(describing: parser.parserError))")
        return collector
    }

    static func int(_ element: Collector.Element?, _ name: String) -> Int? {
        element?.attributes[name].flatMap { Int($0) }
    }

    @Test func countsMatchTheReport() throws {
        let report = CIReportFixtures.sample
        let xml = JUnitReporter(options: ReportOptions(language: .en)).render(report)
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
        let document = try Self.parse(xml)
        let root = try #require(document.all("testsuites").first)
        #expect(root.attributes["name"] == "grundpakke-check")

        let failing = report.results.count { $0.result.outcome == .noncompliant && $0.waiver == nil }
        #expect(document.all("testsuite").count == report.rules.count)
        #expect(document.all("testcase").count == report.results.count)
        #expect(document.all("failure").count == failing)
        #expect(Self.int(root, "tests") == report.results.count)
        #expect(Self.int(root, "failures") == failing)
        #expect(Self.int(root, "errors") == document.all("error").count)
        #expect(Self.int(root, "skipped") == document.all("skipped").count)
        let counts = report.outcomeCounts
        #expect(document.all("skipped").count == counts[.notApplicable] + counts[.incomplete])

        // Each suite is a rule, titled, and counts its own test cases.
        for (suiteIndex, rule) in zip(document.indices("testsuite"), report.rules) {
            let suite = document.elements[suiteIndex]
            #expect(suite.attributes["name"] == rule.id)
            let cases = document.children(of: suiteIndex, named: "testcase")
            #expect(Self.int(suite, "tests") == cases.count)
            #expect(cases.allSatisfy { $0.attributes["classname"] == rule.id && $0.attributes["file"] != nil && Int($0.attributes["line"] ?? "") != nil })
            let properties = document.elements.filter { $0.name == "property" && document.elements[$0.parent ?? 0].parent == suiteIndex }
            #expect(properties.contains { $0.attributes["name"] == "title" && $0.attributes["value"] == rule.title.text(in: .en) })
        }
    }

    @Test func eachOutcomeHasItsShape() throws {
        let report = CIReportFixtures.sample
        let document = try Self.parse(JUnitReporter(options: ReportOptions(language: .en)).render(report))
        func testCase(_ rule: String, _ name: String) throws -> Int {
            try #require(document.indices("testcase").first {
                document.elements[$0].attributes["classname"] == rule && document.elements[$0].attributes["name"] == name
            })
        }
        // Noncompliant: a failure with the message, the deadline and the legal basis.
        let late = try testCase("GP-C06", "case OST-2025-031")
        let failure = try #require(document.children(of: late, named: "failure").first)
        #expect(failure.attributes["type"] == "noncompliant")
        #expect(failure.text.contains("Due 2025-04-24, 1 day late"))
        #expect(failure.text.contains("Legal basis: Serviceloven § 109"))
        #expect(!failure.text.contains("admission.date ="))
        // Pending: passing, with the due date written out.
        let pending = try testCase("GP-C06", "case OST-2025-044")
        #expect(document.children(of: pending, named: "failure").isEmpty && document.children(of: pending, named: "skipped").isEmpty)
        #expect(document.children(of: pending, named: "system-out").first?.text.contains("due 2025-07-01") == true)
        // Incomplete: skipped for missing data.
        let incomplete = try testCase("GP-C06", "case VKY-2023-038")
        #expect(document.children(of: incomplete, named: "skipped").first?.attributes["message"] == "missing data: consents")
        // Not applicable: skipped; compliant: nothing inside.
        let notApplicable = try testCase("GP-C04", "case OST-2025-003")
        #expect(document.children(of: notApplicable, named: "skipped").first?.attributes["message"] == "not applicable")
        let compliant = try testCase("GP-S06", "shelter kc-ostfjord")
        #expect(document.elements.allSatisfy { $0.parent != compliant })
        // A child names itself.
        _ = try testCase("GP-B04", "child OST-2025-046-c1")
    }

    @Test func explainAddsTheEvidence() throws {
        let document = try Self.parse(JUnitReporter(options: ReportOptions(language: .en, explain: true)).render(CIReportFixtures.sample))
        let failure = try #require(document.all("failure").first { $0.text.contains("Due 2025-04-24") })
        #expect(failure.text.contains("admission.date = 2025-04-17"))
    }

    @Test func findingsOnlyListsFindings() throws {
        let report = CIReportFixtures.sample
        let document = try Self.parse(JUnitReporter(options: ReportOptions(results: .findings)).render(report))
        #expect(document.all("testcase").count == report.results.count { $0.result.outcome.isFinding })
        #expect(document.all("testsuite").count == report.rules.count)
        #expect(Self.int(document.all("testsuites").first, "failures") == report.results.count { $0.result.outcome == .noncompliant && $0.waiver == nil })
        let none = try Self.parse(JUnitReporter(options: ReportOptions(results: .none)).render(report))
        #expect(none.all("testcase").isEmpty)
    }

    @Test func hostileTextIsEscapedAndRedacted() throws {
        let report = CIReportFixtures.hostile
        let xml = JUnitReporter(options: ReportOptions(language: .da, explain: true)).render(report)
        CIReportFixtures.expectNothingPersonal(xml)
        let document = try Self.parse(xml)
        let expected = "=HYPERLINK(\"x\"); 50% af 3,5: <b>&</b> ]]> frist 2025-04-24\nny linje [CPR]\u{FFFD}\r"
        let failure = try #require(document.all("failure").first { $0.attributes["message"]?.hasPrefix("=HYPERLINK") == true && $0.text.contains("2025-04-24") })
        #expect(failure.attributes["message"] == expected)
        // Compared by scalars: the message's last CR and the next line's LF form one Character.
        #expect(failure.text.unicodeScalars.starts(with: expected.unicodeScalars))
        #expect(failure.text.contains("note [CPR]"))
        let renamed = try #require(document.all("testcase").first { $0.attributes["name"] == "case \(CIReportFixtures.lateSubject)" })
        #expect(renamed.attributes["file"] == "sample-cases/[CPR].yaml")
        // The waived finding is skipped with its reason, and no longer a failure.
        let failing = report.results.count { $0.result.outcome == .noncompliant && $0.waiver == nil }
        #expect(Self.int(document.all("testsuites").first, "failures") == failing)
        #expect(document.all("failure").count == failing)
        let waived = try #require(document.all("skipped").first { $0.attributes["message"]?.hasPrefix("dispensation") == true })
        #expect(waived.attributes["message"] == "dispensation til og med 2025-12-31: aftalt, se [CPR], 100%: ok")
    }

    @Test func controlCharactersNeverReachTheDocument() {
        #expect(XMLText.content("a\u{0}b\u{8}c\u{B}\u{C}d\u{1F}\u{FFFE}\u{FFFF}e\tf\ng") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d\u{FFFD}\u{FFFD}\u{FFFD}e\tf\ng")
        #expect(XMLText.attribute("\"'<>&\t\n\r") == "&quot;&apos;&lt;&gt;&amp;&#9;&#10;&#13;")
        #expect(XMLText.content("\"'\r") == "\"'&#13;")
    }

    @Test func inputErrorsGetASuiteOfTheirOwn() throws {
        var report = CIReportFixtures.sample
        report.inputErrors = [.error(at: RuleDSL.SourceLocation(file: "cases/x.yaml", line: 4, column: 7), code: "input.type",
                                     "expected a date, found '010190-1234'", hint: "write YYYY-MM-DD")]
        let xml = JUnitReporter(options: ReportOptions()).render(report)
        CIReportFixtures.expectNothingPersonal(xml)
        let document = try Self.parse(xml)
        #expect(document.all("testsuite").count == report.rules.count + 1)
        let error = try #require(document.all("error").first)
        #expect(error.attributes["type"] == "input_error")
        #expect(error.attributes["message"] == "input.type: expected a date, found '[CPR]'")
        #expect(Self.int(document.all("testsuites").first, "errors") == 1)
    }

    @Test func twoRendersAreByteIdentical() {
        let reporter = JUnitReporter(options: ReportOptions(explain: true))
        #expect(reporter.render(CIReportFixtures.hostile) == reporter.render(CIReportFixtures.hostile))
        #expect(reporter.render(CIReportFixtures.sample) == reporter.render(SampleAuditTests.report))
    }
}
