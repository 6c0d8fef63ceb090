import Foundation
import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Input JSON Schema")
struct JSONSchemaTests {
    static func parsed(_ language: Language = .en) throws -> [String: Any] {
        let text = InputJSONSchema.document(language: language).pretty
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    static func definition(_ name: String, _ language: Language = .en) throws -> [String: Any] {
        let defs = try #require(try parsed(language)["$defs"] as? [String: Any])
        return try #require(defs[name] as? [String: Any], "no $defs/\(name)")
    }

    /// Every field path of an object schema, nested objects and list items included ("children[].age").
    static func paths(_ schema: [String: Any], prefix: String = "") -> Set<String> {
        var result: Set<String> = []
        guard let properties = schema["properties"] as? [String: Any] else { return result }
        for (name, value) in properties {
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            result.insert(path)
            guard let property = value as? [String: Any] else { continue }
            result.formUnion(paths(property, prefix: path))
            if let items = property["items"] as? [String: Any] {
                result.formUnion(paths(items, prefix: path + "[]"))
            }
        }
        return result
    }

    /// Every field of a case as DATA-MODEL.md lists it.
    static let caseFields: [String] = [
        "kind", "case_id", "shelter_id",
        "woman", "woman.sex", "woman.age", "woman.anonymous", "woman.needs_interpreter", "woman.without_means_on_arrival",
        "contact", "contact.first_contact_date", "contact.referred_by",
        "admission", "admission.date", "admission.decided_by", "admission.safety_assessment_date",
        "home_municipality", "acting_municipality",
        "consents", "consents.payment_contact", "consents.action_plan_contact",
        "notices", "notices.home_municipality", "notices.home_municipality.date", "notices.home_municipality.included_name",
        "notices.home_municipality.included_cpr", "notices.payment_contact", "notices.payment_contact.date",
        "notices.payment_contact.channel", "notices.action_plan", "notices.action_plan.needed", "notices.action_plan.date",
        "notices.subsistence_request", "notices.subsistence_request.date",
        "charges", "charges[].kind", "charges[].amount_dkk",
        "interpreter", "interpreter.used", "interpreter.paid_by",
        "stay_plan", "stay_plan.offered_date",
        "psychologist", "psychologist.offered", "psychologist.free_of_charge",
        "perpetrator_program_advice_given",
        "departure", "departure.date", "departure.destination", "departure.safety_plan_for_new_home", "departure.aftercare_offered",
        "children", "children[].child_id", "children[].age", "children[].exposed_to_violence", "children[].notification",
        "children[].notification.date", "children[].safety_assessment_date", "children[].offers",
        "children[].offers.individual_or_group_sessions", "children[].offers.activities", "children[].offers.mother_child_sessions",
        "children[].schooling", "children[].attends_school_or_daycare", "children[].school_daycare_safety_assessed",
        "children[].contact_with_father", "children[].handover_safety_assessed", "children[].psychologist_offered",
    ]

    /// Every field of a shelter profile as DATA-MODEL.md lists it.
    static let shelterFields: [String] = [
        "kind", "shelter_id", "name", "municipality", "admits_men", "outpatient_counselling", "acute_24h", "self_referral",
        "anonymous_admission", "visitation_by", "tariff", "tariff.published_on_tilbudsportalen", "tariff.dkk_per_day",
        "stay_free_of_charge", "food", "food.scheme", "food.dkk_per_day", "safety", "safety.physical_security",
        "safety.procedures", "safety.procedures.women_and_children", "safety.procedures.staff", "safety.procedures.volunteers",
        "safety.assessment_at_admission", "staff", "staff.specialised_knowledge", "children_offer",
        "children_offer.individual_or_group_sessions", "children_offer.activities", "children_offer.mother_child_sessions",
        "children_offer.schooling_arrangement", "psychologist", "psychologist.women", "psychologist.children",
        "psychologist.free_of_charge", "perpetrator_program_advice", "stay_plan_offered", "aftercare", "aftercare.offered",
        "aftercare.forms", "capacity", "capacity.places_women", "capacity.places_children", "specialisations",
    ]

    @Test("the schema is valid JSON with the 2020-12 dialect and the three document kinds")
    func topLevel() throws {
        let schema = try Self.parsed()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(schema["$defs"] as? [String: Any])
        for name in ["shelter", "case", "case_export", "exported_case"] {
            #expect(defs[name] is [String: Any], "missing $defs/\(name)")
        }
        let oneOf = try #require(schema["oneOf"] as? [[String: String]])
        #expect(oneOf.compactMap { $0["$ref"] } == ["#/$defs/shelter", "#/$defs/case", "#/$defs/case_export"])
    }

    @Test("every DATA-MODEL field of a case appears, and no other")
    func caseFields() throws {
        let found = Self.paths(try Self.definition("case"))
        #expect(found.subtracting(Self.caseFields).isEmpty, "extra: \(found.subtracting(Self.caseFields).sorted())")
        #expect(Set(Self.caseFields).subtracting(found).isEmpty, "missing: \(Set(Self.caseFields).subtracting(found).sorted())")
    }

    @Test("every DATA-MODEL field of a shelter appears, and no other")
    func shelterFields() throws {
        let found = Self.paths(try Self.definition("shelter"))
        #expect(found == Set(Self.shelterFields), "extra: \(found.subtracting(Self.shelterFields).sorted()), missing: \(Set(Self.shelterFields).subtracting(found).sorted())")
    }

    @Test("ids are required; an exported case needs only its case_id")
    func required() throws {
        #expect(try Self.definition("case")["required"] as? [String] == ["case_id", "shelter_id"])
        #expect(try Self.definition("shelter")["required"] as? [String] == ["shelter_id"])
        #expect(try Self.definition("exported_case")["required"] as? [String] == ["case_id"])
        #expect(try Self.definition("case_export")["required"] as? [String] == ["shelter_id", "exported_at", "cases"])
    }

    @Test("extra keys are not allowed, at every level")
    func additionalProperties() throws {
        let caseSchema = try Self.definition("case")
        #expect(caseSchema["additionalProperties"] as? Bool == false)
        let properties = try #require(caseSchema["properties"] as? [String: Any])
        let woman = try #require(properties["woman"] as? [String: Any])
        #expect(woman["additionalProperties"] as? Bool == false)
    }

    @Test("an export's cases refer to the exported-case definition")
    func exportCases() throws {
        let properties = try #require(try Self.definition("case_export")["properties"] as? [String: Any])
        let cases = try #require(properties["cases"] as? [String: Any])
        #expect(cases["type"] as? String == "array")
        #expect((cases["items"] as? [String: String])?["$ref"] == "#/$defs/exported_case")
    }

    @Test("field types: dates, nullable booleans, enums with null, ids that cannot be null")
    func fieldTypes() throws {
        let properties = try #require(try Self.definition("case")["properties"] as? [String: Any])
        let admission = try #require((properties["admission"] as? [String: Any])?["properties"] as? [String: Any])
        let date = try #require(admission["date"] as? [String: Any])
        #expect(date["type"] as? [String] == ["string", "null"])
        #expect(date["format"] as? String == "date")
        #expect(date["pattern"] as? String == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        let decidedBy = try #require(admission["decided_by"] as? [String: Any])
        let values = try #require(decidedBy["enum"] as? [Any])
        #expect(values.compactMap { $0 as? String } == ["leader", "deputy", "staff", "municipality", "other"])
        #expect(values.last is NSNull)
        let caseID = try #require(properties["case_id"] as? [String: Any])
        #expect(caseID["type"] as? String == "string")
        let advice = try #require(properties["perpetrator_program_advice_given"] as? [String: Any])
        #expect(advice["type"] as? [String] == ["boolean", "null"])
        #expect(advice["description"] as? String == "Advised about treatment offers for violent men")
        let kind = try #require(properties["kind"] as? [String: Any])
        #expect((kind["enum"] as? [Any])?.first as? String == "case")
    }

    @Test("descriptions follow the language")
    func language() throws {
        let english = try #require(try Self.definition("case", .en)["properties"] as? [String: Any])
        let danish = try #require(try Self.definition("case", .da)["properties"] as? [String: Any])
        #expect((english["home_municipality"] as? [String: Any])?["description"] as? String == "Home municipality (pays the tariff)")
        #expect((danish["home_municipality"] as? [String: Any])?["description"] as? String == "Hidtidig bopælskommune (betalingskommune)")
    }

    @Test("the DATA-MODEL example case reads without errors or unknown keys")
    func schemaAndValidatorAgree() throws {
        // The validator and the schema come from one description: a field the schema lacks would
        // be an unknown-key warning, so the full DATA-MODEL example must read without warnings.
        let batch = inputRead(SampleCasesTests.dataModelCase)
        #expect(batch.errors.isEmpty, "\(batch.errors)")
        #expect(batch.warnings.isEmpty, "\(batch.warnings)")
        #expect(batch.records.count == 1)
    }
}
