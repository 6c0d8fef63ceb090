import Foundation
import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Synthetic sample generator")
struct SampleGeneratorTests {
    static let asOf = CivilDate(year: 2025, month: 6, day: 30) ?? CivilDate(year: 2000, month: 1, day: 1)!

    static func generator(seed: UInt64 = 42, shelters: Int = 4, cases: Int = 2_000) -> SampleGenerator {
        SampleGenerator(.init(seed: seed, shelters: shelters, cases: cases, asOf: asOf))
    }

    /// One generator's output, read once for the tests that inspect it.
    static let output: (shelters: String, lines: String, exports: String, batch: InputBatch) = {
        let generator = Self.generator()
        let shelters = generator.sheltersYAML()
        let lines = generator.casesJSONLines()
        let exports = generator.caseExportsYAML()
        var batch = InputBatch()
        let reader = InputReader()
        reader.read(bytes: Array(shelters.utf8), file: "shelters.yaml", format: .yaml, into: &batch)
        reader.read(bytes: Array(lines.utf8), file: "cases.jsonl", format: .jsonLines, into: &batch)
        return (shelters, lines, exports, batch)
    }()

    @Test("the same seed gives byte-identical output, another seed different output")
    func deterministic() {
        let first = Self.generator(cases: 300)
        let again = Self.generator(cases: 300)
        let other = Self.generator(seed: 43, cases: 300)
        #expect(first.casesJSONLines() == again.casesJSONLines())
        #expect(first.sheltersYAML() == again.sheltersYAML())
        #expect(first.caseExportsYAML() == again.caseExportsYAML())
        #expect(first.casesJSONLines() != other.casesJSONLines())
        #expect(first.sheltersYAML() != other.sheltersYAML())
    }

    @Test("shelter codes stay at most four digits, so no id can hold a CPR-shaped run of digits")
    func shelterCap() {
        let configuration = SampleGenerator.Configuration(seed: 1, shelters: 1_000_000, cases: 0, asOf: Self.asOf)
        #expect(configuration.shelters == 9_999)
    }

    @Test("streaming in small chunks gives the same bytes as one piece")
    func chunked() {
        let generator = Self.generator(cases: 200)
        var bytes: [UInt8] = []
        generator.writeCasesJSONLines(chunkBytes: 512) { buffer in
            bytes += buffer.bytes
            buffer.removeAll()
        }
        #expect(String(decoding: bytes, as: UTF8.self) == generator.casesJSONLines())
    }

    @Test("2,000 cases and their shelters read with zero errors and zero warnings")
    func validates() {
        let batch = Self.output.batch
        #expect(batch.errors.isEmpty, "\(batch.errors.prefix(5))")
        #expect(batch.warnings.isEmpty, "\(batch.warnings.prefix(5))")
        #expect(batch.records.count { $0.kind == .shelter } == 4)
        #expect(batch.records.count { $0.kind == .case } == 2_000)
        #expect(Self.output.lines.split(separator: "\n").count == 2_000)
    }

    @Test("the YAML case exports read with zero errors and warnings, and hold the same stays")
    func exportsValidate() {
        var batch = InputBatch()
        InputReader().read(bytes: Array(Self.output.exports.utf8), file: "cases.yaml", format: .yaml, into: &batch)
        #expect(batch.errors.isEmpty, "\(batch.errors.prefix(5))")
        #expect(batch.warnings.isEmpty, "\(batch.warnings.prefix(5))")
        let fromLines = Self.output.batch.records.filter { $0.kind == .case }
        #expect(Set(batch.records.map(\.id)) == Set(fromLines.map(\.id)))
        // The same fields and values, whatever the key order (an export's cases inherit shelter_id).
        func content(_ record: InputRecord) -> [Value: Value] { record.fields.storage.filter { $0.key != .string("kind") } }
        let byID = Dictionary(uniqueKeysWithValues: fromLines.map { ($0.id, content($0)) })
        #expect(batch.records.allSatisfy { byID[$0.id] == content($0) })
    }

    @Test("nothing shaped like a CPR number anywhere, and ids are unique pseudonyms")
    func noCPR() {
        #expect(!CPRRedaction.containsCPR(Self.output.shelters))
        #expect(!CPRRedaction.containsCPR(Self.output.lines))
        #expect(!CPRRedaction.containsCPR(Self.output.exports))
        let cases = Self.output.batch.records.filter { $0.kind == .case }
        #expect(Set(cases.map(\.id)).count == cases.count)
        #expect(cases.allSatisfy { $0.id.hasPrefix("GEN-K") })
    }

    @Test("about half the stays have children, aged 0 to 17")
    func children() {
        let cases = Self.output.batch.records.filter { $0.kind == .case }
        let share = Double(cases.count { !$0.children.isEmpty }) / Double(cases.count)
        #expect(share >= 0.35 && share <= 0.65, "share with children: \(share)")
        let ages = cases.flatMap(\.children).compactMap { child -> Int64? in
            if case .int(let age)? = child["age"] { age } else { nil }
        }
        #expect(ages.allSatisfy { (0...17).contains($0) })
        #expect(Set(ages).count == 18)
    }

    @Test("dates agree with the as-of date: nothing after it, departures not before admissions")
    func dates() throws {
        let cases = Self.output.batch.records.filter { $0.kind == .case }
        var ongoing = 0
        for record in cases {
            guard case .map(let admission)? = record.fields["admission"], case .date(let admitted)? = admission["date"] else {
                Issue.record("\(record.id): no admission date")
                continue
            }
            #expect(admitted <= Self.asOf, "\(record.id) admitted after as-of")
            switch record.fields["departure"] {
            case .map(let departure)?:
                guard case .date(let left)? = departure["date"] else {
                    Issue.record("\(record.id): departure without a date")
                    continue
                }
                #expect(left <= Self.asOf, "\(record.id) left after as-of")
                #expect(left >= admitted, "\(record.id) left before admission")
            case .null?, nil:
                ongoing += 1
            default:
                Issue.record("\(record.id): departure of an unexpected type")
            }
        }
        // Ongoing stays exist, but most stays in a two-year export are over.
        #expect(ongoing > 0 && ongoing < cases.count / 2)
    }

    @Test("admissions fall on every weekday, and some on Danish closed days")
    func weekdays() {
        let days = Self.output.batch.records.compactMap { record -> CivilDate? in
            guard case .map(let admission)? = record.fields["admission"], case .date(let day)? = admission["date"] else { return nil }
            return day
        }
        #expect(Set(days.map(\.isoWeekday)) == Set(1...7))
        #expect(days.contains { DanishHolidays.holiday(on: $0) != nil })
    }

    @Test("sample-cases/generated is exactly what the command in sample-cases/README.md writes")
    func bundledSamplesAreReproducible() throws {
        let generated = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("sample-cases/generated")
        let generator = SampleGenerator(.init(seed: 2025, shelters: 2, cases: 160, asOf: Self.asOf))
        let shelters = try String(contentsOf: generated.appendingPathComponent("shelters.yaml"), encoding: .utf8)
        let cases = try String(contentsOf: generated.appendingPathComponent("cases.jsonl"), encoding: .utf8)
        #expect(shelters == generator.sheltersYAML())
        #expect(cases == generator.casesJSONLines())
    }
}
