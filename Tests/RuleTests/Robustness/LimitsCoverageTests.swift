import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The limits docs/robustness.md promises, with the values it gives. The document limits are
/// exercised one by one in Documents/LimitsTests and the expression limits in Expr/CheckerTests;
/// what was left is that an expression limit in a consultant's rule file is a located error too.
@Suite("documented limits")
struct LimitsCoverageTests {
    @Test("the standard limits are the values docs/robustness.md gives")
    func documentedValues() {
        let limits = DocumentLimits.standard
        #expect(limits.maxFileBytes == 256 * 1024 * 1024)
        #expect(limits.maxLineBytes == 4 * 1024 * 1024)
        #expect(limits.maxScalarBytes == 1024 * 1024)
        #expect(limits.maxDepth == 256)
        #expect(limits.maxNodesPerDocument == 1_000_000)
        #expect(limits.maxDocuments == 1_000_000)
        #expect(ExprLimits.standard.maxLength == 100_000)
        #expect(ExprLimits.standard.maxDepth == 200)
    }

    static let header = """
        id: GP-C99
        level: requirement
        subject: case
        section: Test
        title: {da: Titel, en: Title}
        message: {da: Besked, en: Message}
        legal_basis: [{law: Serviceloven, provision: § 109}]

        """

    /// Loads and compiles a rule file against the Grundpakke context, as `rules lint` does.
    static func problems(_ yaml: String) -> [Diagnostic] {
        let (rule, problems) = RuleLoader().load(Array(yaml.utf8), file: "rules/case/GP-C99.yaml")
        guard let rule, problems.isEmpty else { return problems }
        return RuleCompiler(context: GrundpakkeContext.make(packParams: []).context).compile(rule).diagnostics
    }

    @Test("an expression over 100,000 bytes in a rule file is a located rule.expression error")
    func expressionLength() throws {
        let long = Array(repeating: "case.woman.age > 1", count: 6_000).joined(separator: " || ")
        #expect(long.utf8.count > ExprLimits.standard.maxLength)
        let found = Self.problems(Self.header + "require: \(long)\n")
        let problem = try #require(found.first)
        #expect(problem.code == "rule.expression")
        #expect(problem.isError)
        #expect(problem.location?.file == "rules/case/GP-C99.yaml")
        #expect(problem.location?.line == 8)
        #expect(problem.message.contains("the limit is 100000"))
    }

    @Test("an expression nested deeper than 200 levels in a rule file is a located rule.expression error")
    func expressionDepth() throws {
        let deep = String(repeating: "(", count: 500) + "true" + String(repeating: ")", count: 500)
        let found = Self.problems(Self.header + "when: case.woman.age > 1\nrequire: \(deep)\n")
        let problem = try #require(found.first)
        #expect(problem.code == "rule.expression")
        #expect(problem.location?.line == 9)
        #expect(problem.message.contains("nests deeper than 200 levels"))
    }

    @Test("a rule file nested past the document depth limit is a located error, not a crash")
    func ruleFileDepth() throws {
        let deep = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let found = Self.problems(Self.header + "require: true\nevidence: \(deep)\n")
        let problem = try #require(found.first)
        #expect(problem.code == "input.limit.depth")
        #expect(problem.location?.line == 9)
    }
}
