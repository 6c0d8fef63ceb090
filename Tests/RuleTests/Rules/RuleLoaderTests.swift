import Testing
@testable import RuleDSL

@Suite struct RuleLoaderTests {
    static func problems(_ yaml: String) -> [Diagnostic] {
        let (rule, problems) = RuleLoader().load(Array(yaml.utf8), file: "r.yaml")
        guard let rule, problems.isEmpty else { return problems }
        return RuleCompiler(context: RuleEvaluatorTests.context).compile(rule).diagnostics
    }

    static let header = """
        id: T-1
        level: requirement
        subject: task
        section: Test
        title: {da: Titel, en: Title}
        message: {da: Besked, en: Message}

        """

    @Test func unknownKeysAreErrorsWithASuggestion() throws {
        let found = Self.problems(Self.header + "require: task.a\nevidense: [task.a]\n")
        let problem = try #require(found.first)
        #expect(problem.code == "rule.unknown-key")
        #expect(problem.location?.line == 8)
        #expect(problem.hint?.contains("evidence") == true)
    }

    @Test func aMisspeltFieldIsLocatedInsideTheExpression() throws {
        let found = Self.problems(Self.header + "require: task.a && task.bb\n")
        let problem = try #require(found.first)
        #expect(problem.code == "rule.expression")
        #expect(problem.location?.line == 7)
        // `require: task.a && task.bb`: the field starts at column 24 or its dot at 23.
        #expect((22...25).contains(problem.location?.column ?? 0))
    }

    @Test func expressionsInBlockScalarsPointAtTheirLine() throws {
        let found = Self.problems(Self.header + "require: |\n  task.a &&\n    task.zz\n")
        let problem = try #require(found.first)
        #expect(problem.location?.line == 9)
    }

    /// A blank line after the indicator is skipped, and a file with Windows line ends is
    /// counted the same: a carriage return and line feed end one line, not two or none.
    @Test(arguments: ["\n", "\r\n"])
    func blockScalarsAreLocatedWhateverTheLineEnds(_ lineEnd: String) throws {
        let text = Self.header + "require: |\n\n  task.a &&\n    task.zz\n"
        let found = Self.problems(text.replacingOccurrences(of: "\n", with: lineEnd))
        let problem = try #require(found.first)
        #expect(problem.code == "rule.expression")
        #expect(problem.location?.line == 10)
        #expect(problem.location?.column == Self.problems(text).first?.location?.column)
    }

    @Test func aConditionMustBeBoolean() throws {
        let found = Self.problems(Self.header + "require: task.n + 1\n")
        #expect(found.first?.code == "rule.expression")
    }

    @Test func aDeadlineNeedsDates() throws {
        let found = Self.problems(Self.header + "deadline:\n  due: task.n\n  done: task.done\n")
        #expect(found.first?.message.contains("deadline.due") == true)
    }

    @Test func requireAndDeadlineAreExclusive() throws {
        let found = Self.problems(Self.header + "require: task.a\ndeadline: {due: task.start, done: task.done}\n")
        #expect(found.contains { $0.code == "rule.check" })
    }

    @Test func anUnknownSubjectIsNamed() throws {
        let found = Self.problems(Self.header.replacingOccurrences(of: "subject: task", with: "subject: tsak") + "require: true\n")
        #expect(found.first?.hint?.contains("task") == true)
    }

    @Test func exampleOutcomesAreChecked() throws {
        let found = Self.problems(Self.header + "require: task.a\nexamples:\n  - {name: x, task: {a: true}, expect: complaint}\n")
        #expect(found.first?.hint?.contains("compliant") == true)
    }
}
