import FuzzSupport
import GrundpakkeRules
import RuleDSL

/// Any bytes as a JSON file and as JSON Lines: the reader, then records as the audit builds them;
/// each line also through the direct decoder, which must agree with the located path.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let small = DocumentLimits(maxFileBytes: 48 << 10, maxLineBytes: 4 << 10, maxScalarBytes: 2 << 10,
                               maxDepth: 24, maxNodesPerDocument: 5_000, maxDocuments: 50)
    let builder = RecordBuilder()
    for limits in [DocumentLimits.standard, small] {
        let reader = JSONReader(limits: limits)
        // The whole file as one JSON document (a `.json` export).
        switch reader.read(bytes[...], file: "fuzz.json") {
        case .success(let node):
            for document in node.sequenceItems ?? [node] { check(builder.records(fromDocument: document)) }
        case .failure(let diagnostic):
            if diagnostic.location == nil { fatalError("unlocated JSON diagnostic: \(diagnostic.message)") }
        }
        // The same bytes as JSON Lines, split as InputStream splits them.
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var text = line
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            guard text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                  text.count <= limits.maxLineBytes else { continue }
            let direct = DirectJSONDecoder(schema: CaseSchema.object, limits: limits, trackingItemsOf: "children").decode(text)
            // Building only some fields must never change which lines are accepted.
            let pruned = DirectJSONDecoder(schema: CaseSchema.object, limits: limits, trackingItemsOf: "children",
                                           building: prunedSelection).decode(text)
            if (pruned == nil) != (direct == nil) { fatalError("building fewer fields changed whether a line is accepted") }
            switch reader.read(text, file: "fuzz.jsonl", firstLine: lineNumber) {
            case .success(let node):
                let results = builder.records(fromLine: node)
                check(results)
                if let direct { agree(direct, results, text) }
            case .failure(let diagnostic):
                if diagnostic.location == nil { fatalError("unlocated JSON Lines diagnostic: \(diagnostic.message)") }
            }
        }
    }
    return 0
}

/// A selection leaving most of a case unbuilt (what a few rules read).
private let prunedSelection = FieldSelection(paths: [
    ["case_id"], ["shelter_id"], ["admission", "date"], ["notices", "payment_contact"], ["children", "age"],
])

/// What the direct decoder accepts, the located path must accept with the same fields in the
/// same order and the same place, or reject only for a CPR-shaped id (which the direct path's
/// caller checks itself).
private func agree(_ direct: DirectJSONDecoder.Decoded, _ results: [RecordResult], _ text: ArraySlice<UInt8>) {
    guard results.count == 1 else { fatalError("the direct decoder accepted a line that gave \(results.count) records") }
    let result = results[0]
    guard let record = result.record else {
        if result.diagnostics.allSatisfy({ $0.code == "input.cpr" }) { return }
        fatalError("the direct decoder accepted a line the located path rejects: \(result.diagnostics.map(\.message))")
    }
    if result.diagnostics.contains(where: { $0.code != "input.cpr" }) {
        fatalError("the direct decoder accepted a line with diagnostics: \(result.diagnostics.map(\.message))")
    }
    if ordered(.map(record.fields)) != ordered(.map(direct.fields)) {
        fatalError("the two paths disagree: \(ordered(.map(record.fields))) vs \(ordered(.map(direct.fields)))")
    }
    if record.location.column != DirectJSONDecoder.column(of: direct.start, in: text)
        || record.childLocations.map(\.column) != direct.itemColumns(in: text) {
        fatalError("the two paths disagree about locations")
    }
}

/// Keys and values in order (`MapValue`'s `==` ignores order; reports do not).
private func ordered(_ value: Value) -> String {
    switch value {
    case .map(let map): return "{" + map.entries.map { "\(ordered($0.key)):\(ordered($0.value))" }.joined(separator: ",") + "}"
    case .list(let items): return "[" + items.map(ordered).joined(separator: ",") + "]"
    default: return "\(value)"
    }
}

/// A rejected record must say where and why.
private func check(_ results: [RecordResult]) {
    for result in results where result.record == nil {
        if result.diagnostics.isEmpty { fatalError("a record was rejected without a diagnostic") }
    }
}

/// The executable's entry point under SwiftPM on Linux (see `runFuzzer`).
@_cdecl("FuzzJSON_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Builds the lazily made globals before libFuzzer starts tracking allocations per input.
    let warmUp: [UInt8] = Array("kind: case".utf8)
    _ = warmUp.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { fuzz($0, buffer.count) } }
    return runFuzzer(argc, argv, fuzz)
}
