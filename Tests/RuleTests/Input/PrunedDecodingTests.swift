import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// A streamed audit builds only the fields of a case that its rules and input checks read
/// (`CaseReads`). What it leaves out must be checked as strictly as before, and no rule may
/// see a difference: every rule of the pack gives the same report either way.
@Suite("Decoding only the fields that are read")
struct PrunedDecodingTests {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30)!
    static let lines = SampleGenerator(.init(seed: 5, shelters: 3, cases: 300, asOf: asOf))
        .casesJSONLines().split(separator: "\n").map(String.init)

    /// `value` with only the selected fields, keys in their order.
    static func restricted(_ value: Value, to selection: FieldSelection) -> Value {
        if selection.isWhole { return value }
        switch value {
        case .map(let map):
            var kept = MapValue()
            for (key, inner) in map.entries {
                guard case .string(let name) = key, let part = selection.field(name) else { continue }
                kept.append(key, restricted(inner, to: part))
            }
            return .map(kept)
        case .list(let items):
            return .list(items.map { restricted($0, to: selection) })
        default:
            return value
        }
    }

    static let selection = FieldSelection(paths: [
        ["case_id"], ["shelter_id"], ["admission", "date"], ["notices", "payment_contact", "date"],
        ["children", "offers"], ["children", "child_id"], ["departure"],
    ])

    @Test("a decoder building some fields gives the whole record's selected fields, in order")
    func selectedFieldsOnly() throws {
        let whole = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children")
        let pruned = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children", building: Self.selection)
        for line in Self.lines {
            let bytes = Array(line.utf8)[...]
            let full = try #require(whole.decode(bytes))
            let part = try #require(pruned.decode(bytes))
            let expected = Self.restricted(.map(full.fields), to: Self.selection)
            #expect(DirectDecodingTests.ordered(.map(part.fields)) == DirectDecodingTests.ordered(expected))
            #expect(part.itemOffsets == full.itemOffsets)
        }
    }

    @Test("fields that are not built are checked as strictly as built ones", arguments: [
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":"34"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":3.0}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"unknown"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"female","sex":"female"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"typo":true}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","home_municipality":"a\"b"}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","charges":[{"kind":"rent","amount_dkk":1}]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","charges":[{"kind":"food","amount_dkk":1},]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025-02-30"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2023-02-29"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025-13-01"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025-00-10"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025-01-00"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025-01-3a"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"2025/01/30"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":"0000-01-30"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","contact":[]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[{"child_id":"c1","offers":{"activities":1}}]}"#,
    ])
    func unbuiltFieldsAreStillChecked(_ line: String) {
        let pruned = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children", building: Self.selection)
        let whole = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children")
        #expect(whole.decode(Array(line.utf8)[...]) == nil, "the whole decoder must refuse this line")
        #expect(pruned.decode(Array(line.utf8)[...]) == nil)
    }

    @Test("an unbuilt date that is a real day is accepted", arguments: ["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func unbuiltRealDates(_ date: String) throws {
        let pruned = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children", building: Self.selection)
        let line = #"{"case_id":"A-1","shelter_id":"kc-x","contact":{"first_contact_date":""# + date + #""}}"#
        #expect(pruned.decode(Array(line.utf8)[...]) != nil)
    }

    @Test("what the input checks and subjects read is always built")
    func alwaysBuilt() {
        let none = CaseReads.selection(for: [])
        #expect(none == CaseReads.always)
        #expect(none.field("children")?.field("age") == .everything)
        #expect(none.field("woman") == nil)
        let all = CaseReads.selection(for: BundledPack.loaded.rules)
        #expect(all.field("woman") != nil)
    }

    /// Each rule alone over generated cases, streamed (pruned) and in memory (whole records),
    /// every result listed with its evidence and message.
    @Test("every rule of the pack judges pruned records exactly as whole ones")
    func everyRuleAgrees() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pruned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cases.jsonl")
        try Data(Self.lines.joined(separator: "\n").utf8).write(to: file)
        let pack = RulePack(name: "grundpakke", version: "x", directory: "", params: [], rules: [])
        var batch = InputReader().read(paths: [file.path])
        ConsistencyChecks.apply(to: &batch, asOf: Self.asOf)
        let caseRules = BundledPack.loaded.rules.filter { $0.subject.name != "shelter" }
        #expect(caseRules.count > 20)
        for rule in caseRules {
            let auditor = Auditor(rules: [rule], asOf: Self.asOf, selection: .all)
            let expected = JSONReporter().render(auditor.audit(batch, toolVersion: "test", pack: pack))
            var builder = ReportBuilder(rules: [rule.rule], asOf: Self.asOf, selection: .all)
            await AuditRun(auditor: auditor, stream: InputStream(chunkSize: 64, blockSize: 8192), parallelism: 2)
                .run(paths: [file.path], into: &builder)
            let actual = JSONReporter().render(builder.finish(toolVersion: "test", packName: "grundpakke", packVersion: "x"))
            #expect(actual == expected, "\(rule.rule.id) judged pruned records differently")
        }
    }
}
