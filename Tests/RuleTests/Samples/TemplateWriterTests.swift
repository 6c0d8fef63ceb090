import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("init templates")
struct TemplateWriterTests {
    static let kinds = TemplateWriter.Kind.allCases

    @Test("the template reads with zero errors and zero warnings", arguments: kinds, Language.allCases)
    func templateValidates(_ kind: TemplateWriter.Kind, _ language: Language) throws {
        let text = TemplateWriter(language: language).template(kind)
        let batch = inputRead(text, file: "template.yaml")
        #expect(batch.errors.isEmpty, "\(batch.errors)")
        #expect(batch.warnings.isEmpty, "\(batch.warnings)")
        #expect(batch.recordsRejected == 0)
        let record = try #require(batch.records.first)
        #expect(batch.records.count == 1)
        #expect(record.kind.rawValue == kind.rawValue)
    }

    @Test("every top-level field of the model is a key of the template", arguments: kinds)
    func topLevelFields(_ kind: TemplateWriter.Kind) {
        let lines = TemplateWriter().template(kind).split(separator: "\n").map(String.init)
        for field in kind.schema.fields {
            #expect(lines.contains { $0.hasPrefix("\(field.name):") }, "\(field.name) is missing")
        }
        #expect(lines.contains("kind: \(kind.rawValue)   # én af: \(kind.rawValue)"))
    }

    @Test("every nested field is written too, each with its Danish doc as a comment", arguments: kinds)
    func nestedFields(_ kind: TemplateWriter.Kind) {
        let text = TemplateWriter().template(kind)
        let lines = text.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " || $0 == "-" }) }
        func check(_ object: ObjectSchema) {
            for field in object.fields {
                #expect(lines.contains { $0.hasPrefix("\(field.name):") }, "\(field.name) is missing")
                #expect(text.contains("# \(field.doc.da)"), "the doc of \(field.name) is missing")
                switch field.type {
                case .object(let inner), .list(.object(let inner)): check(inner)
                default: break
                }
            }
        }
        check(kind.schema)
    }

    @Test("the case template holds one child, read as a child of the stay")
    func caseHasAChild() throws {
        let batch = inputRead(TemplateWriter().template(.case), file: "case.yaml")
        let record = try #require(batch.records.first)
        #expect(record.id == "SAG-0001")
        #expect(record.shelterID == "mit-krisecenter")
        #expect(record.children.count == 1)
        #expect(record.children.first?["child_id"] == .string("SAG-0001-c1"))
    }

    @Test("types and allowed values are hinted in Danish")
    func hints() {
        let text = TemplateWriter().template(.shelter)
        #expect(text.contains("admits_men: false   # ja/nej: true eller false"))
        #expect(text.contains("visitation_by: leader   # én af: leader | deputy | staff | municipality | other"))
        #expect(text.contains("null"))
        let caseText = TemplateWriter().template(.case)
        #expect(caseText.contains("date: 2025-01-01   # dato: ÅÅÅÅ-MM-DD"))
        #expect(caseText.contains("(null = ikke foretaget)"))
        #expect(!CPRRedaction.containsCPR(text + caseText))
    }
}
