import FuzzSupport
import GrundpakkeRules
import RuleDSL

private let context = GrundpakkeContext.make(packParams: []).context

/// Any bytes as a rule file: load, lint, compile against the Grundpakke context, and run the
/// examples of a rule that compiles (they go through validation and evaluation like real data).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (rule, diagnostics) = RuleLoader().load(bytes, file: "fuzz-rule.yaml")
    for diagnostic in diagnostics where diagnostic.location == nil {
        fatalError("unlocated rule diagnostic: \(diagnostic.message)")
    }
    guard let rule else { return 0 }
    _ = RuleLint.check(rule)
    let (compiled, _) = RuleCompiler(context: context).compile(rule)
    if let compiled {
        _ = ExampleRunner(defaultDate: context.defaultExampleDate).run(compiled)
    }
    return 0
}

/// The executable's entry point under SwiftPM on Linux (see `runFuzzer`).
@_cdecl("FuzzRule_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Builds the lazily made globals before libFuzzer starts tracking allocations per input.
    let warmUp: [UInt8] = Array("kind: case".utf8)
    _ = warmUp.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { fuzz($0, buffer.count) } }
    return runFuzzer(argc, argv, fuzz)
}
