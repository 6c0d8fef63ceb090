/// One synthetic stay, drawn before it is written: realistic dates relative to the admission and
/// the as-of date, good practice for most stays and one to three slips for the rest.
struct CasePlan: Sendable {
    struct Departure: Sendable {
        var day: Int
        var destination: String
        var safetyPlan: Recorded<Bool>
        var aftercare: Recorded<Bool>
    }

    var id: SampleID
    var shelterID: String
    var sex = "female"
    var age: Recorded<Int>
    var anonymous: Bool
    var needsInterpreter: Bool
    var withoutMeans: Bool
    var firstContact: Int
    var referredBy: Recorded<String>
    var admission: Int
    var decidedBy = "leader"
    var safetyAssessment: Recorded<Int>
    var homeMunicipality: String
    var actingMunicipality: Recorded<String>
    var consentsRecorded: Bool
    var paymentConsent: Bool
    var actionPlanConsent: Bool
    var homeNotice: Recorded<Int>
    var includedName: Bool
    var includedCPR: Bool
    var paymentContact: Recorded<Int>
    var channel: String
    var actionPlanRecorded: Bool
    var actionPlanNeeded: Bool
    var actionPlanDate: Recorded<Int>
    var subsistenceRequest: Recorded<Int>
    var foodCharge: Int?
    var stayCharge: Int?
    var interpreterUsed: Bool
    var interpreterPaidBy = "home_municipality"
    var stayPlan: Recorded<Int>
    var psychologist: (offered: Bool, free: Bool)?
    var perpetratorAdvice: Recorded<Bool>
    /// Nil while the stay is ongoing.
    var departure: Departure?
    /// For an ongoing stay: `departure: null` rather than no key.
    var ongoingAsNull: Bool
    var children: [ChildPlan]

    static let referrers = ["self", "municipality", "police", "hospital", "hotline", "other_shelter", "other"]
    static let referrerWeights = [35, 15, 15, 8, 15, 7, 5]
    static let channels = ["phone", "email", "digital_post", "letter"]
    static let channelWeights = [45, 25, 20, 10]
    static let destinations = ["own_home", "family", "other_shelter", "perpetrator_home", "other", "unknown"]
    static let destinationWeights = [40, 15, 10, 5, 20, 10]
    static let wrongPayers = ["shelter", "woman", "other_municipality", "unsettled"]

    init(id: SampleID, shelter: ShelterPlan, admission: Int, asOf: Int, goodShare: Double, rng: inout SplitMix64) {
        self.id = id
        shelterID = shelter.shelterID
        self.admission = admission
        let slips = SampleDeficiency.draw(goodShare: goodShare, rng: &rng)
        let gaps = SampleGaps.draw(rng: &rng)

        // The stay: from one day to about a year; ongoing when it would end after the as-of date.
        let lengthBand = rng.below(100)
        let length = lengthBand < 12 ? rng.int(in: 1...14) : lengthBand < 40 ? rng.int(in: 15...89)
            : lengthBand < 88 ? rng.int(in: 90...240) : rng.int(in: 241...365)
        let leaves = admission + length
        let departed = leaves <= asOf
        ongoingAsNull = rng.chance(0.3)
        // What the record says about an action taken on `day`: not yet done after the as-of date,
        // and never after she moved out.
        let done: (Int) -> Recorded<Int> = { day in
            if day > asOf { return .null }
            return .value(departed ? min(day, leaves) : day)
        }

        if rng.chance(0.004) { sex = rng.chance(0.5) ? "male" : "other" }
        age = gaps.contains(.age) ? .absent : .value(18 + rng.below(20) + rng.below(20) + (rng.chance(0.1) ? rng.below(15) : 0))
        anonymous = rng.chance(0.08)
        needsInterpreter = rng.chance(0.18)
        withoutMeans = rng.chance(0.12)
        firstContact = admission - (rng.chance(0.6) ? 0 : rng.chance(0.75) ? rng.int(in: 1...3) : rng.int(in: 4...30))
        referredBy = gaps.contains(.referredBy) ? .absent : .value(Self.referrers[rng.weighted(Self.referrerWeights)])
        if slips.contains(.decidedByMunicipality) { decidedBy = rng.pick(["municipality", "deputy", "staff"]) }
        safetyAssessment = slips.contains(.noSafetyAssessment) ? .null
            : done(admission + (slips.contains(.lateSafetyAssessment) ? rng.int(in: 1...3) : 0))

        let municipalities = SampleVocabulary.municipalities
        homeMunicipality = rng.chance(0.55) ? shelter.municipality : rng.pick(municipalities)
        actingMunicipality = gaps.contains(.actingMunicipality) ? .absent
            : .value(rng.chance(0.92) ? homeMunicipality : rng.pick(municipalities))
        consentsRecorded = !gaps.contains(.consents)
        paymentConsent = rng.chance(0.92)
        actionPlanConsent = rng.chance(0.75)

        homeNotice = slips.contains(.noHomeNotice) ? .null : done(admission + rng.int(in: 2...13))
        includedName = anonymous ? slips.contains(.anonymousNamed) : rng.chance(0.7)
        includedCPR = anonymous ? false : rng.chance(0.5)
        let workingDay = slips.contains(.latePaymentContact) ? rng.int(in: 4...7) : rng.int(in: 1...3)
        paymentContact = paymentConsent ? done(SampleCalendar.nthWorkingDay(from: admission, n: workingDay)) : .null
        channel = Self.channels[rng.weighted(Self.channelWeights)]
        actionPlanRecorded = !gaps.contains(.actionPlan)
        actionPlanNeeded = rng.chance(0.65)
        actionPlanDate = actionPlanNeeded && actionPlanConsent && !slips.contains(.noActionPlanContact)
            ? done(admission + rng.int(in: 3...20)) : .null
        subsistenceRequest = withoutMeans && !slips.contains(.noSubsistenceRequest) ? done(admission + rng.int(in: 0...2)) : .null

        let daysStayed = min(departed ? length : asOf - admission, 365) + 1
        if shelter.paidMeals {
            if case .value(let price) = shelter.mealDKK { foodCharge = price * daysStayed } else { foodCharge = 60 * daysStayed }
        }
        if slips.contains(.chargedForStay) { stayCharge = rng.int(in: 5...30) * 100 }
        interpreterUsed = needsInterpreter ? rng.chance(0.9) : rng.chance(0.03)
        if interpreterUsed, !slips.isEmpty, slips.contains(.interpreterWrongPayer) || rng.chance(0.4) {
            interpreterPaidBy = rng.pick(Self.wrongPayers)
        }
        stayPlan = gaps.contains(.stayPlan) ? .absent
            : slips.contains(.noStayPlan) ? .null : done(admission + rng.int(in: 1...7))
        let treated = !slips.contains(.noPsychologist)
        psychologist = gaps.contains(.psychologist) ? nil : (treated, treated)
        perpetratorAdvice = gaps.contains(.perpetratorAdvice) ? .absent : .value(!slips.contains(.noPerpetratorAdvice))

        if departed {
            let destination = Self.destinations[rng.weighted(Self.destinationWeights)]
            let toOwnHome = destination == "own_home" || destination == "family"
            let safetyPlan: Recorded<Bool> = toOwnHome ? .value(!slips.contains(.noSafetyPlan)) : rng.chance(0.5) ? .null : .value(false)
            let aftercare: Recorded<Bool> = gaps.contains(.aftercare) ? .absent
                : destination == "other_shelter" ? .value(false) : .value(!slips.contains(.noAftercare))
            departure = Departure(day: leaves, destination: destination, safetyPlan: safetyPlan, aftercare: aftercare)
        }

        children = []
        guard rng.chance(0.5) else { return }
        let count = 1 + rng.weighted([55, 30, 10, 5])
        children.reserveCapacity(count)
        for position in 1...count {
            var childID = id
            childID.child = position
            children.append(ChildPlan(id: childID, admission: admission, rng: &rng, done: done))
        }
        applyChildSlips(slips, gaps: gaps)
    }

    /// Child slips land on the first child they can apply to.
    private mutating func applyChildSlips(_ slips: SampleDeficiency, gaps: SampleGaps) {
        if gaps.contains(.childExposure) { children[0].exposed = .absent }
        if slips.contains(.childOffersMissing) { children[0].motherChildSessions = false }
        if slips.contains(.childNotNotified), let index = children.firstIndex(where: { if case .value(true) = $0.exposed { true } else { false } }) {
            children[index].notification = .null
        }
        if slips.contains(.childWithoutSchooling), let index = children.firstIndex(where: \.isSchoolAge) {
            children[index].schooling = "none"
            children[index].attendsSchoolOrDaycare = false
            children[index].schoolDaycareAssessed = .null
        }
        if slips.contains(.handoverNotAssessed), let index = children.firstIndex(where: \.contactWithFather) {
            children[index].handoverAssessed = .value(false)
        }
    }

    var isOngoing: Bool { departure == nil }
}
