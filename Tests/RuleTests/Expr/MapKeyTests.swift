import Testing
@testable import RuleDSL

/// A key with its fingerprint worked out once finds what the plain key finds, in small maps,
/// in maps large enough to be indexed, and for keys outside ASCII (compared in full).
@Suite struct MapKeyTests {
    @Test(arguments: [3, 30])
    func findsWhatThePlainKeyFinds(_ size: Int) {
        var map = MapValue()
        for position in 0..<size { map.append(.string("field_\(position)"), .int(Int64(position))) }
        map.append(.string("år"), .string("non-ASCII"))
        map.append(.int(7), .bool(true))
        let keys: [Value] = (0..<(size + 2)).map { .string("field_\($0)") } + [.string("år"), .int(7), .string("absent")]
        for key in keys {
            #expect(map[MapKey(key)] == map[key], "\(key)")
        }
        #expect(map[MapKey("field_1")] == .int(1))
        #expect(map[MapKey("absent")] == nil)
    }
}
