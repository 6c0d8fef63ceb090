/// One synthetic child on a stay, drawn before it is written.
struct ChildPlan: Sendable {
    var id: SampleID
    var age: Int
    var exposed: Recorded<Bool>
    var notification: Recorded<Int>
    var safetyAssessment: Recorded<Int>
    var motherChildSessions = true
    var schooling: String
    var attendsSchoolOrDaycare: Bool
    var schoolDaycareAssessed: Recorded<Bool>
    var contactWithFather: Bool
    var handoverAssessed: Recorded<Bool>

    /// `done` turns the day an action was taken into what the record says on the as-of date.
    init(id: SampleID, admission: Int, rng: inout SplitMix64, done: (Int) -> Recorded<Int>) {
        self.id = id
        age = rng.below(18)
        let isExposed = rng.chance(0.9)
        exposed = .value(isExposed)
        // A notification made at any time counts; most are made on the day or the next few days.
        notification = isExposed ? done(admission + (rng.chance(0.6) ? 0 : rng.int(in: 1...3))) : .null
        safetyAssessment = done(admission)
        switch age {
        case 0..<6: schooling = "not_applicable"
        case 6...16: schooling = rng.chance(0.7) ? "enrolled" : "arranged"
        default: schooling = rng.chance(0.6) ? "enrolled" : "not_applicable"
        }
        switch age {
        case 0: attendsSchoolOrDaycare = false
        case 1..<6: attendsSchoolOrDaycare = rng.chance(0.7)
        default: attendsSchoolOrDaycare = schooling == "enrolled"
        }
        schoolDaycareAssessed = attendsSchoolOrDaycare ? .value(true) : .null
        contactWithFather = rng.chance(0.3)
        handoverAssessed = contactWithFather ? .value(true) : .null
    }

    var isSchoolAge: Bool { (6...16).contains(age) }

    func write(into sink: inout some RecordSink) {
        sink.id("child_id", id)
        sink.int("age", age)
        sink.bool("exposed_to_violence", exposed)
        sink.beginObject("notification")
        sink.date("date", notification)
        sink.endObject()
        sink.date("safety_assessment_date", safetyAssessment)
        sink.beginObject("offers")
        sink.bool("individual_or_group_sessions", true)
        sink.bool("activities", true)
        sink.bool("mother_child_sessions", motherChildSessions)
        sink.endObject()
        sink.string("schooling", schooling)
        sink.bool("attends_school_or_daycare", attendsSchoolOrDaycare)
        sink.bool("school_daycare_safety_assessed", schoolDaycareAssessed)
        sink.bool("contact_with_father", contactWithFather)
        sink.bool("handover_safety_assessed", handoverAssessed)
        sink.bool("psychologist_offered", true)
    }
}
