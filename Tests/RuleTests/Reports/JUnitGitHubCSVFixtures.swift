import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// Reports shared by the JUnit, GitHub and CSV reporter tests: the sample cases audited on
/// 2025-06-30, and the same report made hostile.
enum CIReportFixtures {
    static let sample: Report = SampleAuditTests.report

    /// A CPR-shaped value, and a person's name, neither of which may ever be printed.
    static let cpr = "010190-1234"
    static let approver = "Hanne Hansen"
    /// The rule whose message is rewritten, and the subjects it touches.
    static let ruleID = "GP-C06"
    static let lateSubject = "OST-2025-031"
    static let waivedSubject = "VKY-2024-022"
    /// What the rewritten message template becomes once rendered for `lateSubject`.
    static let hostileMessage = "=HYPERLINK(\"x\"); 50% af 3,5: <b>&</b> ]]> frist {due}\nny linje \(cpr)\u{1}\r"

    /// The sample with GP-C06's message full of characters every format must escape (`%`, `,`,
    /// `:`, quotes, the separator, a newline, CR, a control character, markup and a formula
    /// start), `lateSubject`'s file renamed to a CPR-shaped name, a CPR number in one evidence
    /// value, and `waivedSubject`'s GP-C06 finding waived with a CPR number in the reason.
    static let hostile: Report = {
        var report = sample
        guard let ruleIndex = report.rules.firstIndex(where: { $0.id == ruleID }),
              let expires = CivilDate(year: 2025, month: 12, day: 31) else { preconditionFailure("fixture") }
        report.rules[ruleIndex].message = LocalizedText(da: hostileMessage, en: hostileMessage)
        var results = Array(report.results)
        for index in results.indices {
            let item = results[index]
            if item.subject.id == lateSubject {
                results[index].subject.location.file = "sample-cases/\(cpr.replacingCPRDash).yaml"
                if item.ruleIndex == ruleIndex, !item.result.evidence.isEmpty {
                    results[index].result.evidence[0].value = .string("note \(cpr)")
                }
            }
            if item.subject.id == waivedSubject, item.ruleIndex == ruleIndex {
                results[index].waiver = Waiver(
                    rule: ruleID, subject: waivedSubject, reason: "aftalt, se \(cpr), 100%: ok", approvedBy: approver,
                    expires: expires,
                    location: RuleDSL.SourceLocation(file: "waivers.yaml", line: 1, column: 1))
            }
        }
        report.results = ResultStore(results)
        return report
    }()

    static func result(_ report: Report, subject: String, rule: String) -> AuditResult? {
        report.results.first { $0.subject.id == subject && report.rule(of: $0).id == rule }
    }

    /// Nothing CPR-shaped and no name anywhere in the output.
    static func expectNothingPersonal(_ output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!CPRRedaction.containsCPR(output), sourceLocation: sourceLocation)
        #expect(!output.contains("0101901234"), sourceLocation: sourceLocation)
        #expect(!output.contains(approver), sourceLocation: sourceLocation)
    }
}

private extension String {
    /// `0101901234`: the ten-digit spelling of a CPR number.
    var replacingCPRDash: String { String(filter { $0 != "-" }) }
}
