import ArgumentParser
import GrundpakkeRules
import RuleDSL

struct RulesTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's embedded examples (exit 1 when one fails, 2 when the pack is invalid).")

    @Argument(help: "The rule pack directory (default: the bundled pack).")
    var directory: String?

    @Flag(help: "List every example, not only the failing ones.")
    var verbose = false

    func run() throws {
        let loaded = try RulePackLocation.load(directory)
        let runner = ExampleRunner(defaultDate: loaded.context.defaultExampleDate)
        var passed = 0
        var failed = 0
        for compiled in loaded.rules {
            for result in runner.run(compiled) {
                if result.passed {
                    passed += 1
                    if verbose { print("ok    \(result.ruleID): \(result.name)") }
                    continue
                }
                failed += 1
                print("FAIL  \(result.ruleID): \(result.name) (\(result.location))")
                for problem in result.problems { print("      \(problem)") }
                for item in result.actual?.evidence ?? [] {
                    print("      evidence \(item.path) = \(item.value.map(ValueText.describe) ?? "not recorded")")
                }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
