import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The CSV report, read back with a strict RFC 4180 reader.
@Suite struct CSVReporterTests {
    struct MalformedCSV: Error, CustomStringConvertible {
        var description: String
    }

    /// A strict RFC 4180 reader over Unicode scalars: records end with CRLF (a bare CR or LF
    /// outside quotes is an error), a quote may only open a field or be doubled inside one.
    static func parse(_ text: String, separator: Unicode.Scalar) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
        }
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.append("\"")
                    } else {
                        quoted = false
                        guard scalars.first == separator || scalars.first == "\r" else { throw MalformedCSV(description: "text after a closing quote") }
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" {
                guard field.isEmpty else { throw MalformedCSV(description: "a quote inside an unquoted field") }
                quoted = true
            } else if scalar == separator {
                endField()
            } else if scalar == "\r" {
                guard scalars.popFirst() == "\n" else { throw MalformedCSV(description: "CR without LF") }
                endField()
                records.append(record)
                record = []
            } else if scalar == "\n" {
                throw MalformedCSV(description: "LF without CR")
            } else {
                field.append(scalar)
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw MalformedCSV(description: "the last record is not ended by CRLF") }
        return records
    }

    static func parseWithBOM(_ text: String, separator: Unicode.Scalar) throws -> [[String]] {
        try #require(text.unicodeScalars.first == "\u{FEFF}", "no byte order mark")
        return try parse(String(text.unicodeScalars.dropFirst()), separator: separator)
    }

    @Test(arguments: [Character(";"), Character(","), Character("\t")])
    func parsesBackToOneRowPerResult(separator: Character) throws {
        let report = CIReportFixtures.sample
        let output = CSVReporter(options: ReportOptions(language: .en, csvSeparator: separator)).render(report)
        let scalar = try #require(separator.unicodeScalars.first)
        let rows = try Self.parseWithBOM(output, separator: scalar)
        #expect(rows.first == CSVReporter.columns)
        #expect(rows.count == report.results.count + 1)
        #expect(rows.allSatisfy { $0.count == CSVReporter.columns.count })
        // Values land in their columns.
        let column = Dictionary(uniqueKeysWithValues: CSVReporter.columns.enumerated().map { ($1, $0) })
        let late = try #require(rows.first { $0[column["subject_id"] ?? 0] == "OST-2025-031" && $0[column["rule"] ?? 0] == "GP-C06" })
        #expect(late[column["outcome"] ?? 0] == "noncompliant")
        #expect(late[column["level"] ?? 0] == "requirement")
        #expect(late[column["due"] ?? 0] == "2025-04-24")
        #expect(late[column["days_late"] ?? 0] == "1")
        #expect(late[column["legal_basis"] ?? 0] == "Serviceloven § 109")
        #expect(late[column["waived"] ?? 0] == "no")
        let child = try #require(rows.first { $0[column["subject_id"] ?? 0] == "VKY-2025-027-c1" && $0[column["rule"] ?? 0] == "GP-B04" })
        #expect(child[column["subject_kind"] ?? 0] == "child")
        #expect(child[column["case_id"] ?? 0] == "VKY-2025-027")
        #expect(child[column["missing"] ?? 0] == "exposed_to_violence")
        let twoMissing = try #require(rows.first { $0[column["subject_id"] ?? 0] == "VKY-2025-027" && $0[column["rule"] ?? 0] == "GP-C04" })
        #expect(twoMissing[column["missing"] ?? 0] == "notices.home_municipality | notices.payment_contact")
        let twoLaws = try #require(rows.first { $0[column["subject_id"] ?? 0] == "OST-2024-088-c1" && $0[column["rule"] ?? 0] == "GP-B04" })
        #expect(twoLaws[column["legal_basis"] ?? 0] == "Serviceloven § 109 | Barnets Lov § 133")
    }

    @Test func findingsAndExplainShapeTheRows() throws {
        let report = CIReportFixtures.sample
        let findings = try Self.parseWithBOM(CSVReporter(options: ReportOptions(results: .findings)).render(report), separator: ";")
        #expect(findings.count == report.results.count { $0.result.outcome.isFinding } + 1)
        let none = try Self.parseWithBOM(CSVReporter(options: ReportOptions(results: .none)).render(report), separator: ";")
        #expect(none == [CSVReporter.columns])
        let explained = try Self.parseWithBOM(CSVReporter(options: ReportOptions(explain: true)).render(report), separator: ";")
        #expect(explained.first?.last == "evidence")
        #expect(explained.allSatisfy { $0.count == CSVReporter.columns.count + 1 })
        #expect(explained.contains { $0.last == "admission.date = 2025-04-17 | consents.payment_contact = true | notices.payment_contact.date = 2025-04-25" })
    }

    @Test func theByteOrderMarkCanBeLeftOut() throws {
        var reporter = CSVReporter(options: ReportOptions())
        reporter.byteOrderMark = false
        let output = reporter.render(CIReportFixtures.sample)
        #expect(output.hasPrefix("rule;level;section;"))
        #expect(try Self.parse(output, separator: ";").count == CIReportFixtures.sample.results.count + 1)
    }

    @Test func hostileTextIsQuotedGuardedAndRedacted() throws {
        let report = CIReportFixtures.hostile
        let output = CSVReporter(options: ReportOptions(language: .da, explain: true)).render(report)
        CIReportFixtures.expectNothingPersonal(output)
        let rows = try Self.parseWithBOM(output, separator: ";")
        #expect(rows.count == report.results.count + 1)
        #expect(rows.allSatisfy { $0.count == CSVReporter.columns.count + 1 })
        let column = Dictionary(uniqueKeysWithValues: CSVReporter.columns.enumerated().map { ($1, $0) })
        let late = try #require(rows.first { $0[column["subject_id"] ?? 0] == CIReportFixtures.lateSubject && $0[column["rule"] ?? 0] == "GP-C06" })
        #expect(late[column["file"] ?? 0] == "sample-cases/[CPR].yaml")
        #expect(late[column["message"] ?? 0] == "'=HYPERLINK(\"x\"); 50% af 3,5: <b>&</b> ]]> frist 2025-04-24\nny linje [CPR]\u{1}\r")
        #expect(late.last?.hasPrefix("admission.date = note [CPR] | ") == true)
        let waived = try #require(rows.first { $0[column["subject_id"] ?? 0] == CIReportFixtures.waivedSubject && $0[column["rule"] ?? 0] == "GP-C06" })
        #expect(waived[column["waived"] ?? 0] == "yes")
    }

    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaStartsAreDefused(_ value: String) throws {
        let field = CSVCell.field(value, separator: ";")
        let parsed = try Self.parse(CSVCell.record([value, "b"], separator: ";"), separator: ";")
        #expect(parsed == [["'" + value, "b"]])
        #expect(field.unicodeScalars.first == "'" || field.hasPrefix("\"'"))
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVCell.field("plain text", separator: ";") == "plain text")
        #expect(CSVCell.field("a;b", separator: ";") == "\"a;b\"")
        #expect(CSVCell.field("a,b", separator: ";") == "a,b")
        #expect(CSVCell.field("a,b", separator: ",") == "\"a,b\"")
        #expect(CSVCell.field("say \"hi\"", separator: ";") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.field("\"\u{301}", separator: ";") == "\"\"\"\u{301}\"")
        #expect(CSVCell.field("two\nlines", separator: ";") == "\"two\nlines\"")
        #expect(CSVCell.field("cpr 0101901234", separator: ";") == "cpr [CPR]")
        #expect(CSVCell.record(["a", "b"], separator: ";") == "a;b\r\n")
    }

    @Test func aSeparatorNoCSVCanUseFallsBackToSemicolon() {
        #expect(CSVReporter(options: ReportOptions(csvSeparator: "\"")).separator == ";")
        #expect(CSVReporter(options: ReportOptions(csvSeparator: "\n")).separator == ";")
        #expect(CSVReporter(options: ReportOptions(csvSeparator: "\r\n")).separator == ";")
        #expect(CSVReporter(options: ReportOptions(csvSeparator: "|")).separator == "|")
    }

    @Test func twoRendersAreByteIdentical() {
        let reporter = CSVReporter(options: ReportOptions(explain: true))
        #expect(reporter.render(CIReportFixtures.hostile) == reporter.render(CIReportFixtures.hostile))
        #expect(reporter.render(CIReportFixtures.sample) == reporter.render(SampleAuditTests.report))
    }
}
