import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

@Suite struct ConsistencyChecksTests {
    static func batch(_ yaml: String, asOf: String = "2025-06-30") throws -> InputBatch {
        var batch = InputBatch()
        InputReader().read(bytes: Array(yaml.utf8), file: "c.yaml", format: .yaml, into: &batch)
        ConsistencyChecks.apply(to: &batch, asOf: try #require(CivilDate(iso: asOf)))
        return batch
    }

    static let profile = "kind: shelter\nshelter_id: kc-a\n---\n"

    @Test func departureBeforeAdmissionRejectsTheCase() throws {
        let batch = try Self.batch(Self.profile + "kind: case\ncase_id: A\nshelter_id: kc-a\nadmission: {date: 2025-03-03}\ndeparture: {date: 2025-03-01}\n")
        #expect(batch.records.map(\.id) == ["kc-a"])
        #expect(batch.recordsRejected == 1)
        #expect(batch.errors.first?.code == "input.departure-before-admission")
        #expect(batch.errors.first?.location?.line == 4)
    }

    @Test func anAdmissionAfterTheEvaluationDateIsAnError() throws {
        let batch = try Self.batch(Self.profile + "kind: case\ncase_id: A\nshelter_id: kc-a\nadmission: {date: 2025-07-01}\n")
        #expect(batch.errors.map(\.code) == ["input.admission-after-as-of"])
        let same = try Self.batch(Self.profile + "kind: case\ncase_id: A\nshelter_id: kc-a\nadmission: {date: 2025-07-01}\n", asOf: "2025-07-01")
        #expect(same.errors.isEmpty)
    }

    @Test(arguments: [-1, 18, 40])
    func aChildsAgeMustBeAChilds(_ age: Int) throws {
        let batch = try Self.batch(Self.profile + "kind: case\ncase_id: A\nshelter_id: kc-a\nchildren:\n  - {child_id: A-c1, age: \(age)}\n")
        #expect(batch.errors.map(\.code) == ["input.child-age"])
        #expect(batch.errors.first?.location?.line == 8)
    }

    @Test func duplicateIdentifiersAreNamedWithTheFirstPlace() throws {
        let text = Self.profile + """
            kind: case
            case_id: A
            shelter_id: kc-a
            children:
              - {child_id: A-c1, age: 3}
              - {child_id: A-c1, age: 5}
            ---
            kind: case
            case_id: B
            shelter_id: kc-a
            ---
            kind: case
            case_id: B
            shelter_id: kc-a

            """
        let batch = try Self.batch(text)
        #expect(batch.errors.map(\.code) == ["input.duplicate-child", "input.duplicate-case"])
        #expect(batch.errors.last?.hint?.contains("c.yaml:11") == true)
        #expect(batch.records.map(\.id) == ["kc-a", "B"])
        #expect(batch.recordsRead == batch.records.count + batch.recordsRejected)
    }

    @Test func aCaseWithoutItsShelterProfileIsOneWarningPerShelter() throws {
        let batch = try Self.batch("kind: case\ncase_id: A\nshelter_id: kc-x\n---\nkind: case\ncase_id: B\nshelter_id: kc-x\n")
        #expect(batch.errors.isEmpty)
        #expect(batch.warnings.map(\.code) == ["input.no-shelter-profile"])
        #expect(batch.warnings.first?.message.contains("2 cases") == true)
        #expect(batch.records.count == 2)
    }

    @Test("a repeated child id is found in a short list and in a long one", arguments: [3, 40])
    func repeatedChildInListsOfAnyLength(_ count: Int) throws {
        var text = "kind: case\ncase_id: A\nshelter_id: kc-a\nchildren:\n"
        for index in 0..<count { text += "  - {child_id: c\(index), age: 5}\n" }
        text += "  - {child_id: c1, age: 6}\n"
        let batch = try Self.batch(Self.profile + text)
        #expect(batch.errors.map(\.code) == ["input.duplicate-child"])
        #expect(batch.errors.first?.message.contains("children[\(count)].child_id") == true)
        #expect(batch.errors.first?.message.contains("also children[1]") == true)
    }
}
