import Testing
@testable import RuleDSL

@Suite("Schema validator")
struct SchemaValidatorTests {
    static func field(_ name: String, _ type: SchemaType, nullable: Bool = true, required: Bool = false) -> FieldSchema {
        FieldSchema(name, type, nullable: nullable, required: required, doc: LocalizedText(da: name, en: name.capitalized))
    }

    static let departure = ObjectSchema(name: "departure", fields: [
        field("date", .date),
        field("destination", .enumeration(["own_home", "family", "other_shelter", "unknown"])),
    ])

    static let schema = ObjectSchema(name: "test", fields: [
        field("case_id", .string, nullable: false, required: true),
        field("flag", .bool),
        field("count", .int),
        field("ratio", .double),
        field("text", .string),
        field("date", .date),
        field("choice", .enumeration(["own_home", "family", "other_shelter"])),
        field("strict", .int, nullable: false),
        field("tags", .list(.string)),
        field("departure", .object(departure)),
        field("anything", .dyn),
    ])

    /// Validates a YAML body (one document) against the test schema.
    static func validate(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ValidatedValue {
        let node = try docSingleYAML("case_id: c1\n" + yaml, sourceLocation: sourceLocation)
        return SchemaValidator().validateObject(node, as: schema)
    }

    static func value(_ yaml: String, _ key: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Value? {
        let validated = try validate(yaml, sourceLocation: sourceLocation)
        #expect(validated.diagnostics.isEmpty, "\(validated.diagnostics)", sourceLocation: sourceLocation)
        guard case .map(let map)? = validated.value else {
            Issue.record("expected a map", sourceLocation: sourceLocation)
            return nil
        }
        return map[key]
    }

    static func onlyError(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let validated = try validate(yaml, sourceLocation: sourceLocation)
        #expect(validated.value == nil, sourceLocation: sourceLocation)
        try #require(validated.diagnostics.count == 1, "\(validated.diagnostics)", sourceLocation: sourceLocation)
        #expect(validated.diagnostics[0].isError, sourceLocation: sourceLocation)
        return validated.diagnostics[0]
    }

    // MARK: booleans

    @Test("true and false in three casings are booleans", arguments: [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ])
    func booleans(_ text: String, _ expected: Bool) throws {
        #expect(try Self.value("flag: \(text)", "flag") == .bool(expected))
    }

    @Test("yes/no/on/off are text, so a bool field rejects them with a true/false hint", arguments: [
        "yes", "no", "on", "off", "Yes", "NO", "y", "n",
    ])
    func yamlOneOneBooleans(_ text: String) throws {
        let diagnostic = try Self.onlyError("flag: \(text)")
        #expect(diagnostic.code == "input.type")
        #expect(docLineColumn(diagnostic.location) == [2, 7])
        #expect(diagnostic.message == "flag: expected true or false, found the text '\(text)'")
        #expect(diagnostic.hint?.contains("true or false") == true)
        #expect(diagnostic.hint?.contains("'\(text)'") == true)
    }

    @Test("other non-booleans in a bool field", arguments: [
        ("\"true\"", "the text 'true'"), ("1", "the number 1"), ("[true]", "a list"), ("{a: 1}", "a mapping"),
    ])
    func notBooleans(_ text: String, _ found: String) throws {
        let diagnostic = try Self.onlyError("flag: \(text)")
        #expect(diagnostic.code == "input.type")
        #expect(diagnostic.message == "flag: expected true or false, found \(found)")
        #expect(docLineColumn(diagnostic.location) == [2, 7])
    }

    @Test("a quoted \"true\" is told to lose its quotes")
    func quotedTrueHint() throws {
        let diagnostic = try Self.onlyError("flag: \"true\"")
        #expect(diagnostic.hint == "write true or false without quotes")
    }

    // MARK: null and absent

    @Test("null, ~ and the empty value are null in every nullable field", arguments: [
        ("flag", "null"), ("count", "~"), ("date", ""), ("text", "null"), ("choice", "NULL"), ("departure", "null"),
        ("tags", "~"), ("anything", "null"),
    ])
    func nulls(_ key: String, _ text: String) throws {
        #expect(try Self.value("\(key): \(text)", key) == .null)
    }

    @Test("a quoted \"null\" is text, not null")
    func quotedNull() throws {
        #expect(try Self.value("text: \"null\"", "text") == .string("null"))
        let diagnostic = try Self.onlyError("flag: \"null\"")
        #expect(diagnostic.code == "input.type")
    }

    @Test("an absent key is missing from the map; null is present as null")
    func absentVersusNull() throws {
        let validated = try Self.validate("""
            departure: null
            date: ~
            """)
        guard case .map(let map)? = validated.value else {
            Issue.record("expected a map, got \(String(describing: validated.value))")
            return
        }
        #expect(map["departure"] == .null)
        #expect(map["date"] == .null)
        #expect(map["flag"] == nil)
        #expect(map["text"] == nil)
        #expect(map.count == 3)
        #expect(map.entries.map(\.key) == [.string("case_id"), .string("departure"), .string("date")])
    }

    @Test("absent and null stay apart inside nested objects too")
    func nestedAbsentVersusNull() throws {
        let departure = try Self.value("departure:\n  date: null\n", "departure")
        guard case .map(let map)? = departure else {
            Issue.record("expected a map, got \(String(describing: departure))")
            return
        }
        #expect(map["date"] == .null)
        #expect(map["destination"] == nil)
    }

    @Test("null in a field that cannot be null is a located error")
    func nonNullable() throws {
        let diagnostic = try Self.onlyError("strict: null")
        #expect(diagnostic.code == "input.null")
        #expect(docLineColumn(diagnostic.location) == [2, 9])
        #expect(diagnostic.message == "strict: expected a whole number, found null")
    }

    @Test("a list item cannot be null")
    func nullListItem() throws {
        let diagnostic = try Self.onlyError("tags: [a, null]")
        #expect(diagnostic.code == "input.null")
        #expect(diagnostic.message.hasPrefix("tags[1]: "))
        #expect(docLineColumn(diagnostic.location) == [2, 11])
    }

    // MARK: numbers

    @Test("integers", arguments: [
        ("12", Int64(12)), ("-3", -3), ("0x1F", 31), ("0o17", 15),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ])
    func integers(_ text: String, _ expected: Int64) throws {
        #expect(try Self.value("count: \(text)", "count") == .int(expected))
    }

    @Test("one past Int64.max (or below min) is an overflow error, never wrapped", arguments: [
        "9223372036854775808", "-9223372036854775809", "0x10000000000000000",
    ])
    func overflow(_ text: String) throws {
        let diagnostic = try Self.onlyError("count: \(text)")
        #expect(diagnostic.code == "input.overflow")
        #expect(docLineColumn(diagnostic.location) == [2, 8])
        #expect(diagnostic.message == "count: expected a whole number that fits in 64 bits, found \(text)")
    }

    @Test("non-integers in an int field", arguments: [
        ("1.5", "the number 1.5", nil as String?), ("\"12\"", "the text '12'", "write the number without quotes"),
        ("twelve", "the text 'twelve'", nil), ("true", "the boolean true", nil),
    ])
    func notIntegers(_ text: String, _ found: String, _ hint: String?) throws {
        let diagnostic = try Self.onlyError("count: \(text)")
        #expect(diagnostic.code == "input.type")
        #expect(diagnostic.message == "count: expected a whole number, found \(found)")
        #expect(diagnostic.hint == hint)
    }

    @Test("floats and integers both fill a double field", arguments: [
        ("2.5", 2.5), ("3", 3.0), ("-1e3", -1000.0), ("0x10", 16.0),
    ])
    func doubles(_ text: String, _ expected: Double) throws {
        #expect(try Self.value("ratio: \(text)", "ratio") == .double(expected))
    }

    @Test("text in a double field is an error")
    func notDouble() throws {
        let diagnostic = try Self.onlyError("ratio: \"2.5\"")
        #expect(diagnostic.code == "input.type")
        #expect(diagnostic.message == "ratio: expected a number, found the text '2.5'")
    }

    // MARK: text

    @Test("a text field takes any plain scalar's text as written", arguments: [
        ("2025017", "2025017"), ("0x1F", "0x1F"), ("1.50", "1.50"), ("true", "true"), ("yes", "yes"),
        ("007", "007"), ("2025-03-03", "2025-03-03"), ("'quoted'", "quoted"), ("\"æø å\"", "æø å"),
    ])
    func textAsWritten(_ text: String, _ expected: String) throws {
        #expect(try Self.value("text: \(text)", "text") == .string(expected))
    }

    @Test("the id field takes a plain number as written")
    func numericID() throws {
        let node = try docSingleYAML("case_id: 2025017\n")
        let validated = SchemaValidator().validateObject(node, as: Self.schema)
        #expect(validated.value == .map(MapValue(stringKeyed: [("case_id", .string("2025017"))])))
    }

    @Test("a list or mapping in a text field is an error")
    func textMismatch() throws {
        let diagnostic = try Self.onlyError("text:\n  - a\n")
        #expect(diagnostic.code == "input.type")
        #expect(diagnostic.message == "text: expected text, found a list")
        #expect(docLineColumn(diagnostic.location) == [3, 3])
    }

    // MARK: dates

    @Test("real dates are accepted, plain or quoted", arguments: [
        ("2024-02-29", 2024, 2, 29), ("2025-03-03", 2025, 3, 3), ("\"2025-12-31\"", 2025, 12, 31),
        ("'0001-01-01'", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
    ])
    func dates(_ text: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let expected = try #require(CivilDate(year: year, month: month, day: day))
        #expect(try Self.value("date: \(text)", "date") == .date(expected))
    }

    @Test("impossible dates are located errors that say why", arguments: [
        ("2025-02-30", "that month has 28 days, not 30"),
        ("2023-02-29", "that month has 28 days, not 29"),
        ("2025-04-31", "that month has 30 days, not 31"),
        ("2025-13-01", "there is no month 13"),
        ("2025-00-10", "there is no month 0"),
        ("0000-01-01", "year 0 does not exist"),
        ("2025-01-00", "there is no day 0"),
    ])
    func impossibleDates(_ text: String, _ why: String) throws {
        let diagnostic = try Self.onlyError("date: \(text)")
        #expect(diagnostic.code == "input.date")
        #expect(docLineColumn(diagnostic.location) == [2, 7])
        #expect(diagnostic.message == "date: expected a real calendar date, found \(text): \(why)")
    }

    @Test("dates not written YYYY-MM-DD are located errors", arguments: [
        "10000-01-01", "2025-3-3", "03-03-2025", "2025/03/03", "20250303", "2025-03-03T10:00", "today", "2025-03-03 ",
    ])
    func malformedDates(_ text: String) throws {
        let diagnostic = try Self.onlyError("date: \"\(text)\"")
        #expect(diagnostic.code == "input.date")
        #expect(diagnostic.message.hasPrefix("date: expected a date written YYYY-MM-DD, found "))
        #expect(docLineColumn(diagnostic.location) == [2, 7])
    }

    @Test("a quoted date in JSON is accepted")
    func jsonDate() throws {
        let node = try docJSON(#"{"case_id": "c1", "date": "2024-02-29"}"#)
        let validated = SchemaValidator().validateObject(node, as: Self.schema)
        #expect(validated.diagnostics.isEmpty)
        guard case .map(let map)? = validated.value else {
            Issue.record("expected a map")
            return
        }
        #expect(map["date"] == CivilDate(year: 2024, month: 2, day: 29).map(Value.date))
    }

    // MARK: enums

    @Test("an enum value outside the set is an error with a did-you-mean", arguments: [
        ("own_hom", "did you mean 'own_home'?"), ("famliy", "did you mean 'family'?"),
        ("Family", "did you mean 'family'?"), ("other-shelter", "did you mean 'other_shelter'?"),
        ("somewhere", "use one of the listed values exactly as written"),
    ])
    func enums(_ text: String, _ hint: String) throws {
        let diagnostic = try Self.onlyError("choice: \(text)")
        #expect(diagnostic.code == "input.enum")
        #expect(docLineColumn(diagnostic.location) == [2, 9])
        #expect(diagnostic.message == "choice: expected one of own_home, family, other_shelter, found the text '\(text)'")
        #expect(diagnostic.hint == hint)
    }

    @Test("an enum value may be quoted")
    func quotedEnum() throws {
        #expect(try Self.value("choice: \"family\"", "choice") == .string("family"))
    }

    // MARK: unknown and required keys

    @Test("an unknown key is a warning with a did-you-mean, and is dropped")
    func unknownKey() throws {
        let validated = try Self.validate("""
            departur:
              date: 2025-06-20
            """)
        try #require(validated.diagnostics.count == 1)
        let warning = validated.diagnostics[0]
        #expect(warning.severity == .warning)
        #expect(warning.code == "input.unknown-key")
        #expect(docLineColumn(warning.location) == [2, 1])
        #expect(warning.message == "unknown key 'departur' is ignored")
        #expect(warning.hint?.hasPrefix("did you mean 'departure'?") == true)
        #expect(validated.value == .map(MapValue(stringKeyed: [("case_id", .string("c1"))])))
    }

    @Test("an unknown nested key names its path")
    func unknownNestedKey() throws {
        let validated = try Self.validate("""
            departure:
              dat: 2025-06-20
              destination: family
            """)
        try #require(validated.diagnostics.count == 1)
        #expect(validated.diagnostics[0].message == "unknown key 'departure.dat' is ignored in departure")
        #expect(validated.diagnostics[0].hint?.hasPrefix("did you mean 'date'?") == true)
        #expect(docLineColumn(validated.diagnostics[0].location) == [3, 3])
        #expect(validated.value != nil)
    }

    @Test("an unknown key nothing like a known one lists the known keys")
    func unknownKeyWithoutSuggestion() throws {
        let validated = try Self.validate("departure:\n  zzzzzzzz: 1\n")
        #expect(validated.diagnostics.first?.hint == "known keys here: date, destination")
    }

    @Test("a missing required id is an error at the mapping")
    func missingRequired() throws {
        let node = try docSingleYAML("flag: true\ntext: x\n")
        let validated = SchemaValidator().validateObject(node, as: Self.schema)
        #expect(validated.value == nil)
        #expect(validated.diagnostics.map(\.code) == ["input.required"])
        #expect(validated.diagnostics.first?.message == "expected the key 'case_id', found none")
        #expect(docLineColumn(validated.diagnostics.first?.location) == [1, 1])
    }

    @Test("a required id given as null is a null error, not a missing-key error")
    func nullRequired() throws {
        let node = try docSingleYAML("case_id: null\n")
        let validated = SchemaValidator().validateObject(node, as: Self.schema)
        #expect(validated.diagnostics.map(\.code) == ["input.null"])
        #expect(docLineColumn(validated.diagnostics.first?.location) == [1, 10])
    }

    @Test("every error of a document is reported, not only the first")
    func allErrors() throws {
        let validated = try Self.validate("""
            flag: yes
            count: many
            date: 2025-02-30
            choice: x
            """)
        #expect(validated.value == nil)
        #expect(validated.diagnostics.map(\.code) == ["input.type", "input.type", "input.date", "input.enum"])
        #expect(validated.diagnostics.map { $0.location?.line ?? 0 } == [2, 3, 4, 5])
    }

    @Test("a field's absentMeans stands in for an absent key, never for a given one")
    func absentMeans() throws {
        let schema = ObjectSchema(name: "t", fields: [
            FieldSchema("departure", .dyn, absentMeans: .null, doc: LocalizedText(da: "d", en: "d")),
            Self.field("other", .int),
        ])
        let validator = SchemaValidator()
        let absent = validator.validateObject(try docSingleYAML("other: 1\n"), as: schema)
        #expect(absent.value == .map(MapValue(stringKeyed: [("other", .int(1)), ("departure", .null)])))
        let given = validator.validateObject(try docSingleYAML("departure: 5\n"), as: schema)
        #expect(given.value == .map(MapValue(stringKeyed: [("departure", .int(5))])))
    }

    // MARK: validateObject options

    @Test("inherited values fill absent fields only, and satisfy required ones")
    func inherited() throws {
        let validator = SchemaValidator()
        let own = try docSingleYAML("case_id: c1\ntext: mine\n")
        let inherited: [String: Value] = ["text": .string("theirs"), "flag": .bool(true)]
        let kept = validator.validateObject(own, as: Self.schema, inherited: inherited)
        #expect(kept.value == .map(MapValue(stringKeyed: [("case_id", .string("c1")), ("text", .string("mine")), ("flag", .bool(true))])))

        let noID = try docSingleYAML("text: x\n")
        let filled = validator.validateObject(noID, as: Self.schema, inherited: ["case_id": .string("from-export")])
        #expect(filled.diagnostics.isEmpty)
        guard case .map(let map)? = filled.value else {
            Issue.record("expected a map")
            return
        }
        #expect(map["case_id"] == .string("from-export"))
    }

    @Test("excluded keys are neither validated nor warned about")
    func excluding() throws {
        let node = try docSingleYAML("case_id: c1\ncount: not-a-number\n")
        let validated = SchemaValidator().validateObject(node, as: Self.schema, excluding: ["count"])
        #expect(validated.diagnostics.isEmpty)
        #expect(validated.value == .map(MapValue(stringKeyed: [("case_id", .string("c1"))])))
    }

    @Test("validate() checks any node against any type, with the path in messages")
    func validateScalarTypes() throws {
        let node = try docSingleYAML("[1, x, 3]")
        let validated = SchemaValidator().validate(node, as: .list(.int), path: "numbers")
        #expect(validated.value == nil)
        #expect(validated.diagnostics.map(\.message) == ["numbers[1]: expected a whole number, found the text 'x'"])
        let root = SchemaValidator().validate(node, as: .int)
        #expect(root.diagnostics.map(\.message) == ["expected a whole number, found a list"])
        #expect(root.diagnostics.first?.code == "input.type")
    }

    @Test("a dyn field takes anything as typed by the core schema")
    func dynamic() throws {
        let value = try Self.value("anything: {a: [1, yes, ~, 2.5]}", "anything")
        #expect(value == .map(MapValue(stringKeyed: [("a", .list([.int(1), .string("yes"), .null, .double(2.5)]))])))
    }

    @Test("an overflowing number inside a dyn field is still an error")
    func dynamicOverflow() throws {
        let diagnostic = try Self.onlyError("anything: [1, 99999999999999999999]")
        #expect(diagnostic.code == "input.overflow")
        #expect(diagnostic.message.hasPrefix("anything[1]: "))
    }

    @Test("types are named in plain words", arguments: [
        (SchemaType.bool, "true or false"), (.int, "a whole number"), (.double, "a number"), (.string, "text"),
        (.date, "a date (YYYY-MM-DD)"), (.enumeration(["a", "b"]), "one of a, b"), (.list(.int), "a list"),
        (.object(ObjectSchema(name: "x", fields: [])), "a mapping of keys to values"), (.dyn, "a value"),
    ])
    func describe(_ type: SchemaType, _ expected: String) {
        #expect(SchemaValidator().describe(type) == expected)
    }
}
