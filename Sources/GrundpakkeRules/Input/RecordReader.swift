import RuleDSL

/// Turns pending input into records (parsing JSON Lines lines on the way).
struct RecordReader: Sendable {
    let limits: DocumentLimits
    private let builder = RecordBuilder()
    /// Clean JSON Lines cases are decoded straight from their bytes; nil reads every line with
    /// locations (the equivalence tests compare the two).
    private let direct: DirectCaseReader?

    /// `building` names the fields of a clean case to build (see `CaseReads`); records read
    /// with locations are always whole.
    init(limits: DocumentLimits, direct: Bool = true, building selection: FieldSelection = .everything) {
        self.limits = limits
        self.direct = direct ? DirectCaseReader(limits: limits, building: selection) : nil
    }

    func records(from item: PendingInput) -> [RecordResult] {
        switch item {
        case .rejected(let result):
            return [result]
        case .document(let node):
            return builder.records(fromDocument: node)
        case .line(let bytes, let file, let line):
            if let result = direct?.record(bytes, file: file, line: line) { return [result] }
            switch JSONReader(limits: limits).read(bytes, file: file, firstLine: line) {
            case .success(let node):
                return builder.records(fromLine: node)
            case .failure(let diagnostic):
                let location = SourceLocation(file: file, line: line, column: 1)
                return [RecordResult(record: nil, location: location, diagnostics: [CPRRedaction.redact(diagnostic)])]
            }
        }
    }
}
