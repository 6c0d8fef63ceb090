import Foundation
import Testing
@testable import RuleDSL
@testable import GrundpakkeRules

@Suite("Sample data")
struct SampleCasesTests {
    /// The package root, found from this file: Tests/RuleTests/Input/<file> → four levels up.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sampleCases: String { packageRoot.appendingPathComponent("sample-cases").path }

    @Test("sample-cases reads with no errors: 5 shelters, 200 cases, 151 children")
    func counts() throws {
        let batch = InputReader().read(paths: [Self.sampleCases])
        #expect(batch.errors.isEmpty, "\(batch.errors)")
        #expect(batch.warnings.isEmpty, "\(batch.warnings)")
        #expect(batch.filesRead == 10)
        #expect(batch.records.count { $0.kind == .shelter } == 5)
        #expect(batch.records.count { $0.kind == .case } == 200)
        #expect(batch.records.reduce(0) { $0 + $1.children.count } == 151)
        #expect(batch.recordsRead == batch.records.count + batch.recordsRejected)
        #expect(batch.recordsRejected == 0)
    }

    @Test("sample-cases: every case belongs to one of the five shelters, and ids are unique")
    func attribution() throws {
        let batch = InputReader().read(paths: [Self.sampleCases])
        let shelters = Set(batch.records.filter { $0.kind == .shelter }.map(\.id))
        #expect(shelters.count == 5)
        let cases = batch.records.filter { $0.kind == .case }
        #expect(cases.allSatisfy { shelters.contains($0.shelterID) })
        #expect(Set(cases.map(\.id)).count == cases.count)
    }

    @Test("sample-cases: results are in file order, then line order")
    func order() throws {
        let batch = InputReader().read(paths: [Self.sampleCases])
        let locations = batch.results.map(\.location)
        #expect(locations == locations.sorted())
    }

    @Test("sample-cases: no CPR-shaped id anywhere")
    func noCPR() throws {
        let batch = InputReader().read(paths: [Self.sampleCases])
        let ids = batch.records.map(\.id) + batch.records.flatMap { $0.children.compactMap { child -> String? in
            if case .string(let id)? = child["child_id"] { id } else { nil }
        } }
        #expect(!ids.isEmpty)
        #expect(!ids.contains { CPRRedaction.containsCPR($0) })
    }

    /// The shelter example of DATA-MODEL.md, verbatim.
    static let dataModelShelter = """
        kind: shelter
        shelter_id: kc-aarhus
        name: Krisecenter Aarhus
        municipality: Aarhus
        admits_men: false                     # Målgruppen: men cannot be admitted
        outpatient_counselling: true          # Ambulant rådgivning
        acute_24h: true                       # Akutfunktion: can help women who call at any hour
        self_referral: true                   # Selvmøderprincippet
        anonymous_admission: true             # Anonymitet
        visitation_by: leader                 # leader | deputy | staff | municipality | other
        tariff:
          published_on_tilbudsportalen: true  # Takst
          dkk_per_day: 1650
        stay_free_of_charge: true             # no payment for the stay itself
        food:
          scheme: self_catering               # self_catering | paid_meals (Betaling for kost)
          dkk_per_day: null
        safety:
          physical_security: true
          procedures:                         # written safety procedures for ...
            women_and_children: true
            staff: true
            volunteers: true
          assessment_at_admission: true       # sikkerhedsvurdering as part of visitation
        staff:
          specialised_knowledge: [violence, crisis, trauma]   # subset of these three
        children_offer:
          individual_or_group_sessions: true
          activities: true
          mother_child_sessions: true
          schooling_arrangement: true         # school-age children receive teaching
        psychologist:
          women: true
          children: true
          free_of_charge: true
        perpetrator_program_advice: true      # advice on treatment offers for violent men
        stay_plan_offered: true               # Opholdsplan
        aftercare:
          offered: true                       # Efterværn
          forms: [home_visits, network_groups, group_work, return_for_advice, family_counsellor]
        capacity:
          places_women: 12
          places_children: 14
        specialisations: []                   # long_term | disability_access | intellectual_disability |
                                              # honour_related | trafficking | drug_prostitution | dual_diagnosis
        """

    /// The case example of DATA-MODEL.md, verbatim.
    static let dataModelCase = """
        kind: case
        case_id: AAR-2025-017
        shelter_id: kc-aarhus
        woman:
          sex: female                         # female | male | other  (Målgruppen)
          age: 34
          anonymous: true                     # contacted / stays anonymously
          needs_interpreter: true
          without_means_on_arrival: false     # Akut underhold
        contact:
          first_contact_date: 2025-03-01
          referred_by: self                   # self | municipality | police | hospital | hotline | other_shelter | other
        admission:                            # visitation = indflytning
          date: 2025-03-03
          decided_by: leader                  # leader | deputy | staff | municipality | other
          safety_assessment_date: 2025-03-03  # null = not done
        home_municipality: Aarhus             # hidtidig bopælskommune (also the paying municipality)
        acting_municipality: Aarhus           # handlekommune
        consents:
          payment_contact: true               # may contact the paying municipality about the tariff
          action_plan_contact: true           # may contact the acting municipality about the handleplan
        notices:
          home_municipality:                  # "a citizen of yours stays here" (14-day notice)
            date: 2025-03-10                  # null = not sent
            included_name: false
            included_cpr: false
          payment_contact:                    # contact about takstbetaling
            date: 2025-03-05
            channel: phone                    # phone | letter | email | digital_post
          action_plan:
            needed: true
            date: 2025-03-12
          subsistence_request:                # akut underhold requested from the home municipality
            date: null
        charges:                              # what the woman herself was asked to pay
          - kind: food                        # food | stay | interpreter | psychologist | other
            amount_dkk: 1200
        interpreter:
          used: true
          paid_by: home_municipality          # home_municipality | shelter | woman | other_municipality | unsettled
        stay_plan:
          offered_date: 2025-03-10            # opholdsplan offered; null = not offered
        psychologist:
          offered: true
          free_of_charge: true
        perpetrator_program_advice_given: true
        departure:                            # absent or null while the stay is ongoing
          date: 2025-06-20
          destination: own_home               # own_home | family | other_shelter | perpetrator_home | other | unknown
          safety_plan_for_new_home: true      # sikkerhedsplanlægning i den kommende bolig
          aftercare_offered: true             # efterværn
        children:
          - child_id: AAR-2025-017-c1
            age: 9                            # whole years at admission
            exposed_to_violence: true         # exposed to or witnessed violence or other abuse
            notification:                     # underretning (SEL § 153 / Barnets Lov § 133)
              date: 2025-03-04                # null = not made
            safety_assessment_date: 2025-03-03
            offers:
              individual_or_group_sessions: true
              activities: true
              mother_child_sessions: true
            schooling: enrolled               # enrolled | arranged | none | not_applicable
            attends_school_or_daycare: true
            school_daycare_safety_assessed: true
            contact_with_father: false
            handover_safety_assessed: null
            psychologist_offered: true
        """

    @Test("the DATA-MODEL examples read without errors or warnings")
    func dataModelExamples() throws {
        let batch = inputRead(Self.dataModelShelter + "\n---\n" + Self.dataModelCase, file: "data-model.yaml")
        #expect(batch.errors.isEmpty, "\(batch.errors)")
        #expect(batch.warnings.isEmpty, "\(batch.warnings)")
        #expect(batch.records.map(\.kind) == [.shelter, .case])
        let record = try #require(batch.records.last)
        #expect(record.id == "AAR-2025-017")
        #expect(record.shelterID == "kc-aarhus")
        #expect(record.children.count == 1)
        #expect(record.children.first?["handover_safety_assessed"] == .null)
        guard case .map(let notices)? = record.fields["notices"], case .map(let request)? = notices["subsistence_request"] else {
            Issue.record("expected notices.subsistence_request")
            return
        }
        #expect(request["date"] == .null)
    }
}
