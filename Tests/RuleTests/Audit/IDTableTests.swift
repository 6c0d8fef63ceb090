import Testing
@testable import GrundpakkeRules

/// `IDTable` must find exactly what a dictionary would, keep the order entries were added in,
/// and go on finding them as it grows.
@Suite struct IDTableTests {
    /// Ids of many shapes: empty, short, long, outside ASCII, and alike but for one byte.
    static let ids: [String] = [""] + (0..<1500).map { number in
        switch number % 5 {
        case 0: return "kc-\(number)"
        case 1: return "gen-kc-\(number)-with-a-name-longer-than-a-small-string"
        case 2: return "krisecenter-ø-\(number)"
        case 3: return String(repeating: "x", count: number % 40)
        default: return "kc-\(number / 5)\u{301}"
        }
    }

    @Test("finds what a dictionary finds, in the order added, through its growth")
    func matchesADictionary() throws {
        var table = IDTable<Int>()
        var model: [String: Int] = [:]
        var order: [String] = []
        for (number, id) in Self.ids.enumerated() {
            if let entry = table.index(of: id) {
                #expect(model[id] != nil, "\(id) found before it was added")
                table[entry: entry] += number
                model[id, default: 0] += number
            } else {
                #expect(model[id] == nil, "\(id) was added but not found")
                table.append(id, number)
                model[id] = number
                order.append(id)
            }
        }
        #expect(table.count == model.count)
        #expect(table.ids == order)
        #expect(table.dictionary == model)
        for id in order {
            // An equal id made apart from the one added, with storage of its own.
            let apart = String(decoding: Array(id.utf8), as: UTF8.self)
            let entry = try #require(table.index(of: apart))
            #expect(table[entry: entry] == model[id])
        }
        for absent in ["kc-x", "KC-10", "kc-10 ", "krisecenter-o-2"] {
            #expect(table.index(of: absent) == nil)
        }
    }

    /// Ids equal as text but not as bytes (an accent composed or decomposed; the Kelvin sign
    /// and `K`) are one id, as they were as a dictionary's keys, whichever comes first.
    @Test("ids equal as text are one id, whichever is added first", arguments: [
        ("kc-é", "kc-e\u{301}"), ("kc-e\u{301}", "kc-é"), ("kc-K", "kc-\u{212A}"), ("kc-\u{212A}", "kc-K"),
    ])
    func equalAsText(_ added: String, _ asked: String) throws {
        #expect(added == asked)
        var table = IDTable<Int>()
        table.append("kc-a", 1)
        table.append(added, 2)
        table.append("kc-b", 3)
        let entry = try #require(table.index(of: asked))
        #expect(table[entry: entry] == 2)
        #expect(table.index(of: "kc-a") == 0 && table.index(of: "kc-b") == 2)
        #expect(table.dictionary == ["kc-a": 1, added: 2, "kc-b": 3])
    }

    /// Before any id outside ASCII is added, one asked for is still compared as text.
    @Test func asciiIdsFoundByEqualText() throws {
        var table = IDTable<Int>()
        table.append("kc-K", 7)
        #expect(table.index(of: "kc-\u{212A}") == 0)
        #expect(table.index(of: "kc-ø") == nil)
    }
}
