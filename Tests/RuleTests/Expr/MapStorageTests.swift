import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

/// The direct decoder builds a record's small objects into one shared block (`MapStorage`).
/// Each such map must still behave as a value of its own: read as before, and changed without
/// any other map of the block seeing it.
@Suite("Maps sharing one block")
struct MapStorageTests {
    /// A generated case with charges and children, so that it has every kind of small object.
    static let line: String = {
        let lines = SampleGenerator(.init(seed: 5, shelters: 2, cases: 60, asOf: CivilDate(year: 2025, month: 6, day: 30)!))
            .casesJSONLines().split(separator: "\n").map(String.init)
        return lines.first { $0.contains(#""charges": [{"#) && $0.contains(#""children": [{"#) } ?? ""
    }()

    static func decoded() throws -> MapValue {
        let decoder = DirectJSONDecoder(schema: CaseSchema.object, trackingItemsOf: "children")
        return try #require(decoder.decode(Array(line.utf8)[...])).fields
    }

    /// The same case read by the located path, which builds every object in a block of its own.
    static func located() throws -> MapValue {
        try #require(DirectDecodingTests.locatedResult(line).record).fields
    }

    static func map(_ value: Value?) throws -> MapValue {
        guard case .map(let map) = try #require(value) else {
            Issue.record("expected a map, found \(String(describing: value))")
            return MapValue()
        }
        return map
    }

    @Test("a record's small objects share blocks, the objects holding objects have their own")
    func smallObjectsShareBlocks() throws {
        let record = try Self.decoded()
        let woman = try Self.map(record["woman"])
        let contact = try Self.map(record["contact"])
        let payment = try Self.map(Self.map(record["notices"])["payment_contact"])
        guard case .list(let charges) = try #require(record["charges"]), case .list(let children) = try #require(record["children"]) else {
            Issue.record("charges and children are lists")
            return
        }
        let firstCharge = try Self.map(charges[0])
        let offers = try Self.map(Self.map(children[0])["offers"])
        let small = [woman, contact, payment, offers] + (try charges.map(Self.map))
        let shared = Set(small.compactMap(\.blockIdentity))
        // Objects next to each other in the line lie next to each other in a block; the
        // record's small objects take more entries than one small block holds, so two.
        #expect(contact.blockIdentity == woman.blockIdentity)
        #expect(shared.count == 2)
        #expect(!shared.contains(try #require(record.blockIdentity)))
        #expect(!shared.contains(try #require(Self.map(record["notices"]).blockIdentity)))
        #expect(!shared.contains(try #require(Self.map(children[0]).blockIdentity)))
        // Each reads exactly its own entries, in order, as the located path builds them.
        let expected = try Self.located()
        #expect(DirectDecodingTests.ordered(.map(record)) == DirectDecodingTests.ordered(.map(expected)))
        #expect(DirectDecodingTests.ordered(.map(woman)) == DirectDecodingTests.ordered(try #require(expected["woman"])))
        #expect(firstCharge == (try Self.map(charges[0])))
        #expect(woman != contact)
    }

    #if os(Linux)
    @Test("a shared block is no larger than the allocator serves from its per-thread cache")
    func sharedBlocksStaySmall() {
        // glibc gives a request of up to 1,008 bytes a chunk of at most 1,024 (1,016 usable);
        // a larger request takes the allocator's slow path.
        let largest = MapStorage.make(capacity: MapStorage.entriesPerSmallBlock)
        let oneMore = MapStorage.make(capacity: MapStorage.entriesPerSmallBlock + 1)
        #expect(usableSize(Unmanaged.passUnretained(largest).toOpaque()) <= 1_016)
        #expect(usableSize(Unmanaged.passUnretained(oneMore).toOpaque()) > 1_016)
    }
    #endif

    @Test("changing one map of a shared block leaves the others, and the record, as they were")
    func changesStayInTheirMap() throws {
        let record = try Self.decoded()
        let before = DirectDecodingTests.ordered(.map(record))
        var contact = try Self.map(record["contact"])
        let keys = contact.keys
        try #require(keys.count >= 2)
        contact[keys[0]] = .string("changed")
        contact["extra"] = .int(1)
        contact[keys[1]] = nil
        #expect(contact.keys == [keys[0]] + keys.dropFirst(2) + [.string("extra")])
        #expect(contact[keys[0]] == .string("changed"))
        #expect(DirectDecodingTests.ordered(.map(record)) == before)
        #expect(try Self.map(record["contact"]).count == keys.count)
        #expect(contact.blockIdentity != (try Self.map(record["woman"])).blockIdentity)
    }

    @Test("a map held alone grows in its own block; a copy keeps what it had")
    func valueSemantics() {
        var map = MapValue(minimumCapacity: 8)
        map["a"] = .int(1)
        let block = map.blockIdentity
        map["b"] = .int(2)
        #expect(map.blockIdentity == block)
        let copy = map
        map["c"] = .int(3)
        map["a"] = nil
        #expect(copy.entries.map(\.key) == [.string("a"), .string("b")])
        #expect(map.entries.map(\.key) == [.string("b"), .string("c")])
        #expect(copy != map)
        #expect(MapValue().blockIdentity == nil)
    }

    @Test("a large map is found by key in a shared block and once copied out of it, indexed", arguments: [3, 30])
    func largeMaps(_ size: Int) {
        let block = MapStorage.make(capacity: size + 2)
        let before = Value.string("before")
        block.append(before, .null, fingerprint: KeyFingerprint.of(before))
        for position in 0..<size {
            let key = Value.string("field_\(position)")
            block.append(key, .int(Int64(position)), fingerprint: KeyFingerprint.of(key))
        }
        var map = MapValue(sharing: block, from: 1, count: size)
        #expect(map.count == size)
        #expect(map["before"] == nil)
        for position in 0..<size {
            #expect(map["field_\(position)"] == .int(Int64(position)))
            #expect(map[MapKey("field_\(position)")] == .int(Int64(position)))
        }
        map["late"] = .bool(true)
        map["field_1"] = nil
        #expect(map.count == size)
        #expect(map.blockIdentity != ObjectIdentifier(block))
        #expect(map["field_1"] == nil)
        #expect(map["late"] == .bool(true))
        for position in 2..<size { #expect(map[MapKey("field_\(position)")] == .int(Int64(position))) }
        #expect(MapValue(sharing: block, from: 1, count: size)["field_1"] == .int(1))
    }
}

#if os(Linux)
/// glibc's `malloc_usable_size` (declared in `malloc.h`, which the Glibc module leaves out).
@_silgen_name("malloc_usable_size")
private func usableSize(_ pointer: UnsafeMutableRawPointer?) -> Int
#endif
