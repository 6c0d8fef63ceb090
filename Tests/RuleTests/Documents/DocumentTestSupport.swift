import Testing
@testable import RuleDSL

// Helpers for the Documents and Input suites. Names start with `doc` because every file of the
// RuleTests module shares one namespace.

/// Loads YAML text as `test.yaml`.
func docLoadYAML(_ text: String, limits: DocumentLimits = .standard) -> LoadedDocuments {
    YAMLLoader(limits: limits).load(text, file: "test.yaml")
}

/// Loads YAML bytes as `test.yaml`.
func docLoadYAML(bytes: [UInt8], limits: DocumentLimits = .standard) -> LoadedDocuments {
    YAMLLoader(limits: limits).load(bytes, file: "test.yaml")
}

/// The one document of a YAML text that must load without any diagnostic.
func docSingleYAML(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Node {
    let loaded = docLoadYAML(text)
    #expect(loaded.diagnostics.isEmpty, "unexpected diagnostics: \(loaded.diagnostics)", sourceLocation: sourceLocation)
    try #require(loaded.documents.count == 1, "expected one document, got \(loaded.documents.count)", sourceLocation: sourceLocation)
    return loaded.documents[0]
}

/// The one diagnostic a YAML text must produce.
func docSingleYAMLDiagnostic(
    _ text: String, limits: DocumentLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    let loaded = docLoadYAML(text, limits: limits)
    try #require(loaded.diagnostics.count == 1, "expected one diagnostic, got \(loaded.diagnostics)", sourceLocation: sourceLocation)
    return loaded.diagnostics[0]
}

/// A JSON text that must parse.
func docJSON(
    _ text: String, limits: DocumentLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Node {
    switch JSONReader(limits: limits).read(text, file: "test.json") {
    case .success(let node): return node
    case .failure(let diagnostic):
        Issue.record("unexpected JSON error: \(diagnostic)", sourceLocation: sourceLocation)
        throw diagnostic
    }
}

/// The error a JSON text must produce.
func docJSONError(
    _ text: String, limits: DocumentLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    try docJSONError(bytes: Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
}

func docJSONError(
    bytes: [UInt8], limits: DocumentLimits = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic {
    switch JSONReader(limits: limits).read(bytes[...], file: "test.json") {
    case .success(let node):
        Issue.record("expected a JSON error, parsed \(node.kindDescription)", sourceLocation: sourceLocation)
        throw DocTestFailure.unexpectedSuccess
    case .failure(let diagnostic): return diagnostic
    }
}

enum DocTestFailure: Error {
    case unexpectedSuccess
}

/// Line and column of a location, for compact comparisons.
func docLineColumn(_ location: RuleDSL.SourceLocation?) -> [Int] {
    guard let location else { return [] }
    return [location.line, location.column]
}

/// One step down a node: a mapping key or a sequence index. Written as a literal ("woman", 0).
enum DocStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
    case key(String)
    case index(Int)

    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

/// Follows a path of mapping keys and sequence indices down a node.
func docNode(_ node: Node, _ path: [DocStep]) -> Node? {
    var current: Node? = node
    for step in path {
        switch step {
        case .key(let key): current = current?[key]
        case .index(let index):
            guard let items = current?.sequenceItems, items.indices.contains(index) else { return nil }
            current = items[index]
        }
    }
    return current
}

/// The key node of a mapping entry.
func docKey(_ node: Node?, _ key: String) -> Node? {
    node?.mappingEntries?.first { $0.key.scalar?.text == key }?.key
}
