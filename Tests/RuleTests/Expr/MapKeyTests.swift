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

    /// The lookup inlined into field reads, with the key's bits (`KeyIdentity`), finds exactly
    /// what the full search finds: for the very key the map holds (same bits), for an equal key
    /// made apart (a long one has storage of its own, so only the full comparison can tell),
    /// for absent keys, non-ASCII ones, and hints anywhere or out of range, in small maps and
    /// in one large enough to be indexed.
    @Test(arguments: [-3, 0, 2, 7, 40])
    func theKeysBitsFindWhatTheFullSearchFinds(_ hint: Int) {
        let names = ["a", "date", "first_contact_date", "safety_assessment_date", "common_x", "common_y", "år_dato"]
        let held = names.map { Value.string($0) }
        for size in [1, 4, names.count, 30] {
            var map = MapValue()
            for position in 0..<size {
                map.append(position < held.count ? held[position] : .string("extra_field_\(position)"), .int(Int64(position)))
            }
            // Equal to the held keys but made apart: long ones then have storage of their own.
            let apart = names.map { Value.string(String(decoding: Array($0.utf8), as: UTF8.self)) }
            let absent: [Value] = [.string("absent"), .string("first_contact_datf"), .string("date_"), .string("")]
            for key in held + apart + absent {
                let fingerprint = KeyFingerprint.of(key)
                let quick = map.position(forKey: key, identity: KeyIdentity(key), fingerprint: fingerprint, hint: hint)
                #expect(quick == map.position(forKey: key, fingerprint: fingerprint, hint: max(0, hint)), "\(key) in \(size)")
            }
        }
    }

    /// Bits match only the same string: a key's bits never match another key's entry, and a
    /// key that is not a string never matches at all.
    @Test func bitsMatchOnlyTheSameKey() {
        let entries = [MapValue.Entry(key: .string("safety_assessment_date"), value: .null, fingerprint: 1),
                       MapValue.Entry(key: .string("date"), value: .null, fingerprint: 2),
                       MapValue.Entry(key: .int(4), value: .null, fingerprint: 0)]
        entries.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (index, entry) in entries.enumerated() {
                for other in entries.indices {
                    let matched = KeyIdentity(entry.key).matches(UnsafeRawPointer(base + other))
                    #expect(matched == (index == other && index < 2), "\(entry.key) against \(entries[other].key)")
                }
            }
        }
    }
}
