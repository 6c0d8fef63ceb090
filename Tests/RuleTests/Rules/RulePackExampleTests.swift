import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The bundled rule pack, loaded once for the whole suite.
enum BundledPack {
    static let directory: String = {
        var root = #filePath as NSString
        for _ in 0..<4 { root = root.deletingLastPathComponent as NSString }
        return root.appendingPathComponent("rules")
    }()

    static let loaded = LoadedRulePack.load(directory: directory)
}

/// One embedded example, named for the test list.
struct PackExample: Sendable, CustomTestStringConvertible {
    let rule: CompiledRule
    let example: RuleExample

    var testDescription: String { "\(rule.rule.id): \(example.name)" }

    static var all: [PackExample] {
        BundledPack.loaded.rules.flatMap { rule in rule.rule.examples.map { PackExample(rule: rule, example: $0) } }
    }
}

@Suite struct RulePackExampleTests {
    @Test func packLoadsWithoutProblems() {
        let problems = BundledPack.loaded.diagnostics.map(\.description)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyCatalogueRuleIsPresent() {
        var expected = (1...17).map { String(format: "GP-S%02d", $0) }
        expected += (1...16).map { String(format: "GP-C%02d", $0) }
        expected += (1...6).map { String(format: "GP-B%02d", $0) }
        let ids = BundledPack.loaded.rules.map(\.rule.id)
        #expect(ids == expected.sorted())
    }

    @Test(arguments: PackExample.all)
    func example(_ item: PackExample) {
        let result = ExampleRunner(defaultDate: GrundpakkeContext.defaultExampleDate).run(item.example, item.rule)
        #expect(result.passed, "\(result.problems.joined(separator: "; "))")
    }
}
