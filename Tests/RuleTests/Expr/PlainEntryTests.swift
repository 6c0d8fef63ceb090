import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

/// The direct decoder puts short schema keys into records as plain bits (`PlainValue`) and marks
/// entries of a short key and a date, number, flag or null as holding nothing to free. Neither
/// may change what a record reads, and a marked entry changed later must be freed again.
@Suite("Plain keys and entries")
struct PlainEntryTests {
    @Test("a text is plain exactly when it is short enough to hold no storage", arguments: [
        ("", true), ("date", true), ("case_id", true), ("æøå-ÆØÅ", true), ("fifteen bytes!!", true),
        ("sixteen bytes!!!", false), ("without_means_on_arrival", false),
    ])
    func plainTexts(_ text: String, _ plain: Bool) throws {
        let made = PlainValue.string(text)
        #expect((made != nil) == plain)
        if let made {
            #expect(made.value == .string(text))
            #expect(KeyFingerprint.of(made.value) == KeyFingerprint.of(.string(text)))
        }
    }

    @Test("only values without a payload in storage are plain cases")
    func plainCases() throws {
        let date = try #require(CivilDate(year: 2025, month: 3, day: 7))
        let plain: [Value] = [.null, .bool(true), .int(-4), .uint(4), .double(1.5), .date(date)]
        let held: [Value] = [.string("x"), .bytes([1]), .list([]), .map(MapValue()), .type(TypeName("int"))]
        #expect(plain.allSatisfy { $0.isPlainCase })
        #expect(!held.contains { $0.isPlainCase })
    }

    /// An enumeration's entries are marked plain only when every allowed word is plain, and
    /// each word decodes to the same text either way.
    @Test("an enumeration is plain when all its words are short")
    func plainEnumerations() {
        let short = EnumerationPlan(["police", "self", "municipality"])
        let long = EnumerationPlan(["police", "a word of more than fifteen bytes"])
        #expect(short.plainValues)
        #expect(!long.plainValues)
        #expect(short.values == [.string("police"), .string("self"), .string("municipality")])
        #expect(long.values == [.string("police"), .string("a word of more than fifteen bytes")])
    }

    /// A decoded case reads the same through its plain keys, and a field read compiled from
    /// the schema's key finds them.
    @Test("a decoded case reads as the located path builds it")
    func decodedCaseReadsAsBefore() throws {
        let record = try MapStorageTests.decoded()
        #expect(DirectDecodingTests.ordered(.map(record)) == DirectDecodingTests.ordered(.map(try MapStorageTests.located())))
        let admission = try MapStorageTests.map(record[MapKey("admission", in: CaseSchema.object)])
        #expect(admission[MapKey("date")] != nil)
        let located = try MapStorageTests.located()
        #expect(record[MapKey("case_id", in: CaseSchema.object)] == located["case_id"])
    }

    /// A marked entry whose value is replaced in place by one that holds storage: the mark is
    /// dropped first, so freeing the map frees that storage.
    @Test("a plain entry changed in place is freed with its map")
    func changedPlainEntryIsFreed() throws {
        let date = try #require(CivilDate(year: 2025, month: 3, day: 7))
        let key = try #require(PlainValue.string("date"))
        // Made in a closure so that the map is the block's only holder and changes it in place.
        var map: MapValue = {
            let block = MapStorage.make(capacity: 2)
            block.claimSlot(plain: true).initialize(to: MapValue.Entry(key: key.value, value: .date(date), fingerprint: KeyFingerprint.of(key.value)))
            return MapValue(sharing: block, from: 0, count: 1)
        }()
        weak var held: MapStorage?
        do {
            let inner = MapStorage.make(capacity: 1)
            inner.append(.string("x"), .int(1), fingerprint: KeyFingerprint.of(.string("x")))
            held = inner
            map[.string("date")] = .map(MapValue(sharing: inner, from: 0, count: 1))
        }
        #expect(held != nil)
        do {
            let replaced = try MapStorageTests.map(map[.string("date")])
            #expect(replaced[.string("x")] == .int(1))
        }
        map = MapValue()
        #expect(held == nil)
    }
}
