/// One synthetic shelter profile, drawn before it is written.
struct ShelterPlan: Sendable {
    var number: Int
    var codeWidth: Int
    var shelterID: String
    var name: String
    var municipality: String
    var acute24h = true
    var visitationBy = "leader"
    var tariffPublished = true
    var tariffDKK: Int
    var paidMeals: Bool
    var mealDKK: Recorded<Int>
    var volunteerProcedures = true
    var knowledge = ShelterSchema.knowledgeAreas
    var schoolingArrangement = true
    var motherChildSessions = true
    var aftercareForms: [String]
    var placesWomen: Int
    var placesChildren: Int
    var specialisations: [String]

    /// Draws a profile: most shelters meet every shelter rule; a deficient one misses one or two
    /// (never the target-group rule: a women's shelter admitting men is not a realistic export).
    init(number: Int, codeWidth: Int, goodShare: Double, rng: inout SplitMix64) {
        self.number = number
        self.codeWidth = codeWidth
        shelterID = SampleVocabulary.shelterID(number, width: codeWidth)
        municipality = SampleVocabulary.municipalities[(number - 1) % SampleVocabulary.municipalities.count]
        name = SampleVocabulary.shelterName(number, municipality: municipality)
        tariffDKK = rng.int(in: 1300...2100)
        paidMeals = rng.chance(0.4)
        mealDKK = paidMeals ? .value(rng.int(in: 8...18) * 5) : .null
        let forms = ShelterSchema.aftercareForms
        aftercareForms = forms.filter { _ in rng.chance(0.6) }
        if aftercareForms.isEmpty { aftercareForms = [forms[rng.below(forms.count)]] }
        placesWomen = rng.int(in: 4...24)
        placesChildren = placesWomen + rng.int(in: 0...8)
        specialisations = rng.chance(0.7) ? [] : [rng.pick(ShelterSchema.specialisations)]
        guard !rng.chance(goodShare) else { return }
        for _ in 0..<rng.int(in: 1...2) {
            switch rng.below(7) {
            case 0: acute24h = false
            case 1: visitationBy = "staff"
            case 2: tariffPublished = false
            case 3: volunteerProcedures = false
            case 4: knowledge = ["violence", "crisis"]
            case 5: schoolingArrangement = false
            default: if paidMeals { mealDKK = .null } else { motherChildSessions = false }
            }
        }
    }

    func write(into sink: inout some RecordSink) {
        sink.string("kind", "shelter")
        sink.string("shelter_id", shelterID)
        sink.string("name", name)
        sink.string("municipality", municipality)
        sink.bool("admits_men", false)
        sink.bool("outpatient_counselling", true)
        sink.bool("acute_24h", acute24h)
        sink.bool("self_referral", true)
        sink.bool("anonymous_admission", true)
        sink.string("visitation_by", visitationBy)
        sink.beginObject("tariff")
        sink.bool("published_on_tilbudsportalen", tariffPublished)
        sink.int("dkk_per_day", tariffDKK)
        sink.endObject()
        sink.bool("stay_free_of_charge", true)
        sink.beginObject("food")
        sink.string("scheme", paidMeals ? "paid_meals" : "self_catering")
        switch mealDKK {
        case .value(let price): sink.int("dkk_per_day", price)
        case .null: sink.null("dkk_per_day")
        case .absent: break
        }
        sink.endObject()
        sink.beginObject("safety")
        sink.bool("physical_security", true)
        sink.beginObject("procedures")
        sink.bool("women_and_children", true)
        sink.bool("staff", true)
        sink.bool("volunteers", volunteerProcedures)
        sink.endObject()
        sink.bool("assessment_at_admission", true)
        sink.endObject()
        sink.beginObject("staff")
        sink.words("specialised_knowledge", knowledge)
        sink.endObject()
        sink.beginObject("children_offer")
        sink.bool("individual_or_group_sessions", true)
        sink.bool("activities", true)
        sink.bool("mother_child_sessions", motherChildSessions)
        sink.bool("schooling_arrangement", schoolingArrangement)
        sink.endObject()
        sink.beginObject("psychologist")
        sink.bool("women", true)
        sink.bool("children", true)
        sink.bool("free_of_charge", true)
        sink.endObject()
        sink.bool("perpetrator_program_advice", true)
        sink.bool("stay_plan_offered", true)
        sink.beginObject("aftercare")
        sink.bool("offered", true)
        sink.words("forms", aftercareForms)
        sink.endObject()
        sink.beginObject("capacity")
        sink.int("places_women", placesWomen)
        sink.int("places_children", placesChildren)
        sink.endObject()
        if specialisations.isEmpty { sink.emptyList("specialisations") } else { sink.words("specialisations", specialisations) }
    }
}
