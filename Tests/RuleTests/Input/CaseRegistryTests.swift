import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The duplicate-case check remembers every case compactly and still names exactly where the
/// first one was given.
@Suite struct CaseRegistryTests {
    static func identity(_ id: String, shelter: String = "kc-a", file: String = "cases.jsonl", line: Int, column: Int = 1) -> RecordIdentity {
        RecordIdentity(kind: .case, id: id, shelterID: shelter, location: SourceLocation(file: file, line: line, column: column))
    }

    @Test func aDuplicateNamesTheFirstLocation() throws {
        var registry = CaseRegistry()
        #expect(registry.register(Self.identity("A", file: "one.jsonl", line: 3, column: 2)) == nil)
        #expect(registry.register(Self.identity("A", shelter: "kc-b", file: "one.jsonl", line: 4)) == nil)
        #expect(registry.register(Self.identity("B", file: "two.jsonl", line: 1)) == nil)
        let found = registry.register(Self.identity("A", file: "two.jsonl", line: 9))
        let duplicate = try #require(found)
        #expect(duplicate.code == "input.duplicate-case")
        #expect(duplicate.message == "expected each case_id once per shelter, found 'A' again")
        #expect(duplicate.hint == "it was first given at one.jsonl:3:2; if these are two stays, give them different ids")
        #expect(duplicate.location == SourceLocation(file: "two.jsonl", line: 9, column: 1))
    }

    /// Many cases over several files: every duplicate is found with its first location, through
    /// the index's growth, and forgotten cases can be given again.
    @Test func manyCasesAcrossFiles() throws {
        var registry = CaseRegistry()
        let count = 120_000
        for number in 0..<count {
            #expect(registry.register(Self.identity("C\(number)", file: "f\(number / 50_000).jsonl", line: number + 1)) == nil)
        }
        for number in stride(from: 0, to: count, by: 997) {
            let found = registry.register(Self.identity("C\(number)", file: "g.jsonl", line: 1))
            let duplicate = try #require(found)
            #expect(duplicate.hint == "it was first given at f\(number / 50_000).jsonl:\(number + 1):1; if these are two stays, give them different ids")
        }
        // Forget every third case; they can be given again, the others still cannot.
        for number in stride(from: 0, to: count, by: 3) {
            registry.forget(Self.identity("C\(number)", file: "f\(number / 50_000).jsonl", line: number + 1))
        }
        for number in 0..<3000 {
            let again = registry.register(Self.identity("C\(number)", file: "h.jsonl", line: number + 1))
            #expect((again == nil) == (number % 3 == 0), "C\(number)")
        }
    }

    /// `forget` takes back only the registration it names (not a later duplicate's).
    @Test func forgetMatchesTheLocation() {
        var registry = CaseRegistry()
        _ = registry.register(Self.identity("A", line: 1))
        registry.forget(Self.identity("A", line: 2))
        #expect(registry.register(Self.identity("A", line: 3)) != nil)
        registry.forget(Self.identity("A", line: 1))
        #expect(registry.register(Self.identity("A", line: 4)) == nil)
    }

    /// Cases of shelters without a profile, in any order: one warning per shelter, at its first
    /// case still registered, with its count; a shelter whose cases were all forgotten has none
    /// until a case of it is given again, which is then its first.
    @Test func shelterWarningsCountEachShelter() {
        var registry = CaseRegistry()
        for number in 0..<30 {
            _ = registry.register(Self.identity("C\(number)", shelter: ["kc-a", "kc-b", "kc-c"][number % 3], line: number + 1))
        }
        _ = registry.register(RecordIdentity(kind: .shelter, id: "kc-b", shelterID: "kc-b", location: SourceLocation(file: "s.yaml", line: 1, column: 1)))
        _ = registry.register(Self.identity("D1", shelter: "kc-d", line: 31))
        registry.forget(Self.identity("D1", shelter: "kc-d", line: 31))
        registry.forget(Self.identity("C2", shelter: "kc-c", line: 3))
        #expect(registry.warnings.map(\.message) == [
            "shelter_id 'kc-a' has no shelter profile in this run (10 cases)",
            "shelter_id 'kc-c' has no shelter profile in this run (9 cases)",
        ])
        #expect(registry.warnings.map(\.location?.line) == [1, 3])
        _ = registry.register(Self.identity("D2", shelter: "kc-d", line: 40))
        #expect(registry.warnings.last?.message == "shelter_id 'kc-d' has no shelter profile in this run (1 case)")
        #expect(registry.warnings.last?.location?.line == 40)
    }

    /// The key is FNV-1a over shelter id, a 0xFF byte and case id, the same from run to run.
    @Test func theKeyIsFNV1aOfShelterAndCase() {
        func fnv(_ bytes: [UInt8]) -> UInt64 {
            bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
        for (shelter, id) in [("kc-a", "A"), ("gen-kc-01", "GEN-K01-2023-0001"), ("", ""), ("kc-ø", "sag-æ")] {
            #expect(CaseRegistry.key(Self.identity(id, shelter: shelter, line: 1)) == fnv(Array(shelter.utf8) + [0xFF] + Array(id.utf8)))
        }
    }

    /// Records of one file in different columns (a JSON array written by hand, say).
    @Test func columnsComeBackPerRecord() {
        var table = CaseKeyTable()
        for number in 0..<100 {
            table.insert(UInt64(number), at: SourceLocation(file: number < 50 ? "a.json" : "b.json", line: number + 1, column: number % 3 + 1))
        }
        for number in 0..<100 {
            #expect(table.location(of: UInt64(number)) == SourceLocation(file: number < 50 ? "a.json" : "b.json", line: number + 1, column: number % 3 + 1))
        }
    }

    /// Chunks name their file with copies of its name of their own: entries given with a new
    /// copy every few entries, and files that change and come back, keep their files.
    @Test func fileNamesGivenAsCopiesComeBackRight() {
        var table = CaseKeyTable()
        let names = ["/exports/2025/nightly/cases-a.jsonl", "/exports/2025/nightly/cases-b.jsonl", "c.jsonl"]
        func name(_ number: Int) -> String { names[(number / 100) % 3] }
        var copy = ""
        for number in 0..<700 {
            if number % 7 == 0 || number % 100 == 0 { copy = String(decoding: Array(name(number).utf8), as: UTF8.self) }
            table.insert(UInt64(number), at: SourceLocation(file: copy, line: number + 1, column: 1))
        }
        for number in 0..<700 {
            #expect(table.location(of: UInt64(number)) == SourceLocation(file: name(number), line: number + 1, column: 1))
        }
    }

    @Test func locationsBeyondThirtyTwoBitsComeBackExactly() {
        var table = CaseKeyTable()
        let wide = SourceLocation(file: "big.json", line: Int(UInt32.max) + 5, column: 7)
        table.insert(42, at: wide)
        table.insert(43, at: SourceLocation(file: "big.json", line: 1, column: Int(UInt32.max) + 1))
        #expect(table.location(of: 42) == wide)
        #expect(table.location(of: 43)?.column == Int(UInt32.max) + 1)
        #expect(table.location(of: 44) == nil)
    }

    @Test func removalKeepsTheRestFindable() {
        var table = CaseKeyTable()
        // Keys that collide in the index's home slots (same high bits after the multiply).
        let keys: [UInt64] = (0..<5000).map { UInt64($0) &* 0x1_0000_0001 }
        for (index, key) in keys.enumerated() { table.insert(key, at: SourceLocation(file: "f", line: index, column: 1)) }
        for (index, key) in keys.enumerated() where index % 2 == 0 { table.remove(key) }
        for (index, key) in keys.enumerated() {
            #expect((table.location(of: key) == nil) == (index % 2 == 0))
            if index % 2 == 1 { #expect(table.location(of: key)?.line == index) }
        }
    }
}
