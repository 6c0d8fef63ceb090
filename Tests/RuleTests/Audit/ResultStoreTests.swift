import Foundation
import Testing
@testable import GrundpakkeRules
@testable import RuleDSL

/// The results store keeps every result, in order, whether in memory or spilled, and a copy is
/// a value like any other.
@Suite struct ResultStoreTests {
    static let date = CivilDate(year: 2025, month: 3, day: 4) ?? GrundpakkeFallback.date

    /// Every field set, and evidence of every kind of value.
    static func result(_ number: Int, rule: Int = 0, outcome: Outcome = .noncompliant) -> AuditResult {
        let map = MapValue(stringKeyed: [("b", .int(-2)), ("a", .list([.bool(true), .null]))])
        let evidence: [(path: String, value: Value?)] = [
            ("admission.date", .date(date)), ("case.note", .string("note \(number) æøå \u{1}")), ("absent", nil),
            ("n", .int(Int64.min)), ("u", .uint(UInt64.max)), ("d", .double(-0.1)), ("nan", .double(.nan)),
            ("bytes", .bytes([0, 255, 7])), ("map", .map(map)), ("ts", Timestamp(seconds: 1_700_000_000, nanos: 5).map(Value.timestamp)),
            ("dur", CELDuration(seconds: -3, nanos: -7).map(Value.duration)), ("type", .type(TypeName("int"))),
        ]
        let waiver = Waiver(rule: "GP-C06", subject: "*", reason: "r", approvedBy: "A Person", expires: date,
                            location: SourceLocation(file: "w.yaml", line: 2, column: 3))
        return AuditResult(
            ruleIndex: rule,
            subject: SubjectReference(kind: number % 2 == 0 ? .case : .child, id: "ID-\(number)", caseID: number % 3 == 0 ? nil : "C-\(number)",
                                      shelterID: "kc-\(number % 4)", location: SourceLocation(file: "f\(number % 2).jsonl", line: number + 1, column: number % 5)),
            result: RuleResult(
                outcome: outcome, due: number % 2 == 0 ? date : nil, daysLate: number % 3 == 0 ? -number : nil,
                missing: number % 2 == 0 ? [] : ["consents", "children[0].age"], evidence: evidence,
                legalBasis: [LegalReference(law: "Serviceloven", provision: "§ 109", validFrom: date, validTo: nil)],
                errorMessage: number % 7 == 0 ? "boom \(number)" : nil),
            waiver: number % 4 == 0 ? waiver : nil,
            baseline: number % 3 == 0 ? nil : number % 3 == 1 ? .new : .unchanged)
    }

    /// Everything about a result, as text (AuditResult is not Equatable: evidence is a list of tuples).
    static func fingerprint(_ item: AuditResult) -> String {
        String(reflecting: item)
    }

    @Test func everyFieldAndValueComesBackFromTheFile() {
        let results = (0..<50).map { Self.result($0, rule: $0 % 5, outcome: Outcome.allCases[$0 % Outcome.allCases.count]) }
        let store = ResultStore(results, memoryLimit: 0)
        #expect(store.isSpilled)
        #expect(store.count == 50)
        let back = Array(store)
        #expect(back.map(Self.fingerprint) == results.map(Self.fingerprint))
        #expect(back.compactMap(\.waiver).allSatisfy { $0.approvedBy == "A Person" })
        // A second pass reads the same.
        #expect(Array(store).map(Self.fingerprint) == results.map(Self.fingerprint))
        #expect(throws: Never.self) { try store.checkReadBack() }
    }

    /// A record's length comes before its body in one to three bytes and more (bodies of
    /// under 128 bytes, of a few hundred, and of tens of thousands).
    @Test(arguments: [0, 200, 20_000, 3_000_000])
    func bodiesOfEveryLengthComeBack(_ messageLength: Int) {
        var long = Self.result(7)
        long.result.errorMessage = String(repeating: "x", count: messageLength)
        var short = AuditResult(ruleIndex: 1, subject: long.subject, result: RuleResult(outcome: .compliant))
        short.subject.caseID = nil
        let results = [short, long, short, long, short]
        let store = ResultStore(results, memoryLimit: 0)
        #expect(Array(store).map(Self.fingerprint) == results.map(Self.fingerprint))
        #expect(Array(store).map { $0.result.errorMessage?.count } == results.map { $0.result.errorMessage?.count })
    }

    @Test(arguments: [0, 1, 7, 1000, 5000])
    func orderIsKeptAcrossTheBound(_ limit: Int) {
        let results = (0..<3000).map { Self.result($0) }
        let store = ResultStore(results, memoryLimit: limit)
        #expect(store.isSpilled == (limit < 3000))
        #expect(Array(store).map(\.subject.id) == results.map(\.subject.id))
        #expect(store.count == 3000)
        #expect(!store.isEmpty)
    }

    @Test func countsFollowTheResults() {
        let results = (0..<30).map { Self.result($0, rule: $0 % 3, outcome: $0 % 2 == 0 ? .noncompliant : .pending) }
        let store = ResultStore(results, memoryLimit: 4)
        #expect(store.counts.waived == results.count { $0.waiver != nil })
        #expect(store.counts.baselineNew == results.count { $0.baseline == .new })
        #expect(store.counts.baselineUnchanged == results.count { $0.baseline == .unchanged })
        #expect(store.counts.hasMarks)
        for rule in 0..<3 {
            for waived in [false, true] {
                #expect(store.counts.count(rule: rule, outcome: .pending, waived: waived)
                    == results.count { $0.ruleIndex == rule && $0.result.outcome == .pending && ($0.waiver != nil) == waived })
            }
        }
        #expect(!ResultStore().counts.hasMarks)
    }

    /// Two copies of a spilled store that both append each keep their own results.
    @Test func copiesAreValues() {
        var first = ResultStore((0..<10).map { Self.result($0) }, memoryLimit: 2)
        var second = first
        first.append(Self.result(100))
        second.append(Self.result(200))
        second.append(Self.result(201))
        first.append(Self.result(101))
        #expect(Array(first).map(\.subject.id) == (0..<10).map { "ID-\($0)" } + ["ID-100", "ID-101"])
        #expect(Array(second).map(\.subject.id) == (0..<10).map { "ID-\($0)" } + ["ID-200", "ID-201"])
        let snapshot = first
        first.append(Self.result(102))
        #expect(snapshot.count == 12)
        #expect(Array(snapshot).count == 12)
        #expect(Array(first).count == 13)
    }

    @Test func rewritingKeepsOrderAndBound() {
        let store = ResultStore((0..<20).map { Self.result($0) }, memoryLimit: 5)
        let rewritten = store.rewritten { item in
            var item = item
            item.baseline = .new
            return item
        }
        #expect(rewritten.isSpilled)
        #expect(rewritten.memoryLimit == 5)
        #expect(Array(rewritten).map(\.subject.id) == Array(store).map(\.subject.id))
        #expect(rewritten.counts.baselineNew == 20)
    }

    /// The spill file has no name: nothing in the temporary directory, and (on Linux) the open
    /// file is readable by its owner only.
    @Test func theSpillFileIsNamelessAndPrivate() throws {
        let store = ResultStore((0..<100).map { Self.result($0) }, memoryLimit: 0)
        #expect(store.isSpilled)
        let temporary = FileManager.default.temporaryDirectory.path
        let names = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(!names.contains { $0.hasPrefix("grundpakke-check-results.") })
        #if os(Linux)
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")
        var found = false
        for descriptor in descriptors {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"),
                  target.contains("grundpakke-check-results.") else { continue }
            found = true
            #expect(target.hasSuffix("(deleted)"))
            var attributes = stat()
            #expect(stat("/proc/self/fd/\(descriptor)", &attributes) == 0)
            #expect(attributes.st_mode & 0o777 == 0o600)
        }
        #expect(found)
        #endif
        #expect(store.count == 100)
    }
}

enum GrundpakkeFallback {
    static let date: CivilDate = {
        guard let date = CivilDate(year: 2025, month: 1, day: 1) else { preconditionFailure("date") }
        return date
    }()
}
