import FuzzSupport
import GrundpakkeRules
import RuleDSL

/// Any bytes as a JSON file and as JSON Lines: the reader, then records as the audit builds them.
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
            switch reader.read(text, file: "fuzz.jsonl", firstLine: lineNumber) {
            case .success(let node): check(builder.records(fromLine: node))
            case .failure(let diagnostic):
                if diagnostic.location == nil { fatalError("unlocated JSON Lines diagnostic: \(diagnostic.message)") }
            }
        }
    }
    return 0
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
