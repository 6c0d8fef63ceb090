import Testing
@testable import RuleDSL

/// The direct decoder matches keys against a plan's names as masked words when 16 (or, for a
/// longer name, 32) bytes can be loaded and with `memcmp` otherwise; both ways must find exactly
/// the same keys.
@Suite("Matching names as bytes")
struct ByteNamesTests {
    /// Names around the word sizes (8, 16 and 32 bytes with the closing quote), names that are
    /// prefixes of one another, names alike in their first 16 bytes, and names past the words'
    /// reach.
    static let names = [
        "date", "dates", "id", "case_id", "abcdefg", "abcdefgh", "abcdefghijklmno", "abcdefghijklmnop",
        "abcdefghijklmnopq", "safety_assessment_date", "without_means_on_arrival", "without_means_on_arrivals",
        "abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz012345", "perpetrator_program_advice_given", "",
    ]

    /// `text` as a key (`"text"`) followed by `padding` bytes, the way a record holds it.
    private func keyEnd(of name: Int, in names: ByteNames, text: String, padding: Int) -> Int? {
        let bytes = Array(("\"" + text + "\"").utf8) + Array(repeating: UInt8(ascii: " "), count: padding)
        return bytes.withUnsafeBufferPointer { names.keyEnd(name, in: $0, at: 1) }
    }

    @Test("a key matches its own name only, whether or not 16 or 32 bytes follow it", arguments: [0, 3, 20, 40])
    func keys(padding: Int) {
        let names = ByteNames.make(Self.names)
        defer { names.deallocate() }
        for (index, name) in Self.names.enumerated() {
            for (otherIndex, other) in Self.names.enumerated() {
                let end = keyEnd(of: index, in: names, text: other, padding: padding)
                if index == otherIndex {
                    #expect(end == other.utf8.count + 2, "'\(name)' against its own key, \(padding) bytes after")
                } else {
                    #expect(end == nil, "'\(name)' against '\(other)', \(padding) bytes after")
                }
            }
        }
    }

    @Test("a key that only differs in its first or last byte, or goes on past the name, does not match")
    func nearMisses() {
        let names = ByteNames.make(Self.names)
        defer { names.deallocate() }
        for (index, name) in Self.names.enumerated() where !name.isEmpty {
            var changed = Array(name.utf8)
            changed[changed.count - 1] ^= 0x01
            let text = String(decoding: changed, as: UTF8.self)
            var changedFirst = Array(name.utf8)
            changedFirst[0] ^= 0x01
            let textFirst = String(decoding: changedFirst, as: UTF8.self)
            for padding in [0, 20, 40] {
                #expect(keyEnd(of: index, in: names, text: text, padding: padding) == nil)
                #expect(keyEnd(of: index, in: names, text: textFirst, padding: padding) == nil)
                #expect(keyEnd(of: index, in: names, text: name + "x", padding: padding) == nil)
            }
        }
    }

    @Test("a string read from the input finds the name it equals, with or without room to load words", arguments: [0, 20, 40])
    func lookUp(padding: Int) {
        let names = ByteNames.make(Self.names)
        defer { names.deallocate() }
        for (index, name) in Self.names.enumerated() {
            let bytes = Array(name.utf8) + Array(repeating: UInt8(ascii: "x"), count: padding)
            let found = bytes.withUnsafeBufferPointer { buffer in
                names.index(of: buffer[0..<name.utf8.count], likely: 0)
            }
            #expect(found == index, "'\(name)' with \(padding) bytes after")
        }
    }
}
