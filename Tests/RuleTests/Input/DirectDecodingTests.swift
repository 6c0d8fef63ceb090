import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

/// The direct JSON Lines path must give exactly the record the located path gives (same keys in
/// the same order, same values, same locations), and must leave to the located path every line
/// that needs a diagnostic.
@Suite("Direct decoding of JSON Lines cases")
struct DirectDecodingTests {
    static let limits = DocumentLimits.standard
    static let direct = DirectCaseReader(limits: limits)
    static let located = RecordReader(limits: limits, direct: false)

    /// Keys and values in order: `MapValue`'s own `==` ignores order, which the reports do not.
    static func ordered(_ value: Value) -> String {
        switch value {
        case .map(let map): return "{" + map.entries.map { "\(ordered($0.key)):\(ordered($0.value))" }.joined(separator: ",") + "}"
        case .list(let items): return "[" + items.map(ordered).joined(separator: ",") + "]"
        default: return "\(value)"
        }
    }

    static func locatedResult(_ line: String, lineNumber: Int = 7) -> RecordResult {
        let results = located.records(from: .line(Array(line.utf8)[...], file: "x.jsonl", line: lineNumber))
        #expect(results.count == 1)
        return results[0]
    }

    static func expectSame(_ line: String) {
        let slow = locatedResult(line)
        guard let fast = direct.record(Array(line.utf8)[...], file: "x.jsonl", line: 7) else {
            Issue.record("the direct path gave up on a clean line: \(line)")
            return
        }
        #expect(slow.diagnostics.isEmpty, "a line the direct path takes must be clean: \(slow.diagnostics)")
        guard let expected = slow.record, let actual = fast.record else {
            Issue.record("no record from one of the paths")
            return
        }
        #expect(ordered(.map(actual.fields)) == ordered(.map(expected.fields)))
        #expect(actual.id == expected.id)
        #expect(actual.shelterID == expected.shelterID)
        #expect(actual.kind == expected.kind)
        #expect(actual.location == expected.location)
        #expect(fast.location == slow.location)
        #expect(actual.childLocations == expected.childLocations)
    }

    @Test("every generated case decodes directly to the located path's record")
    func generatedCases() {
        let generator = SampleGenerator(.init(seed: 11, shelters: 3, cases: 400, asOf: CivilDate(year: 2025, month: 6, day: 30)!))
        let lines = generator.casesJSONLines().split(separator: "\n").map(String.init)
        #expect(lines.count == 400)
        for line in lines { Self.expectSame(line) }
    }

    @Test("clean lines of other shapes decode the same way", arguments: [
        #"{"case_id":"A-1","shelter_id":"kc-x"}"#,
        #"  {"shelter_id":"kc-x", "case_id":"A-1", "kind":"case"}  "#,
        #"{"case_id":"A-1","shelter_id":"kc-x","departure":null,"children":[]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":-3,"sex":"female","anonymous":false},"home_municipality":"Århus"}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[ {"child_id":"c1","age":0}, {"age":17,"child_id":"c2","notification":{"date":null}}]}"#,
        "{\"case_id\":\"æø-1\",\"shelter_id\":\"kc-x\",\"children\":[{\"child_id\":\"c1\"}],\"admission\":{\"date\":\"2024-02-29\"}}\r",
        #"{"case_id":"A-1","shelter_id":"kc-x","charges":[{"kind":"food","amount_dkk":0},{"kind":"other","amount_dkk":120000}]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","departure":{"date":"2025-01-01","destination":"unknown"}}"#,
        // Children's columns counted on from one child to the next: text outside ASCII before
        // the list, inside earlier children, or only after the first child.
        #"{"case_id":"A-1","shelter_id":"kc-x","home_municipality":"Århus","children":[{"child_id":"ø1","age":3}, {"child_id":"c2"},{"child_id":"å3"}]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[{"child_id":"c1"},{"child_id":"æ2"},  {"child_id":"c3"}]}"#,
        // Separators are read at once when written `": "` and `", "`; any other whitespace
        // around them (more spaces, tabs, carriage returns, none) must be read the same.
        #"{"case_id": "A-1", "shelter_id": "kc-x", "children": [{"child_id": "c1"}, {"child_id": "c2"}]}"#,
        "{\"case_id\" :  \"A-1\" ,  \"shelter_id\":\t\"kc-x\",\t\"children\": [ {\"child_id\" : \"c1\"} ,\r{\"child_id\":\"c2\"}  ] }",
        #"{"case_id":  "A-1",  "shelter_id": "kc-x", "woman": { "age": 34 , "sex": "female" }, "charges": [ ]}"#,
        #"{"case_id": "A-1", "shelter_id": "kc-x", "departure": null, "interpreter": {"used": true}}"#,
        // An allowed value or a date at the very end of a line, with too few bytes after it to
        // be compared a word at a time.
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"female"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01-02"}}"#,
    ])
    func otherShapes(_ line: String) {
        Self.expectSame(line)
    }

    @Test("lines that need a diagnostic or another reader are left to the located path", arguments: [
        #"{"case_id":"A-1"}"#,                                                    // shelter_id missing
        #"{"case_id":"A-1","shelter_id":"kc-x","typo":1}"#,                       // unknown key: a warning
        #"{"case_id":"A-1","shelter_id":"kc-x","case_id":"A-2"}"#,                // duplicate key
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":"34"}}"#,           // text for a number
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":3.0}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":1e2}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":012}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":-0}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":99999999999999999999}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"Female"}}"#,       // not in the enum
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-02-30"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"0000-01-01"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-2-03"}}"#,
        #"{"case_id":"A-\u0031","shelter_id":"kc-x"}"#,                            // escape
        #"{"case_id":"010190-1234","shelter_id":"kc-x"}"#,                        // CPR-shaped id
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[{"child_id":"0101901234"}]}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[{"age":3}]}"#,         // child_id missing
        #"{"case_id":"A-1","shelter_id":"kc-x","children":[null]}"#,
        #"{"case_id":"A-1","shelter_id":null}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"anonymous":"yes"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x"} x"#,
        #"{"case_id":"A-1","shelter_id":"kc-x""#,
        #"{"case_id":"A-1","shelter_id":"kc-x",}"#,
        #"{"kind":"shelter","shelter_id":"kc-x"}"#,
        #"[{"case_id":"A-1","shelter_id":"kc-x"}]"#,
        #"{"case_id":2025017,"shelter_id":"kc-x"}"#,
        "{\"case_id\":\"A-1\",\"shelter_id\":\"kc-\u{01}x\"}",
        // Keys read in schema order are matched straight against the bytes: a longer key, a
        // shorter one, an escaped one or an unclosed one must still be told apart.
        #"{"kind":"case","case_idx":"A-1","shelter_id":"kc-x"}"#,
        #"{"kind":"case","case_i":"A-1","shelter_id":"kc-x"}"#,
        #"{"kind":"case","case_i\u0064":"A-1","shelter_id":"kc-x"}"#,
        #"{"kind":"case","case_id"#,
        #"{"kind":"case","case_id":"A-1","shelter_id":"kc-x","case_id":"A-1"}"#,
        // Allowed values and dates are matched straight against the bytes: a value one byte
        // short or long, an escape that spells an allowed value, or a date of another length
        // must still be told apart.
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"femal"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"femalee"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"fem\u0061le"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"female}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"sex":"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01-0"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01-011"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01-0\u0031"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025/01/02"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01"02"}}"#,
        #"{"case_id":"A-1","shelter_id":"kc-x","admission":{"date":"2025-01-02"#,
        // Separators missing, doubled or misplaced, with the spaces exports write around them.
        #"{"case_id": "A-1", , "shelter_id": "kc-x"}"#,
        #"{"case_id": "A-1" "shelter_id": "kc-x"}"#,
        #"{"case_id" "A-1", "shelter_id": "kc-x"}"#,
        #"{"case_id": : "A-1", "shelter_id": "kc-x"}"#,
        #"{"case_id": "A-1", "shelter_id": "kc-x", }"#,
        #"{"case_id": "A-1", "shelter_id": "kc-x", "children": [{"child_id": "c1"}, ]}"#,
        #"{"case_id": "A-1", "shelter_id": "kc-x", "children": [, {"child_id": "c1"}]}"#,
        #"{"case_id": "A-1", "shelter_id": "kc-x", "#,
        #"{"case_id": "#,
    ])
    func leftToTheLocatedPath(_ line: String) {
        #expect(Self.direct.record(Array(line.utf8)[...], file: "x.jsonl", line: 7) == nil)
    }

    /// Values are counted as they are read and the count checked once the record is read: under
    /// any limit, a record the direct path takes must be one the located path takes without a
    /// word, and a record past the limits must be left to the located path, which reports it.
    @Test("under any value or text limit the direct path takes only what the located path takes cleanly")
    func limitsLeaveItToTheLocatedPath() {
        let lines = [
            #"{"case_id":"A-1","shelter_id":"kc-x","woman":{"age":34,"sex":"female"},"children":[{"child_id":"c1"}]}"#,
            #"{"case_id":"A-1","shelter_id":"kc-x","acting_municipality":"x","admission":{"date":"2025-01-02"}}"#,
        ]
        for line in lines {
            let bytes = Array(line.utf8)[...]
            for limits in (1...40).map({ DocumentLimits(maxNodesPerDocument: $0) }) + (1...25).map({ DocumentLimits(maxScalarBytes: $0) }) {
                guard DirectCaseReader(limits: limits).record(bytes, file: "x.jsonl", line: 1) != nil else { continue }
                let slow = RecordReader(limits: limits, direct: false).records(from: .line(bytes, file: "x.jsonl", line: 1))
                #expect(slow.count == 1 && slow[0].diagnostics.isEmpty && slow[0].record != nil,
                        "taken directly under \(limits), but the located path says \(slow.flatMap(\.diagnostics).map(\.code))")
            }
            #expect(DirectCaseReader(limits: DocumentLimits(maxNodesPerDocument: 40)).record(bytes, file: "x.jsonl", line: 1) != nil)
            #expect(DirectCaseReader(limits: DocumentLimits(maxNodesPerDocument: 3)).record(bytes, file: "x.jsonl", line: 1) == nil)
            #expect(DirectCaseReader(limits: DocumentLimits(maxScalarBytes: 25)).record(bytes, file: "x.jsonl", line: 1) != nil)
            // Every line holds a key or text of more than 5 bytes ("shelter_id").
            #expect(DirectCaseReader(limits: DocumentLimits(maxScalarBytes: 5)).record(bytes, file: "x.jsonl", line: 1) == nil)
        }
    }

    @Test("strings are scanned right whatever their length and wherever a special byte sits",
          arguments: Array(0...19))
    func stringScanning(_ length: Int) {
        let prefix = String(repeating: "a", count: length)
        for tail in ["", "bcdefghij", "é", "\u{1F}", "\\n", "\\\"", "\u{7F}"] {
            let id = prefix + tail
            var escaped = ""
            JSONValue.quote(id, into: &escaped)
            let line = #"{"case_id":"# + escaped + #","shelter_id":"kc-x"}"#
            let located = Self.locatedResult(line)
            let fast = Self.direct.record(Array(line.utf8)[...], file: "x.jsonl", line: 7)
            if escaped.contains("\\") || !located.diagnostics.isEmpty {
                #expect(fast == nil, "\(line)")
            } else {
                #expect(fast?.record?.id == id, "\(line)")
                #expect(located.record?.id == id)
            }
        }
    }

    @Test("invalid UTF-8 inside a string is left to the located path")
    func invalidUTF8() {
        var bytes = Array(#"{"case_id":"A-1","shelter_id":"kc-"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        #expect(Self.direct.record(bytes[...], file: "x.jsonl", line: 1) == nil)
    }

    @Test("columns count code points, as the located path does")
    func columns() {
        let bytes = Array("ææ {".utf8)[...]
        #expect(DirectJSONDecoder.column(of: 5, in: bytes) == 4)
    }

    @Test("code points are counted eight bytes a step exactly as one by one, in any slice")
    func codePointCounting() {
        let text = "{\"navn\":\"Åse Ødegård\",\"by\":\"Tønder 🏠\",\"x\":\"ææææææææææææ\",\"y\":\"€€€ plain ascii text\"}"
        let whole = Array("prefix ".utf8) + Array(text.utf8)
        let line = whole[7...]
        let offsets = Array(0...line.count)
        for from in offsets {
            for to in offsets where to >= from && (to - from) % 3 == 0 || to == line.count {
                guard to >= from else { continue }
                let expected = line[(line.startIndex + from)..<(line.startIndex + to)].filter { $0 & 0xC0 != 0x80 }.count
                #expect(DirectJSONDecoder.codePointStarts(in: line, from: from, to: to) == expected, "\(from)..<\(to)")
            }
        }
    }

    @Test("the columns of a case's children are those of the located path")
    func childColumns() throws {
        let line = #"{"case_id":"Å-1","shelter_id":"kc-x","children":[{"child_id":"c1"},{"child_id":"ø2"},{"child_id":"c3"}]}"#
        let record = try #require(Self.direct.record(Array(line.utf8)[...], file: "x.jsonl", line: 7)?.record)
        // Columns count characters: the "Å" before the list and the "ø" inside the second
        // child are one column each.
        #expect(record.childLocations.map(\.column) == [50, 68, 86])
    }
}
