import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

@Suite struct RuleLintTests {
    static var bundledRule: Rule {
        get throws { try #require(BundledPack.loaded.rules.first?.rule) }
    }

    static func translationProblems(_ rule: Rule) -> [String] {
        RuleLint.check(rule).filter { $0.code == "rule.translation" }.map(\.message)
    }

    @Test func aBundledRuleHasBothLanguages() throws {
        #expect(Self.translationProblems(try Self.bundledRule).isEmpty)
    }

    /// Blank is blank whatever the white space: spaces, tabs, line ends, a no-break space.
    @Test(arguments: ["", " ", "\n\t \r\n", "\u{00A0}\u{2003}"])
    func aBlankTextIsAnError(_ blank: String) throws {
        var rule = try Self.bundledRule
        rule.title.da = blank
        rule.message.en = blank
        #expect(Self.translationProblems(rule) == ["\(rule.id): title.da is empty", "\(rule.id): message.en is empty"])
    }

    @Test func textWithWhiteSpaceAroundItIsNotBlank() throws {
        var rule = try Self.bundledRule
        rule.title.en = "\n  Title  \n"
        #expect(Self.translationProblems(rule).isEmpty)
    }
}
