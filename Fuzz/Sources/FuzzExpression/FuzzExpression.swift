import FuzzSupport
import GrundpakkeRules
import RuleDSL

/// A case with children, as the audit would bind it, built once through the real input path.
private let sampleCase: Value = {
    let yaml = """
    kind: case
    case_id: FUZZ-1
    shelter_id: kc-fuzz
    woman: {sex: female, age: 41, anonymous: false, needs_interpreter: true, without_means_on_arrival: false}
    contact: {first_contact_date: 2025-01-02, referred_by: hotline}
    admission: {date: 2025-01-03, decided_by: leader, safety_assessment_date: 2025-01-03}
    home_municipality: Aarhus
    acting_municipality: Aarhus
    charges: []
    stay_plan: {offered_date: null}
    children:
      - child_id: FUZZ-1-c1
        age: 7
        exposed_to_violence: true
        notification: {date: 2025-01-03}
        schooling: enrolled
    """
    let loaded = YAMLLoader().load(yaml, file: "fuzz-case.yaml")
    guard let document = loaded.documents.first,
          let record = RecordBuilder().records(fromDocument: document).first?.record else {
        fatalError("the fuzz target's sample case no longer validates: \(loaded.diagnostics.map(\.message))")
    }
    return .map(record.fields)
}()

private let environment: ExprEnvironment = {
    var environment = ExprEnvironment(functions: GrundpakkeContext.make(packParams: []).context.functions)
    environment.declare("case", schema: .object(CaseSchema.object))
    environment.declare("child", schema: .object(CaseSchema.child))
    environment.declare("as_of", type: .date)
    return environment
}()

private let bindings: Bindings = {
    var bindings = environment.makeBindings()
    bindings["case"] = sampleCase
    if case .map(let fields) = sampleCase, case .list(let children)? = fields["children"], let first = children.first {
        bindings["child"] = first
    }
    bindings["as_of"] = .date(GrundpakkeContext.defaultExampleDate)
    return bindings
}()

/// Any text as an expression: parse, check against the case schema, and evaluate what checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let program = try environment.compile(text)
        _ = program.result(bindings)
    } catch {
        if error.diagnostics.isEmpty { fatalError("a compile error without a diagnostic") }
    }
    return 0
}

/// The executable's entry point under SwiftPM on Linux (see `runFuzzer`).
@_cdecl("FuzzExpression_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    // Builds the lazily made globals before libFuzzer starts tracking allocations per input.
    let warmUp: [UInt8] = Array("kind: case".utf8)
    _ = warmUp.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { fuzz($0, buffer.count) } }
    return runFuzzer(argc, argv, fuzz)
}
