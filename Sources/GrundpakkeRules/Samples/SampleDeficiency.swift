/// The slips a synthetic stay can have. A stay with good practice has none; a deficient stay
/// draws one to three, each of which breaks one rule of the Grundpakke when it applies.
struct SampleDeficiency: OptionSet, Sendable {
    let rawValue: UInt32

    static let lateSafetyAssessment = Self(rawValue: 1 << 0)
    static let noSafetyAssessment = Self(rawValue: 1 << 1)
    static let latePaymentContact = Self(rawValue: 1 << 2)
    static let noHomeNotice = Self(rawValue: 1 << 3)
    static let anonymousNamed = Self(rawValue: 1 << 4)
    static let chargedForStay = Self(rawValue: 1 << 5)
    static let interpreterWrongPayer = Self(rawValue: 1 << 6)
    static let noStayPlan = Self(rawValue: 1 << 7)
    static let noPsychologist = Self(rawValue: 1 << 8)
    static let noPerpetratorAdvice = Self(rawValue: 1 << 9)
    static let noSafetyPlan = Self(rawValue: 1 << 10)
    static let noAftercare = Self(rawValue: 1 << 11)
    static let childNotNotified = Self(rawValue: 1 << 12)
    static let childOffersMissing = Self(rawValue: 1 << 13)
    static let childWithoutSchooling = Self(rawValue: 1 << 14)
    static let handoverNotAssessed = Self(rawValue: 1 << 15)
    static let decidedByMunicipality = Self(rawValue: 1 << 16)
    static let noSubsistenceRequest = Self(rawValue: 1 << 17)
    static let noActionPlanContact = Self(rawValue: 1 << 18)

    static let count = 19

    /// One to three slips, or none with probability `goodShare`.
    static func draw(goodShare: Double, rng: inout SplitMix64) -> SampleDeficiency {
        guard !rng.chance(goodShare) else { return [] }
        var slips: SampleDeficiency = []
        for _ in 0..<rng.int(in: 1...3) {
            slips.insert(SampleDeficiency(rawValue: 1 << UInt32(rng.below(count))))
        }
        return slips
    }
}

/// Fields a sparsely recorded stay leaves out (absent = not recorded).
struct SampleGaps: OptionSet, Sendable {
    let rawValue: UInt16

    static let age = Self(rawValue: 1 << 0)
    static let referredBy = Self(rawValue: 1 << 1)
    static let actingMunicipality = Self(rawValue: 1 << 2)
    static let consents = Self(rawValue: 1 << 3)
    static let actionPlan = Self(rawValue: 1 << 4)
    static let psychologist = Self(rawValue: 1 << 5)
    static let aftercare = Self(rawValue: 1 << 6)
    static let perpetratorAdvice = Self(rawValue: 1 << 7)
    static let childExposure = Self(rawValue: 1 << 8)
    static let stayPlan = Self(rawValue: 1 << 9)

    static let count = 10

    /// Usually nothing; for about one stay in sixteen, one to three fields.
    static func draw(rng: inout SplitMix64) -> SampleGaps {
        guard rng.chance(0.06) else { return [] }
        var gaps: SampleGaps = []
        for _ in 0..<rng.int(in: 1...3) {
            gaps.insert(SampleGaps(rawValue: 1 << UInt16(rng.below(count))))
        }
        return gaps
    }
}
