import Testing
@testable import RuleDSL

/// What a program can read of its variables decides what a decoder builds, so it must never
/// leave out anything the expression could touch.
@Suite("Fields a program reads")
struct FieldReadsTests {
    static func reads(_ text: String) throws -> FieldSelection? {
        try ExprFixture.environment.compile(text).reads["case"]
    }

    @Test("a chain of selections reads its last field, and only that")
    func chains() throws {
        #expect(try Self.reads("case.woman.sex == 'female' && has(case.departure.date)")
            == FieldSelection(paths: [["woman", "sex"], ["departure", "date"]]))
        #expect(try Self.reads("as_of > date('2025-01-01')") == nil)
    }

    @Test("a variable or a field used as a value is read whole")
    func wholeValues() throws {
        #expect(try Self.reads("size(case) > 0") == .everything)
        #expect(try Self.reads("case.woman == case.woman") == FieldSelection(paths: [["woman"]]))
        #expect(try Self.reads("size(case.children) > 0") == FieldSelection(paths: [["children"]]))
        // An index reads the list it indexes, whole.
        #expect(try Self.reads("case.children[0].age > 1") == FieldSelection(paths: [["children"]]))
    }

    @Test("a comprehension over a list reads what its body reads of each item")
    func comprehensions() throws {
        #expect(try Self.reads("case.children.all(c, c.age > 1)") == FieldSelection(paths: [["children", "age"]]))
        // Counting items still needs the list, though nothing inside them.
        var present = FieldSelection.nothing
        present.include(["children"], whole: false)
        #expect(try Self.reads("case.children.exists(c, true)") == present)
        // The item itself used as a value, or a list computed first, is read whole.
        #expect(try Self.reads("size(case.children.map(c, c)) > 0") == FieldSelection(paths: [["children"]]))
        #expect(try Self.reads("case.children.filter(c, c.age > 1).exists(d, d.age > 2)") == FieldSelection(paths: [["children"]]))
        #expect(try Self.reads("size(case.children.filter(c, c.age > 1)) > 0") == FieldSelection(paths: [["children"]]))
        // Over an object its keys are iterated: the object is read whole.
        #expect(try Self.reads("case.woman.exists(k, k == 'sex')") == FieldSelection(paths: [["woman"]]))
    }

    @Test("selections merge, and whole wins over parts")
    func union() {
        var selection = FieldSelection(paths: [["woman", "sex"]])
        selection.formUnion(FieldSelection(paths: [["woman", "age"], ["admitted"]]))
        #expect(selection == FieldSelection(paths: [["woman", "sex"], ["woman", "age"], ["admitted"]]))
        selection.formUnion(FieldSelection(paths: [["woman"]]))
        #expect(selection.field("woman") == .everything)
        #expect(selection.field("departure") == nil)
        selection.formUnion(.everything)
        #expect(selection == .everything)
        #expect(FieldSelection(field: "children", .nothing).field("children") == .nothing)
    }
}
