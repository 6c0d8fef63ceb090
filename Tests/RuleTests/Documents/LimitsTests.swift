import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

/// Every limit is a located error, never a crash, a hang or unbounded memory.
@Suite("Document limits")
struct LimitsTests {
    static let deep = 20_000

    @Test("a 20,000-deep YAML flow list is rejected at the first level past the limit")
    func deepYAML() throws {
        let text = String(repeating: "[", count: Self.deep) + String(repeating: "]", count: Self.deep)
        let loaded = docLoadYAML(text)
        #expect(loaded.documents.isEmpty)
        try #require(loaded.diagnostics.count == 1)
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.code == "input.limit.depth")
        #expect(diagnostic.isError)
        #expect(docLineColumn(diagnostic.location) == [1, DocumentLimits.standard.maxDepth + 1])
    }

    @Test("a deeply nested YAML block structure is rejected at the first level past the limit")
    func deepYAMLBlock() throws {
        var text = ""
        for level in 0..<2_000 {
            text += String(repeating: " ", count: level) + "k:\n"
        }
        let loaded = docLoadYAML(text)
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.code) == ["input.limit.depth"])
        #expect(docLineColumn(loaded.diagnostics.first?.location) == [DocumentLimits.standard.maxDepth + 1, DocumentLimits.standard.maxDepth + 1])
    }

    @Test("a 20,000-deep JSON array is rejected at the first level past the limit")
    func deepJSON() throws {
        let text = String(repeating: "[", count: Self.deep) + String(repeating: "]", count: Self.deep)
        let diagnostic = try docJSONError(text)
        #expect(diagnostic.code == "input.limit.depth")
        #expect(docLineColumn(diagnostic.location) == [1, DocumentLimits.standard.maxDepth + 1])
    }

    @Test("a 20,000-deep JSON object is rejected")
    func deepJSONObject() throws {
        let text = String(repeating: "{\"a\":", count: Self.deep) + "1" + String(repeating: "}", count: Self.deep)
        let diagnostic = try docJSONError(text)
        #expect(diagnostic.code == "input.limit.depth")
        #expect(diagnostic.location?.line == 1)
    }

    @Test("nesting exactly at the limit is accepted, one more is not", arguments: [3, 4])
    func depthBoundary(_ levels: Int) throws {
        let limits = DocumentLimits(maxDepth: 3)
        let text = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        let yaml = docLoadYAML(text, limits: limits)
        let json = JSONReader(limits: limits).read(text, file: "t.json")
        if levels <= 3 {
            #expect(yaml.diagnostics.isEmpty)
            #expect(yaml.documents.count == 1)
            #expect(throws: Never.self) { try json.get() }
        } else {
            #expect(yaml.diagnostics.map(\.code) == ["input.limit.depth"])
            #expect(docLineColumn(yaml.diagnostics.first?.location) == [1, 4])
            #expect(throws: Diagnostic.self) { try json.get() }
            if case .failure(let diagnostic) = json {
                #expect(diagnostic.code == "input.limit.depth")
                #expect(docLineColumn(diagnostic.location) == [1, 4])
            }
        }
    }

    static let billionLaughs = """
        a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
        """

    @Test("a billion-laughs alias bomb stops at the node limit, counting every expansion")
    func billionLaughs() throws {
        let loaded = docLoadYAML(Self.billionLaughs)
        #expect(loaded.documents.isEmpty)
        try #require(loaded.diagnostics.count == 1)
        let diagnostic = loaded.diagnostics[0]
        #expect(diagnostic.code == "input.limit.nodes")
        // The root, five keys and a..e hold 123,461 nodes; f's key and list make 123,463, and each *e
        // adds 111,111: the eighth one passes 1,000,000.
        #expect(docLineColumn(diagnostic.location) == [6, 36])
    }

    @Test("the node limit counts alias expansions exactly", arguments: [(24, true), (23, false)])
    func nodeBoundary(_ limit: Int, _ accepted: Bool) {
        let text = """
            a: &a [x, y, z]
            b: [*a, *a, *a, *a]
            """
        // 1 root + 2 keys + (1 + 3) for a + 1 for b's list + 4 × 4 for the expanded aliases = 24.
        let loaded = docLoadYAML(text, limits: DocumentLimits(maxNodesPerDocument: limit))
        #expect(loaded.diagnostics.map(\.code) == (accepted ? [] : ["input.limit.nodes"]))
        #expect(loaded.documents.count == (accepted ? 1 : 0))
    }

    @Test("the JSON node limit is a located error")
    func jsonNodes() throws {
        let diagnostic = try docJSONError("[1, 2, 3, 4, 5]", limits: DocumentLimits(maxNodesPerDocument: 4))
        #expect(diagnostic.code == "input.limit.nodes")
        #expect(docLineColumn(diagnostic.location) == [1, 11])
    }

    @Test("a scalar over the size limit is a located error, one at the limit is fine", arguments: [
        ("k: 12345678", nil as String?), ("k: 123456789", "input.limit.scalar-size"),
        ("k: \"æææææææ\"", "input.limit.scalar-size"), ("k: \"æææ\"", nil),
    ])
    func yamlScalarSize(_ text: String, _ code: String?) {
        let loaded = docLoadYAML(text, limits: DocumentLimits(maxScalarBytes: 8))
        #expect(loaded.diagnostics.map(\.code) == (code.map { [$0] } ?? []))
        if code != nil {
            #expect(docLineColumn(loaded.diagnostics.first?.location) == [1, 4])
        }
    }

    @Test("a JSON string over the size limit is a located error")
    func jsonScalarSize() throws {
        let limits = DocumentLimits(maxScalarBytes: 8)
        #expect(throws: Never.self) { try JSONReader(limits: limits).read(#"{"k": "12345678"}"#, file: "t.json").get() }
        let diagnostic = try docJSONError("{\"k\":\n \"123456789\"}", limits: limits)
        #expect(diagnostic.code == "input.limit.scalar-size")
        #expect(diagnostic.location?.line == 2)
    }

    @Test("a JSON number over the scalar size limit is a located error, as it is in YAML")
    func jsonNumberScalarSize() throws {
        let limits = DocumentLimits(maxScalarBytes: 8)
        let yaml = docLoadYAML("k: 123456789", limits: limits)
        #expect(yaml.diagnostics.map(\.code) == ["input.limit.scalar-size"])
        let json = JSONReader(limits: limits).read(#"{"k": 123456789}"#, file: "t.json")
        do {
            #expect(throws: Diagnostic.self) { try json.get() }
        }
    }

    @Test("a YAML file over the size limit is rejected before parsing")
    func yamlFileSize() throws {
        let loaded = docLoadYAML("kind: case\ncase_id: abc\n", limits: DocumentLimits(maxFileBytes: 10))
        #expect(loaded.documents.isEmpty)
        #expect(loaded.diagnostics.map(\.code) == ["input.limit.file-size"])
        #expect(docLineColumn(loaded.diagnostics.first?.location) == [1, 1])
        #expect(loaded.diagnostics.first?.location?.file == "test.yaml")
    }

    @Test("a JSON file over the size limit is one rejected record")
    func jsonFileSize() throws {
        var batch = InputBatch()
        InputReader(limits: DocumentLimits(maxFileBytes: 10))
            .read(bytes: Array(#"{"kind": "case", "case_id": "a"}"#.utf8), file: "big.json", format: .json, into: &batch)
        #expect(batch.recordsRead == 1)
        #expect(batch.recordsRejected == 1)
        #expect(batch.errors.map(\.code) == ["input.limit.file-size"])
        #expect(batch.errors.first?.location == RuleDSL.SourceLocation(file: "big.json", line: 1, column: 1))
    }

    @Test("a JSON Lines line over the line limit rejects that line only")
    func jsonLinesLineLength() throws {
        let text = """
            {"case_id": "a", "shelter_id": "s"}
            {"case_id": "a-much-longer-identifier", "shelter_id": "s"}
            {"case_id": "b", "shelter_id": "s"}
            """
        var batch = InputBatch()
        InputReader(limits: DocumentLimits(maxLineBytes: 40))
            .read(bytes: Array(text.utf8), file: "t.jsonl", format: .jsonLines, into: &batch)
        #expect(batch.records.map(\.id) == ["a", "b"])
        #expect(batch.errors.map(\.code) == ["input.limit.line-length"])
        #expect(batch.errors.first?.location?.line == 2)
    }

    @Test("more documents than the limit stops at the first one too many")
    func documentCount() throws {
        let loaded = docLoadYAML("""
            kind: case
            ---
            kind: case
            ---
            kind: case
            ---
            kind: case
            """, limits: DocumentLimits(maxDocuments: 2))
        #expect(loaded.documents.count == 2)
        #expect(loaded.diagnostics.map(\.code) == ["input.limit.documents"])
        #expect(docLineColumn(loaded.diagnostics.first?.location) == [4, 1])
    }

    @Test("a limit hit in one document does not lose the next one")
    func limitThenNextDocument() throws {
        let loaded = docLoadYAML("""
            a: [[[[x]]]]
            ---
            b: 1
            """, limits: DocumentLimits(maxDepth: 3))
        #expect(loaded.diagnostics.map(\.code) == ["input.limit.depth"])
        // The root mapping is the first level, so the third '[' is one too deep.
        #expect(docLineColumn(loaded.diagnostics.first?.location) == [1, 6])
        #expect(loaded.documents.map { $0["b"]?.scalar?.text } == ["1"])
    }

    @Test("the input reader turns every limit into a rejected record with its location", arguments: [
        ("[[[[x]]]]", "input.limit.depth", 1, 4),
        ("a: &a [x, x]\nb: [*a, *a, *a]", "input.limit.nodes", 2, 9),
        ("k: 123456789", "input.limit.scalar-size", 1, 4),
    ])
    func readerLimits(_ text: String, _ code: String, _ line: Int, _ column: Int) throws {
        var batch = InputBatch()
        InputReader(limits: DocumentLimits(maxScalarBytes: 8, maxDepth: 3, maxNodesPerDocument: 10))
            .read(bytes: Array(text.utf8), file: "l.yaml", format: .yaml, into: &batch)
        #expect(batch.recordsRead == 1)
        #expect(batch.recordsRejected == 1)
        try #require(batch.errors.count == 1)
        #expect(batch.errors[0].code == code)
        #expect(batch.errors[0].location == RuleDSL.SourceLocation(file: "l.yaml", line: line, column: column))
    }
}
