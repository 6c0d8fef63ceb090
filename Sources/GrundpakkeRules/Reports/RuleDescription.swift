import RuleDSL

/// `rules show`: everything about one rule, in the words of the rule file.
public enum RuleDescription {
    public static func render(_ rule: Rule, language: Language) -> String {
        var lines: [String] = []
        lines.append("\(rule.id)  \(rule.title.text(in: language))")
        lines.append("")
        lines.append("level:    \(rule.level.rawValue)")
        lines.append("subject:  \(rule.subject)")
        lines.append("section:  \(rule.section)")
        lines.append("file:     \(rule.location.file)")
        lines.append("legal basis:")
        for reference in rule.legalBasis {
            var line = "  - \(reference.citation)"
            switch (reference.validFrom, reference.validTo) {
            case (let from?, let to?): line += " (in force \(from) to \(to))"
            case (let from?, nil): line += " (in force from \(from))"
            case (nil, let to?): line += " (in force until \(to))"
            case (nil, nil): break
            }
            lines.append(line)
        }
        if !rule.params.isEmpty {
            lines.append("params:")
            for param in rule.params { lines.append("  \(param.name): \(ValueText.describe(param.value))") }
        }
        if let when = rule.when { lines.append("when:     \(oneLine(when.text))") }
        switch rule.check {
        case .require(let expression):
            lines.append("require:  \(oneLine(expression.text))")
        case .deadline(let due, let done):
            lines.append("deadline:")
            lines.append("  due:    \(oneLine(due.text))")
            lines.append("  done:   \(done.map { oneLine($0.text) }.joined(separator: " | earliest of | "))")
        }
        if !rule.evidence.isEmpty {
            lines.append("evidence: \(rule.evidence.map(\.text).joined(separator: ", "))")
        }
        lines.append("message:  \(rule.message.text(in: language))")
        lines.append("")
        lines.append("examples:")
        for example in rule.examples {
            var head = "  - \(example.name) → \(example.expected.rawValue)"
            if let due = example.expectedDue { head += ", due \(due)" }
            if let late = example.expectedDaysLate { head += ", \(late) days late" }
            if let missing = example.expectedMissing { head += ", missing \(missing.joined(separator: ", "))" }
            lines.append(head)
            if let asOf = example.asOf { lines.append("      as_of: \(asOf)") }
            for document in example.documents {
                lines.append("      \(document.variable): \(ValueText.describe(document.node))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
