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

    /// Keys of up to six ASCII bytes are told apart by their fingerprints alone; longer keys
    /// that share their length and first six bytes must still be compared in full.
    @Test(arguments: [0, 1, 5])
    func shortKeysByFingerprintAndLongOnesInFull(_ hint: Int) {
        var map = MapValue()
        for key in ["a", "date", "age", "sixsix", "common_x", "common_y", "commonZ"] {
            map.append(.string(key), .string(key.uppercased()))
        }
        for key in ["a", "date", "age", "sixsix", "common_x", "common_y", "commonZ", "b", "dat", "sixsiy", "common_z", "commonz"] {
            let found = map.position(forKey: .string(key), fingerprint: KeyFingerprint.of(.string(key)), hint: hint)
            #expect(found.map { map.withValue(at: $0) { $0 } } == map[.string(key)], "\(key)")
        }
        #expect(KeyFingerprint.isWhole(KeyFingerprint.of(.string("sixsix"))))
        #expect(!KeyFingerprint.isWhole(KeyFingerprint.of(.string("common_x"))))
        #expect(!KeyFingerprint.isWhole(KeyFingerprint.of(.string("år"))))
    }
}
