import Foundation

/// A directory of rules: `pack.yaml` (name, version, shared parameters) and one YAML file per
/// rule anywhere below it.
public struct RulePack: Sendable {
    public var name: String
    public var version: String
    public var directory: String
    public var params: [(name: String, value: Value)]
    /// Rules sorted by id.
    public var rules: [Rule]
    /// The standard's headings in its own order, for grouping reports (`sections:` in pack.yaml).
    public var sections: [String]

    public init(
        name: String, version: String, directory: String, params: [(name: String, value: Value)], rules: [Rule],
        sections: [String] = []
    ) {
        self.name = name
        self.version = version
        self.directory = directory
        self.params = params
        self.rules = rules
        self.sections = sections
    }
}

/// Loads a rule pack's files; compiling happens afterwards against the domain's context.
public struct RulePackLoader: Sendable {
    public init() {}

    public func load(directory: String) -> (pack: RulePack?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let manifestPath = (directory as NSString).appendingPathComponent("pack.yaml")
        guard let manifestData = BoundedFile.read(manifestPath) else {
            return (nil, [.error(at: SourceLocation(file: manifestPath, line: 1, column: 1), code: "rule.pack",
                "expected a rule pack manifest, found no readable pack.yaml in '\(directory)'",
                hint: "a rule pack is a directory with pack.yaml (name, version, params) and one YAML file per rule")])
        }
        var name = "", version = ""
        var params: [(name: String, value: Value)] = []
        var sections: [String] = []
        let manifest = YAMLLoader().load(manifestData, file: manifestPath)
        diagnostics += manifest.diagnostics
        if let root = manifest.documents.first {
            var reader = NodeReader(root, context: "pack", diagnostics: &diagnostics)
            name = reader.text("name") ?? ""
            version = reader.text("version") ?? ""
            if let paramsNode = reader.value("params") {
                for entry in paramsNode.mappingEntries ?? [] {
                    let key = entry.key.scalar?.text ?? ""
                    let validated = SchemaValidator().validate(entry.value, as: .dyn, path: "params.\(key)")
                    diagnostics += validated.diagnostics
                    if let value = validated.value { params.append((key, ParameterValues.typed(value))) }
                }
            }
            if let sectionsNode = reader.value("sections") {
                sections = (sectionsNode.sequenceItems ?? []).compactMap { $0.scalar?.text }
                if sectionsNode.sequenceItems == nil {
                    diagnostics.append(.error(at: sectionsNode.location, code: "rule.pack",
                        "pack.sections: expected a list of headings, found \(sectionsNode.kindDescription)"))
                }
            }
            diagnostics += reader.finish()
        }

        var rules: [Rule] = []
        var firstFileByID: [String: SourceLocation] = [:]
        // The files are read and parsed on every core; what they give is taken in file order.
        let loaded = ruleFiles(in: directory).concurrentMap { file -> (rule: Rule?, diagnostics: [Diagnostic]) in
            guard let data = BoundedFile.read(file) else {
                return (nil, [.error(at: SourceLocation(file: file, line: 1, column: 1), code: "rule.file", "expected a readable rule file, found '\(file)' unreadable")])
            }
            return RuleLoader().load(data, file: file)
        }
        for (rule, problems) in loaded {
            diagnostics += problems
            guard let rule else { continue }
            if let first = firstFileByID[rule.id] {
                diagnostics.append(.error(at: rule.location, code: "rule.duplicate-id",
                    "expected each rule id once, found \(rule.id) again", hint: "it is already defined at \(first)"))
                continue
            }
            firstFileByID[rule.id] = rule.location
            rules.append(rule)
        }
        rules.sort { $0.id < $1.id }
        return (RulePack(name: name, version: version, directory: directory, params: params, rules: rules, sections: sections), diagnostics)
    }

    /// Every `.yaml`/`.yml` file below the directory except the manifest, sorted.
    func ruleFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let lower = relative.lowercased()
            guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml"), relative != "pack.yaml" else { continue }
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }
}
