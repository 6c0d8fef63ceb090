import FuzzSupport
import RuleDSL

/// Any bytes through the YAML loader: it must return documents and located diagnostics, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Tighter limits than the standard ones so that the limits themselves are reached and
    // crossed within -max_len; the standard limits run too, as the real tool uses them.
    let small = DocumentLimits(maxFileBytes: 48 << 10, maxLineBytes: 4 << 10, maxScalarBytes: 2 << 10,
                               maxDepth: 24, maxNodesPerDocument: 5_000, maxDocuments: 50)
    for limits in [DocumentLimits.standard, small] {
        let loaded = YAMLLoader(limits: limits).load(bytes, file: "fuzz.yaml")
        for diagnostic in loaded.diagnostics where diagnostic.location == nil {
            fatalError("unlocated YAML diagnostic: \(diagnostic.message)")
        }
    }
    return 0
}

/// The executable's entry point under SwiftPM on Linux (see `runFuzzer`).
@_cdecl("FuzzYAML_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Builds the lazily made globals before libFuzzer starts tracking allocations per input.
    let warmUp: [UInt8] = Array("kind: case".utf8)
    _ = warmUp.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { fuzz($0, buffer.count) } }
    return runFuzzer(argc, argv, fuzz)
}
