import Testing
@testable import RuleDSL

/// The decoder's own UTF-8 check must decide exactly as `String(validating:as:)` does.
@Suite struct UTF8ValidationTests {
    static func decidesAsTheStandardLibrary(_ bytes: [UInt8]) -> Bool {
        // Checked in the middle of a larger buffer, as the decoder checks a string in a line.
        let padded = [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]
        return padded.withUnsafeBufferPointer { buffer in
            let text = buffer[1..<(1 + bytes.count)]
            return UTF8Validation.isValid(text) == (String(validating: text, as: UTF8.self) != nil)
        }
    }

    @Test("every sequence of one and two bytes, and of three with a lead byte of each kind")
    func shortSequences() {
        for first in 0...255 {
            #expect(Self.decidesAsTheStandardLibrary([UInt8(first)]))
            for second in 0...255 {
                guard Self.decidesAsTheStandardLibrary([UInt8(first), UInt8(second)]) else {
                    Issue.record("\(first) \(second)")
                    continue
                }
            }
        }
        for first in [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5] {
            for second in 0x70...0xC5 {
                for third in [0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0] {
                    for fourth in [nil, 0x41, 0x80, 0xBF, 0xC0] as [Int?] {
                        let bytes = [first, second, third].map(UInt8.init) + (fourth.map { [UInt8($0)] } ?? [])
                        if !Self.decidesAsTheStandardLibrary(bytes) { Issue.record("\(bytes)") }
                    }
                }
            }
        }
    }

    @Test("texts as records hold them, and broken ones", arguments: [
        "Århus", "Næstved", "Køge", "Høje-Taastrup", "€ 5", "emoji 👩‍👧", "日本", "",
    ])
    func texts(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.decidesAsTheStandardLibrary(bytes))
        // Cut anywhere, a character's bytes may be left incomplete.
        for cut in 0..<bytes.count { #expect(Self.decidesAsTheStandardLibrary(Array(bytes[..<cut]))) }
        // A continuation byte where a character should start.
        #expect(Self.decidesAsTheStandardLibrary([0x80] + bytes))
    }
}
