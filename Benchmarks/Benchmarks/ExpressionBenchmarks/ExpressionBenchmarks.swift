import Benchmark
import RuleDSL

/// Rule-like conditions over in-memory case records: the per-record hot path of an audit.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 100
    )

    Benchmark("Evaluate 6 conditions × \(Workload.recordCount) records", configuration: configuration) { benchmark in
        let workload = Workload.shared
        for _ in benchmark.scaledIterations {
            var bindings = workload.bindings
            var decided = 0
            for record in workload.records {
                bindings[slot: workload.caseSlot] = record
                for program in workload.programs {
                    if case .success(.bool(true)) = program.result(bindings) { decided += 1 }
                }
            }
            blackHole(decided)
        }
    }

    Benchmark("Compile 6 conditions", configuration: configuration) { benchmark in
        let workload = Workload.shared
        for _ in benchmark.scaledIterations {
            for source in Workload.conditions {
                blackHole(try? workload.environment.compile(source))
            }
        }
    }
}

/// The records, schema and compiled conditions, built once per process.
struct Workload: Sendable {
    static let recordCount = 3_000
    static let shared = Workload()

    static let conditions = [
        "case.woman.sex == 'female'",
        "case.admission.decided_by == 'leader' && case.admission.date <= as_of",
        "case.admission.safety_assessment_date != null && case.admission.safety_assessment_date <= case.admission.date",
        "!case.charges.exists(c, c.kind in ['stay', 'other'] && c.amount_dkk > 0)",
        "case.departure == null || case.departure.date >= add_months(case.admission.date, 3)",
        "case.children.all(ch, ch.age < 6 || ch.age > 16 || ch.schooling in ['enrolled', 'arranged'])",
    ]

    let environment: ExprEnvironment
    let programs: [Program]
    let records: [Value]
    let bindings: Bindings
    let caseSlot: Int

    init() {
        var environment = ExprEnvironment()
        environment.declare("case", schema: Self.schema)
        environment.declare("as_of", type: .date)
        self.environment = environment
        programs = Self.conditions.compactMap { try? environment.compile($0, expecting: .bool) }
        precondition(programs.count == Self.conditions.count, "a benchmark condition does not compile")
        records = (0..<Self.recordCount).map(Self.record)
        var bindings = environment.makeBindings()
        bindings["as_of"] = .date(Self.day(20_000))
        self.bindings = bindings
        caseSlot = environment.makeBindings().slot(of: "case") ?? 0
    }

    static func day(_ daysSinceEpoch: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch) ?? CivilDate(daysSinceEpoch: 0)!
    }

    static let schema: SchemaType = {
        let doc = LocalizedText(da: "", en: "")
        func object(_ name: String, _ fields: [FieldSchema]) -> SchemaType { .object(ObjectSchema(name: name, fields: fields)) }
        return object("Case", [
            FieldSchema("woman", object("Woman", [
                FieldSchema("sex", .enumeration(["female", "male"]), doc: doc),
                FieldSchema("age", .int, doc: doc),
            ]), doc: doc),
            FieldSchema("admission", object("Admission", [
                FieldSchema("date", .date, doc: doc),
                FieldSchema("decided_by", .enumeration(["leader", "staff", "municipality"]), doc: doc),
                FieldSchema("safety_assessment_date", .date, nullable: true, doc: doc),
            ]), doc: doc),
            FieldSchema("charges", .list(object("Charge", [
                FieldSchema("kind", .enumeration(["stay", "food", "other", "interpreter"]), doc: doc),
                FieldSchema("amount_dkk", .int, doc: doc),
            ])), doc: doc),
            FieldSchema("departure", object("Departure", [
                FieldSchema("date", .date, doc: doc),
            ]), nullable: true, doc: doc),
            FieldSchema("children", .list(object("Child", [
                FieldSchema("age", .int, doc: doc),
                FieldSchema("schooling", .enumeration(["enrolled", "arranged", "none"]), doc: doc),
            ])), doc: doc),
        ])
    }()

    /// A deterministic, varied record; every tenth lacks a field so missing data is exercised too.
    static func record(_ index: Int) -> Value {
        func map(_ pairs: [(String, Value)]) -> Value { .map(MapValue(stringKeyed: pairs)) }
        let admitted = 19_700 + index % 250
        var woman: [(String, Value)] = [("age", .int(Int64(18 + index % 50)))]
        if index % 10 != 0 { woman.append(("sex", .string(index % 97 == 0 ? "male" : "female"))) }
        let children = (0..<(index % 4)).map { child in
            map([("age", .int(Int64((index + child * 5) % 18))),
                 ("schooling", .string(["enrolled", "arranged", "none"][(index + child) % 3]))])
        }
        return map([
            ("woman", map(woman)),
            ("admission", map([
                ("date", .date(day(admitted))),
                ("decided_by", .string(index % 13 == 0 ? "municipality" : "leader")),
                ("safety_assessment_date", index % 7 == 0 ? .null : .date(day(admitted + index % 2))),
            ])),
            ("charges", .list(index % 5 == 0 ? [map([("kind", .string("food")), ("amount_dkk", .int(50))])] : [])),
            ("departure", index % 3 == 0 ? .null : map([("date", .date(day(admitted + 30 + index % 90)))])),
            ("children", .list(children)),
        ])
    }
}
