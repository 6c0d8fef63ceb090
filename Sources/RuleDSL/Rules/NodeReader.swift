/// Reads a mapping node field by field, collecting diagnostics instead of stopping at the first
/// problem, and reports every key nobody asked for as an error (rule files are code: a misspelt
/// key must not silently disable part of a rule).
struct NodeReader {
    let node: Node
    let context: String
    private(set) var diagnostics: [Diagnostic] = []
    private var consumed: Set<String> = []

    init(_ node: Node, context: String, diagnostics: inout [Diagnostic]) {
        self.node = node
        self.context = context
        if node.mappingEntries == nil {
            diagnostics.append(.error(at: node.location, code: "rule.type",
                "\(context): expected a mapping of keys to values, found \(node.kindDescription)"))
        }
    }

    mutating func value(_ key: String) -> Node? {
        consumed.insert(key)
        return node[key]
    }

    mutating func require(_ key: String) -> Node? {
        guard let found = value(key) else {
            diagnostics.append(.error(at: node.location, code: "rule.required",
                "\(context): expected the key '\(key)', found none"))
            return nil
        }
        return found
    }

    mutating func text(_ key: String, required: Bool = true) -> String? {
        guard let found = required ? require(key) : value(key) else { return nil }
        guard let scalar = found.scalar, scalar.resolved != .null || scalar.isQuoted else {
            diagnostics.append(.error(at: found.location, code: "rule.type",
                "\(context).\(key): expected text, found \(found.kindDescription)"))
            return nil
        }
        return scalar.text
    }

    mutating func date(_ key: String) -> CivilDate? {
        guard let found = value(key) else { return nil }
        guard let text = found.scalar?.text, let date = CivilDate(iso: text) else {
            diagnostics.append(.error(at: found.location, code: "rule.type",
                "\(context).\(key): expected a date YYYY-MM-DD, found \(found.kindDescription)"))
            return nil
        }
        return date
    }

    mutating func localized(_ key: String, required: Bool = true) -> LocalizedText? {
        guard let found = required ? require(key) : value(key) else { return nil }
        var inner = NodeReader(found, context: "\(context).\(key)", diagnostics: &diagnostics)
        let danish = inner.text("da")
        let english = inner.text("en")
        diagnostics += inner.finish()
        guard let danish, let english else { return nil }
        return LocalizedText(da: danish, en: english)
    }

    mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// The collected diagnostics plus one error per key that was never read.
    mutating func finish(allowing extra: Set<String> = []) -> [Diagnostic] {
        for entry in node.mappingEntries ?? [] {
            let key = entry.key.scalar?.text ?? ""
            guard !consumed.contains(key), !extra.contains(key) else { continue }
            let suggestion = Suggestion.closest(to: key, among: consumed.union(extra))
            diagnostics.append(.error(at: entry.key.location, code: "rule.unknown-key",
                "\(context): unknown key '\(key)'",
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "known keys: \(consumed.union(extra).sorted().joined(separator: ", "))"))
        }
        let collected = diagnostics
        diagnostics = []
        return collected
    }
}
