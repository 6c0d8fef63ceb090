import RuleDSL

/// A stay (`kind: case`) and its children, as DATA-MODEL.md describes them.
public enum CaseSchema {
    public static let sexes = ["female", "male", "other"]
    public static let referrers = ["self", "municipality", "police", "hospital", "hotline", "other_shelter", "other"]
    public static let deciders = ShelterSchema.visitationRoles
    public static let channels = ["phone", "letter", "email", "digital_post"]
    public static let chargeKinds = ["food", "stay", "interpreter", "psychologist", "other"]
    public static let interpreterPayers = ["home_municipality", "shelter", "woman", "other_municipality", "unsettled"]
    public static let destinations = ["own_home", "family", "other_shelter", "perpetrator_home", "other", "unknown"]
    public static let schooling = ["enrolled", "arranged", "none", "not_applicable"]

    public static let child = ObjectSchema(name: "child", fields: [
        F.id("child_id", "Barnets pseudonyme id", "The child's pseudonymous id"),
        F.int("age", "Alder i hele år ved indflytning", "Age in whole years at admission"),
        F.bool("exposed_to_violence", "Udsat for eller vidne til vold eller andre overgreb", "Exposed to or witnessed violence or other abuse"),
        F.object("notification", "notification", "Underretning til kommunen (Underretningspligt)", "Notification to the municipality", [
            F.date("date", "Dato for underretning (null = ikke foretaget)", "Date of the notification (null = not made)"),
        ]),
        F.date("safety_assessment_date", "Dato for sikkerhedsvurdering af barnet (null = ikke foretaget)", "Date of the child's safety assessment (null = not done)"),
        F.object("offers", "child_offers", "Tilbud til barnet", "Offers to the child", [
            F.bool("individual_or_group_sessions", "Samtaler og aktiviteter individuelt eller i grupper", "Individual or group sessions"),
            F.bool("activities", "Aktiviteter", "Activities"),
            F.bool("mother_child_sessions", "Mor/barn-samtaler", "Mother–child sessions"),
        ]),
        F.oneOf("schooling", schooling, "Skolegang under opholdet", "Schooling during the stay"),
        F.bool("attends_school_or_daycare", "Går i skole eller daginstitution under opholdet", "Attends school or day care during the stay"),
        F.bool("school_daycare_safety_assessed", "Sikkerhedsvurdering i forhold til skole/daginstitution", "Safety assessed for school or day care"),
        F.bool("contact_with_father", "Har samvær med faderen", "Has contact with the father"),
        F.bool("handover_safety_assessed", "Sikkerhedsvurdering af udlevering til samvær", "Safety of handovers for contact assessed"),
        F.bool("psychologist_offered", "Tilbudt gratis psykologsamtaler", "Offered free psychologist sessions"),
    ])

    public static let object = ObjectSchema(name: "case", fields: [
        F.oneOf("kind", ["case"], "Dokumenttype", "Document kind"),
        F.id("case_id", "Opholdets pseudonyme id", "The stay's pseudonymous id"),
        F.id("shelter_id", "Krisecentrets id (arves fra case-export)", "The shelter's id (inherited from a case-export)"),
        F.object("woman", "woman", "Kvinden", "The woman", [
            F.oneOf("sex", sexes, "Køn (Målgruppen)", "Sex (target group)"),
            F.int("age", "Alder", "Age"),
            F.bool("anonymous", "Henvendte sig eller bor anonymt", "Contacted or stays anonymously"),
            F.bool("needs_interpreter", "Har brug for tolk", "Needs an interpreter"),
            F.bool("without_means_on_arrival", "Stod uden midler ved ankomsten (Akut underhold)", "Arrived without means (acute subsistence)"),
        ]),
        F.object("contact", "contact", "Første henvendelse", "First contact", [
            F.date("first_contact_date", "Dato for første henvendelse", "Date of first contact"),
            F.oneOf("referred_by", referrers, "Henvist af", "Referred by"),
        ]),
        F.object("admission", "admission", "Indflytning (visitation)", "Admission (visitation)", [
            F.date("date", "Indflytningsdato", "Date of admission"),
            F.oneOf("decided_by", deciders, "Hvem traf afgørelse om indskrivning", "Who decided on the admission"),
            F.date("safety_assessment_date", "Dato for sikkerhedsvurdering (null = ikke foretaget)", "Date of the safety assessment (null = not done)"),
        ]),
        F.text("home_municipality", "Hidtidig bopælskommune (betalingskommune)", "Home municipality (pays the tariff)"),
        F.text("acting_municipality", "Handlekommune", "Acting municipality"),
        F.object("consents", "consents", "Kvindens samtykker", "The woman's consents", [
            F.bool("payment_contact", "Må kontakte betalingskommunen om takstbetaling", "May contact the paying municipality about the tariff"),
            F.bool("action_plan_contact", "Må kontakte handlekommunen om handleplan", "May contact the acting municipality about an action plan"),
        ]),
        F.object("notices", "notices", "Henvendelser til kommuner", "Notices to municipalities", [
            F.object("home_municipality", "home_notice", "Orientering af bopælskommunen (14 dage)", "Notice to the home municipality (14 days)", [
                F.date("date", "Dato (null = ikke sendt)", "Date (null = not sent)"),
                F.bool("included_name", "Kvindens navn blev oplyst", "The woman's name was given"),
                F.bool("included_cpr", "Kvindens cpr-nummer blev oplyst", "The woman's CPR number was given"),
            ]),
            F.object("payment_contact", "payment_notice", "Kontakt til betalingskommunen om takstbetaling", "Contact with the paying municipality about the tariff", [
                F.date("date", "Dato (null = ikke sket)", "Date (null = not made)"),
                F.oneOf("channel", channels, "Kanal", "Channel"),
            ]),
            F.object("action_plan", "action_plan_notice", "Kontakt til handlekommunen om handleplan", "Contact with the acting municipality about an action plan", [
                F.bool("needed", "Kvinden har behov for en handleplan", "The woman needs an action plan"),
                F.date("date", "Dato (null = ikke sket)", "Date (null = not made)"),
            ]),
            F.object("subsistence_request", "subsistence_notice", "Anmodning om akut underhold", "Request for acute subsistence", [
                F.date("date", "Dato (null = ikke anmodet)", "Date (null = not requested)"),
            ]),
        ]),
        F.field("charges", .list(.object(ObjectSchema(name: "charge", fields: [
            F.oneOf("kind", chargeKinds, "Hvad kvinden betalte for", "What the woman paid for"),
            F.int("amount_dkk", "Beløb i hele kroner", "Amount in whole DKK"),
        ]))), "Betalinger kvinden selv blev opkrævet", "Charges the woman herself paid"),
        F.object("interpreter", "interpreter", "Tolkebistand", "Interpreter", [
            F.bool("used", "Der blev brugt tolk", "An interpreter was used"),
            F.oneOf("paid_by", interpreterPayers, "Hvem betalte tolken", "Who paid the interpreter"),
        ]),
        F.object("stay_plan", "stay_plan", "Opholdsplan", "Stay plan", [
            F.date("offered_date", "Dato hvor opholdsplan blev tilbudt (null = ikke tilbudt)", "Date the stay plan was offered (null = not offered)"),
        ]),
        F.object("psychologist", "psychologist", "Psykolog (Behandling)", "Psychologist (treatment)", [
            F.bool("offered", "Kvinden blev tilbudt psykologsamtaler", "The woman was offered a psychologist"),
            F.bool("free_of_charge", "Psykologsamtalerne var gratis", "The sessions were free of charge"),
        ]),
        F.bool("perpetrator_program_advice_given", "Rådgivet om behandlingstilbud til voldsudøvende mænd", "Advised about treatment offers for violent men"),
        F.object("departure", "departure", "Udflytning (fravær eller null = opholdet er i gang)", "Departure (absent or null = stay ongoing)", absentMeans: .null, [
            F.date("date", "Udflytningsdato", "Date of departure"),
            F.oneOf("destination", destinations, "Hvor kvinden flyttede hen", "Where the woman moved to"),
            F.bool("safety_plan_for_new_home", "Sikkerhedsplanlægning i den kommende bolig", "Safety planning for the new home"),
            F.bool("aftercare_offered", "Tilbudt efterværn", "Offered aftercare"),
        ]),
        F.field("children", .list(.object(child)), "Børn med på opholdet", "Children on the stay"),
    ])

    /// The envelope of a case export; its `cases` are validated one by one as records of their own.
    public static let export = ObjectSchema(name: "case-export", fields: [
        F.oneOf("kind", ["case-export"], "Dokumenttype", "Document kind"),
        F.id("shelter_id", "Krisecentrets id; gælder for alle sager uden eget", "The shelter's id; applies to every case without its own"),
        F.field("exported_at", .date, required: true, "Eksportdato", "Date of the export"),
        F.field("cases", .list(.dyn), required: true, "Sagerne", "The cases"),
    ])
}
