import Testing
@testable import GrundpakkeRules

@Suite struct ColourPolicyTests {
    @Test(arguments: [
        ([String: String](), true, true),
        ([:], false, false),
        (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": ""], true, true),
        (["TERM": "dumb"], true, false),
    ])
    func colourOnlyOnATerminalWithoutNoColor(_ environment: [String: String], _ isTerminal: Bool, _ expected: Bool) {
        #expect(ColourPolicy.wantsColour(environment: environment, isTerminal: isTerminal) == expected)
    }

    @Test func theTextReportHasNoEscapeCodesWithoutColour() {
        let plain = TextReporter(options: ReportOptions(colour: false)).render(SampleAuditTests.report)
        #expect(!plain.contains("\u{1B}["))
        let coloured = TextReporter(options: ReportOptions(colour: true)).render(SampleAuditTests.report)
        #expect(coloured.contains("\u{1B}[31m✗"))
    }
}
