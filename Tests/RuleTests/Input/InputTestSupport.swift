import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

// Helpers for the Input suites; names start with `input` (the RuleTests module shares one namespace).

/// Reads in-memory text as one file of the given format.
func inputRead(_ text: String, file: String = "test.yaml", format: InputFormat = .yaml, limits: DocumentLimits = .standard) -> InputBatch {
    inputRead(bytes: Array(text.utf8), file: file, format: format, limits: limits)
}

func inputRead(bytes: [UInt8], file: String = "test.yaml", format: InputFormat = .yaml, limits: DocumentLimits = .standard) -> InputBatch {
    var batch = InputBatch()
    InputReader(limits: limits).read(bytes: bytes, file: file, format: format, into: &batch)
    return batch
}

/// The records of one YAML document, built by `RecordBuilder`.
func inputRecords(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [RecordResult] {
    let node = try docSingleYAML(yaml, sourceLocation: sourceLocation)
    return RecordBuilder().records(fromDocument: node)
}

/// Every text a diagnostic shows: its location, message and hint.
func inputAllText(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(\.description).joined(separator: "\n")
}

/// A short, valid case as YAML; `extra` lines are appended as written.
func inputCaseYAML(id: String = "c1", shelter: String? = "s1", _ extra: String = "") -> String {
    var text = "kind: case\ncase_id: \(id)\n"
    if let shelter { text += "shelter_id: \(shelter)\n" }
    return text + extra
}

/// Line numbers of the located diagnostics.
func inputLines(_ diagnostics: [Diagnostic]) -> [Int] {
    diagnostics.map { $0.location?.line ?? 0 }
}
