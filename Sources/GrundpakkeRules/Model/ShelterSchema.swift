import RuleDSL

/// The shelter profile (`kind: shelter`) of DATA-MODEL.md, field by field.
public enum ShelterSchema {
    public static let visitationRoles = ["leader", "deputy", "staff", "municipality", "other"]
    public static let foodSchemes = ["self_catering", "paid_meals"]
    public static let knowledgeAreas = ["violence", "crisis", "trauma"]
    public static let aftercareForms = ["home_visits", "network_groups", "group_work", "return_for_advice", "family_counsellor"]
    public static let specialisations = [
        "long_term", "disability_access", "intellectual_disability", "honour_related",
        "trafficking", "drug_prostitution", "dual_diagnosis",
    ]

    public static let object = ObjectSchema(name: "shelter", fields: [
        F.oneOf("kind", ["shelter"], "Dokumenttype", "Document kind"),
        F.id("shelter_id", "Krisecentrets pseudonyme id", "The shelter's pseudonymous id"),
        F.text("name", "Krisecentrets navn", "The shelter's name"),
        F.text("municipality", "Beliggenhedskommune", "Municipality the shelter is in"),
        F.bool("admits_men", "Kan mænd indskrives? (Målgruppen)", "Can men be admitted? (target group)"),
        F.bool("outpatient_counselling", "Tilbyder ambulant rådgivning", "Offers outpatient counselling"),
        F.bool("acute_24h", "Kan hjælpe kvinder, der henvender sig, døgnet rundt (Akutfunktion)", "Can help women who call at any hour (acute function)"),
        F.bool("self_referral", "Kvinder kan selv henvende sig (Selvmøderprincippet)", "Women can refer themselves"),
        F.bool("anonymous_admission", "Kvinder kan henvende sig anonymt (Anonymitet)", "Women can come anonymously"),
        F.oneOf("visitation_by", visitationRoles, "Hvem træffer afgørelse om indskrivning (Visitation)", "Who decides on admission (visitation)"),
        F.object("tariff", "tariff", "Takst", "Tariff", [
            F.bool("published_on_tilbudsportalen", "Taksten fremgår af Tilbudsportalen", "The tariff is published on Tilbudsportalen"),
            F.int("dkk_per_day", "Takst pr. døgn i kr.", "Tariff per day in DKK"),
        ]),
        F.bool("stay_free_of_charge", "Opholdet er gratis for kvinder og børn", "The stay is free for women and children"),
        F.object("food", "food", "Kostordning (Betaling for kost)", "Food scheme (payment for food)", [
            F.oneOf("scheme", foodSchemes, "Kvinderne sørger selv for kost, eller betaler for måltider", "Self-catering or paid meals"),
            F.int("dkk_per_day", "Kostpris pr. dag i kr.", "Food price per day in DKK"),
        ]),
        F.object("safety", "safety", "Sikkerhed og beskyttelse", "Safety and protection", [
            F.bool("physical_security", "De fysiske rammer er sikrede", "The premises are physically secured"),
            F.object("procedures", "safety_procedures", "Skriftlige sikkerhedsprocedurer for …", "Written safety procedures for …", [
                F.bool("women_and_children", "… kvinder og børn", "… women and children"),
                F.bool("staff", "… ansatte", "… staff"),
                F.bool("volunteers", "… frivillige", "… volunteers"),
            ]),
            F.bool("assessment_at_admission", "Sikkerhedsvurdering som en del af visitationen", "Safety assessment as part of visitation"),
        ]),
        F.object("staff", "staff", "Personale", "Staff", [
            F.field("specialised_knowledge", .list(.enumeration(knowledgeAreas)),
                "Ansattes specialiserede viden (violence, crisis, trauma)", "Staff's specialised knowledge (violence, crisis, trauma)"),
        ]),
        F.object("children_offer", "children_offer", "Tilbud til børn", "Offer for children", [
            F.bool("individual_or_group_sessions", "Samtaler og aktiviteter med børn individuelt eller i grupper", "Individual or group sessions with children"),
            F.bool("activities", "Aktiviteter for børn", "Activities for children"),
            F.bool("mother_child_sessions", "Mor/barn-samtaler og aktiviteter", "Mother–child sessions and activities"),
            F.bool("schooling_arrangement", "Børn i skolealderen får undervisning", "School-age children receive teaching"),
        ]),
        F.object("psychologist", "psychologist_offer", "Psykologtilbud (Behandling)", "Psychologist (treatment)", [
            F.bool("women", "Kvinder tilbydes psykologsamtaler", "Women are offered a psychologist"),
            F.bool("children", "Børn tilbydes psykologsamtaler", "Children are offered a psychologist"),
            F.bool("free_of_charge", "Psykologsamtalerne er gratis", "The psychologist is free of charge"),
        ]),
        F.bool("perpetrator_program_advice", "Rådgiver om behandlingstilbud til voldsudøvende mænd", "Advises on treatment offers for violent men"),
        F.bool("stay_plan_offered", "Tilbyder en opholdsplan", "Offers a stay plan"),
        F.object("aftercare", "aftercare", "Efterværn", "Aftercare", [
            F.bool("offered", "Tilbyder efterværn", "Offers aftercare"),
            F.field("forms", .list(.enumeration(aftercareForms)), "Former for efterværn", "Forms of aftercare"),
        ]),
        F.object("capacity", "capacity", "Pladskapacitet", "Capacity", [
            F.int("places_women", "Pladser til kvinder", "Places for women"),
            F.int("places_children", "Pladser til børn", "Places for children"),
        ]),
        F.field("specialisations", .list(.enumeration(specialisations)), "Specialtilbud", "Specialised offers"),
    ])
}
