/// Reads rule files (YAML, one rule per file) into `Rule` values with located diagnostics.
///
/// Only the shape is checked here; the expressions are type-checked when the rule is compiled
/// against a `RuleContext`, which knows the subjects and functions.
public struct RuleLoader: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = .standard) {
        self.limits = limits
    }

    /// The rule in one file's text (`nil` when it could not be read), and every problem found.
    public func load(_ bytes: [UInt8], file: String) -> (rule: Rule?, diagnostics: [Diagnostic]) {
        let loaded = YAMLLoader(limits: limits).load(bytes, file: file)
        var diagnostics = loaded.diagnostics
        guard loaded.documents.count == 1, let root = loaded.documents.first else {
            if diagnostics.isEmpty {
                diagnostics.append(.error(at: SourceLocation(file: file, line: 1, column: 1), code: "rule.file",
                    "expected exactly one rule in the file, found \(loaded.documents.count) documents",
                    hint: "put each rule in a file of its own"))
            }
            return (nil, diagnostics)
        }
        let lines = BlockScalarOrigins(bytes: bytes, file: file)
        var builder = RuleBuilder(lines: lines)
        let rule = builder.rule(from: root)
        diagnostics += builder.diagnostics
        return (diagnostics.contains(where: \.isError) ? nil : rule, diagnostics)
    }
}

/// Finds where the text of a YAML scalar starts, so expression errors point at the right column.
struct BlockScalarOrigins {
    private let bytes: [UInt8]
    /// Where each line starts in `bytes`: lines end at a line feed, as YAML counts them (a
    /// carriage return before it is part of the line). Found byte by byte: cutting the text
    /// into `Character`s took a sixth of loading the pack.
    private let lineStarts: [Int]
    let file: String

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
        self.file = file
    }

    /// Line `index` (from 0) without its line feed.
    private func line(_ index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        return bytes[lineStarts[index]..<end]
    }

    func origin(of node: Node) -> SourceOrigin {
        let location = node.location
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?:
            return SourceOrigin(file: file, line: location.line, column: location.column + 1)
        case .literal?, .folded?:
            // The text starts on the line after the indicator (blank lines at its start are
            // part of it), indented as its first non-blank line.
            var index = location.line
            while index < lineStarts.count, line(index).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { index += 1 }
            let indentation = index < lineStarts.count ? line(index).prefix { $0 == UInt8(ascii: " ") }.count : 0
            return SourceOrigin(file: file, line: location.line + 1, column: indentation + 1, isBlockScalar: true)
        default:
            return SourceOrigin(file: file, line: location.line, column: location.column)
        }
    }
}

/// Builds one `Rule` from its document node.
struct RuleBuilder {
    let lines: BlockScalarOrigins
    var diagnostics: [Diagnostic] = []

    init(lines: BlockScalarOrigins) {
        self.lines = lines
    }

    static let idPattern = "letters, digits and '-', e.g. GP-C06"

    mutating func rule(from root: Node) -> Rule? {
        var reader = NodeReader(root, context: "rule", diagnostics: &diagnostics)
        let id = reader.text("id")
        if let id, let idNode = root["id"], id.isEmpty || !id.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) {
            reader.add(.error(at: idNode.location, code: "rule.id", "id: expected \(RuleBuilder.idPattern), found '\(id)'"))
        }
        let level = enumeration("level", Rule.Level.self, &reader)
        let subject = reader.text("subject")
        let section = reader.text("section")
        let title = reader.localized("title")
        let message = reader.localized("message")
        _ = reader.localized("description", required: false)
        let legalBasis = legalReferences(reader.value("legal_basis"))
        let params = parameters(reader.value("params"))
        let when = reader.value("when").flatMap { expression($0, "when") }
        let require = reader.value("require")
        let deadline = reader.value("deadline")
        let evidence = (reader.value("evidence")).map { list($0, "evidence").compactMap { expression($0, "evidence") } } ?? []
        let examples = (reader.value("examples")).map { list($0, "examples").compactMap { example($0) } } ?? []

        var check: Rule.Check?
        switch (require, deadline) {
        case (let require?, nil):
            check = expression(require, "require").map(Rule.Check.require)
        case (nil, let deadline?):
            check = deadlineCheck(deadline)
        case (_?, _?):
            reader.add(.error(at: root.location, code: "rule.check",
                "expected either 'require' or 'deadline', found both", hint: "a rule is either a condition or a deadline"))
        case (nil, nil):
            reader.add(.error(at: root.location, code: "rule.check",
                "expected 'require' (a condition) or 'deadline' (due and done dates), found neither"))
        }
        diagnostics += reader.finish()
        guard let id, let level, let subject, let section, let title, let message, let check else { return nil }
        return Rule(
            id: id, level: level, subject: subject, section: section, title: title, message: message,
            legalBasis: legalBasis, params: params, when: when, check: check, evidence: evidence,
            examples: examples, location: root.location)
    }

    private mutating func enumeration<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type, _ reader: inout NodeReader) -> T? where T.RawValue == String {
        guard let text = reader.text(key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        reader.add(.error(at: reader.node[key]?.location, code: "rule.enum",
            "\(key): expected one of \(allowed.joined(separator: ", ")), found '\(text)'",
            hint: Suggestion.hint(for: text, among: allowed)))
        return nil
    }

    private mutating func list(_ node: Node, _ context: String) -> [Node] {
        guard let items = node.sequenceItems else {
            diagnostics.append(.error(at: node.location, code: "rule.type", "\(context): expected a list, found \(node.kindDescription)"))
            return []
        }
        return items
    }

    private mutating func expression(_ node: Node, _ context: String) -> RuleExpression? {
        guard let scalar = node.scalar, !(scalar.resolved == .null && !scalar.isQuoted) else {
            diagnostics.append(.error(at: node.location, code: "rule.type",
                "\(context): expected an expression, found \(node.kindDescription)",
                hint: "write the expression as text; quote it or use '|' if it contains ': ' or starts with a special character"))
            return nil
        }
        return RuleExpression(text: scalar.text, origin: lines.origin(of: node))
    }

    private mutating func deadlineCheck(_ node: Node) -> Rule.Check? {
        var reader = NodeReader(node, context: "deadline", diagnostics: &diagnostics)
        let due = reader.require("due").flatMap { expression($0, "deadline.due") }
        var done: [RuleExpression] = []
        if let doneNode = reader.require("done") {
            if doneNode.sequenceItems != nil {
                done = list(doneNode, "deadline.done").compactMap { expression($0, "deadline.done") }
            } else if let single = expression(doneNode, "deadline.done") {
                done = [single]
            }
            if done.isEmpty, doneNode.sequenceItems?.isEmpty == true {
                reader.add(.error(at: doneNode.location, code: "rule.check", "deadline.done: expected at least one date expression, found an empty list"))
            }
        }
        diagnostics += reader.finish()
        guard let due, !done.isEmpty else { return nil }
        return .deadline(due: due, done: done)
    }

    private mutating func legalReferences(_ node: Node?) -> [LegalReference] {
        guard let node else { return [] }
        return list(node, "legal_basis").compactMap { item in
            var reader = NodeReader(item, context: "legal_basis", diagnostics: &diagnostics)
            let law = reader.text("law")
            let provision = reader.text("provision")
            let from = reader.date("valid_from")
            let to = reader.date("valid_to")
            if let from, let to, to < from {
                reader.add(.error(at: item.location, code: "rule.legal-basis",
                    "legal_basis: expected valid_to on or after valid_from, found \(to) before \(from)"))
            }
            diagnostics += reader.finish()
            guard let law, let provision else { return nil }
            return LegalReference(law: law, provision: provision, validFrom: from, validTo: to)
        }
    }

    private mutating func parameters(_ node: Node?) -> [(name: String, value: Value)] {
        guard let node else { return [] }
        guard let entries = node.mappingEntries else {
            diagnostics.append(.error(at: node.location, code: "rule.type", "params: expected a mapping of names to values, found \(node.kindDescription)"))
            return []
        }
        return entries.compactMap { entry in
            let name = entry.key.scalar?.text ?? ""
            let validated = SchemaValidator().validate(entry.value, as: .dyn, path: "params.\(name)")
            diagnostics += validated.diagnostics
            return validated.value.map { (name, ParameterValues.typed($0)) }
        }
    }

    private mutating func example(_ node: Node) -> RuleExample? {
        var reader = NodeReader(node, context: "example", diagnostics: &diagnostics)
        let name = reader.text("name")
        let asOf = reader.date("as_of")
        let expectText = reader.text("expect")
        let due = reader.date("due")
        var daysLate: Int?
        if let lateNode = reader.value("days_late") {
            if case .int(let late)? = lateNode.scalar?.resolved { daysLate = Int(late) } else {
                reader.add(.error(at: lateNode.location, code: "rule.type", "example.days_late: expected a whole number, found \(lateNode.kindDescription)"))
            }
        }
        var missing: [String]?
        if let missingNode = reader.value("missing") {
            missing = list(missingNode, "example.missing").compactMap { $0.scalar?.text }
        }
        var expected: Outcome?
        if let expectText {
            expected = Outcome(rawValue: expectText)
            if expected == nil || expected == .error {
                let allowed = Outcome.reported.map(\.rawValue)
                reader.add(.error(at: node["expect"]?.location, code: "rule.enum",
                    "example.expect: expected one of \(allowed.joined(separator: ", ")), found '\(expectText)'",
                    hint: Suggestion.hint(for: expectText, among: allowed)))
                expected = nil
            }
        }
        // Every other key names a subject variable and holds its (partial) document.
        let known: Set<String> = ["name", "as_of", "expect", "due", "days_late", "missing"]
        let documents = (node.mappingEntries ?? []).compactMap { entry -> (variable: String, node: Node)? in
            guard let key = entry.key.scalar?.text, !known.contains(key) else { return nil }
            return (key, entry.value)
        }
        diagnostics += reader.finish(allowing: Set(documents.map(\.variable)))
        guard let name, let expected else { return nil }
        return RuleExample(
            name: name, documents: documents, asOf: asOf, expected: expected, expectedDue: due,
            expectedDaysLate: daysLate, expectedMissing: missing, location: node.location)
    }
}

/// Parameter values keep the type their text suggests: a `YYYY-MM-DD` text is a date.
enum ParameterValues {
    static func typed(_ value: Value) -> Value {
        switch value {
        case .string(let text): return CivilDate(iso: text).map(Value.date) ?? value
        case .list(let items): return .list(items.map(typed))
        case .map(let map):
            var typedMap = MapValue()
            for (key, item) in map.entries { typedMap[key] = typed(item) }
            return .map(typedMap)
        default: return value
        }
    }
}
