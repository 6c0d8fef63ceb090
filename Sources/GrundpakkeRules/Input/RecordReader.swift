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
        var results: [RecordResult] = []
        read(item) { results.append($0) }
        return results
    }

    /// `body` applied to each record of `item`, in order. A clean line (nearly every line of an
    /// export) is handed on as it is decoded, without an array of one result around it.
    func read(_ item: PendingInput, _ body: (consuming RecordResult) -> Void) {
        switch item {
        case .rejected(let result):
            body(result)
        case .document(let node):
            for result in builder.records(fromDocument: node) { body(result) }
        case .line(let bytes, let file, let line):
            if let result = direct?.record(bytes, file: file, line: line) { return body(result) }
            switch JSONReader(limits: limits).read(bytes, file: file, firstLine: line) {
            case .success(let node):
                for result in builder.records(fromLine: node) { body(result) }
            case .failure(let diagnostic):
                let location = SourceLocation(file: file, line: line, column: 1)
                body(RecordResult(record: nil, location: location, diagnostics: [CPRRedaction.redact(diagnostic)]))
            }
        }
    }
}
