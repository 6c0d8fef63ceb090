import Foundation
import RuleDSL

/// A rule pack read, checked and compiled against the Grundpakke context.
public struct LoadedRulePack: Sendable {
    public var pack: RulePack
    public var context: RuleContext
    /// Compiled rules, sorted by id. Rules with errors are left out (and reported).
    public var rules: [CompiledRule]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }

    /// Reads and compiles the pack in `directory`, collecting every problem with its location.
    public static func load(directory: String) -> LoadedRulePack {
        let (loadedPack, loadDiagnostics) = RulePackLoader().load(directory: directory)
        var diagnostics = loadDiagnostics
        let pack = loadedPack ?? RulePack(name: "", version: "", directory: directory, params: [], rules: [])
        let (context, contextProblems) = GrundpakkeContext.make(packParams: pack.params)
        let manifest = SourceLocation(file: (directory as NSString).appendingPathComponent("pack.yaml"), line: 1, column: 1)
        diagnostics += contextProblems.map { Diagnostic.error(at: manifest, code: "rule.pack", $0) }
        let compiler = RuleCompiler(context: context)
        let sections = pack.sections
        // Rules are checked and compiled on every core, and taken in the pack's order.
        let checked = pack.rules.concurrentMap { rule -> (compiled: CompiledRule?, diagnostics: [Diagnostic]) in
            var problems = RuleLint.check(rule)
            if !sections.isEmpty, !sections.contains(where: { rule.section == $0 || rule.section.hasPrefix($0 + " ") }) {
                problems.append(.warning(at: rule.location, code: "rule.section",
                    "\(rule.id): section '\(rule.section)' starts with none of the headings in pack.yaml",
                    hint: Suggestion.hint(for: rule.section, among: sections) ?? "cite the Grundpakke heading, optionally followed by a qualifier"))
            }
            let (compiled, compileProblems) = compiler.compile(rule)
            return (compiled, problems + compileProblems)
        }
        diagnostics += checked.flatMap(\.diagnostics)
        return LoadedRulePack(pack: pack, context: context, rules: checked.compactMap(\.compiled), diagnostics: diagnostics)
    }

    /// The rules chosen by `--only` and `--skip` (ids or id prefixes such as `GP-B`).
    public func selecting(only: [String], skip: [String]) -> [CompiledRule] {
        rules.filter { rule in
            let id = rule.rule.id
            let included = only.isEmpty || only.contains { id.hasPrefix($0) }
            return included && !skip.contains { id.hasPrefix($0) }
        }
    }
}

/// Checks of a rule's content that go beyond its shape: both languages present and a legal
/// basis (errors), and enough examples to document the rule (a warning, so that `rules test`
/// still runs the examples there are; the bundled pack's own tests allow no warnings).
public enum RuleLint {
    public static func check(_ rule: Rule) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, text) in [("title", rule.title), ("message", rule.message)] {
            // `allSatisfy(\.isWhitespace)`, not Foundation's trimming: that made a bridged copy
            // of every text and took a tenth of loading the pack.
            for (language, value) in [("da", text.da), ("en", text.en)] where value.allSatisfy(\.isWhitespace) {
                problems.append(.error(at: rule.location, code: "rule.translation",
                    "\(rule.id): \(name).\(language) is empty", hint: "every rule needs its title and message in Danish and English"))
            }
        }
        if rule.legalBasis.isEmpty {
            problems.append(.error(at: rule.location, code: "rule.legal-basis",
                "\(rule.id): expected at least one legal_basis entry, found none", hint: "cite at least Serviceloven § 109"))
        }
        let outcomes = Set(rule.examples.map(\.expected))
        if !outcomes.contains(.compliant) || !outcomes.contains(.noncompliant) ||
            outcomes.isDisjoint(with: [.notApplicable, .incomplete]) {
            problems.append(.warning(at: rule.location, code: "rule.examples",
                "\(rule.id): expected examples that are compliant, noncompliant, and not_applicable or incomplete; found \(outcomes.map(\.rawValue).sorted().joined(separator: ", "))",
                hint: "examples are the rule's documentation and its test"))
        }
        if rule.isDeadline, !outcomes.contains(.pending) {
            problems.append(.warning(at: rule.location, code: "rule.examples",
                "\(rule.id): a deadline rule needs a pending example too"))
        }
        return problems
    }
}
