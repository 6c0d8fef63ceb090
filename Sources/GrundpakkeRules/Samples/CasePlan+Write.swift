extension CasePlan {
    /// Writes the stay's fields in the order of the input model. `withKind` and `withShelter`
    /// leave out what a case-export already says.
    func write(into sink: inout some RecordSink, withKind: Bool, withShelter: Bool) {
        if withKind { sink.string("kind", "case") }
        sink.id("case_id", id)
        if withShelter { sink.string("shelter_id", shelterID) }
        sink.beginObject("woman")
        sink.string("sex", sex)
        if case .value(let years) = age { sink.int("age", years) }
        sink.bool("anonymous", anonymous)
        sink.bool("needs_interpreter", needsInterpreter)
        sink.bool("without_means_on_arrival", withoutMeans)
        sink.endObject()
        sink.beginObject("contact")
        sink.date("first_contact_date", firstContact)
        if case .value(let referrer) = referredBy { sink.string("referred_by", referrer) }
        sink.endObject()
        sink.beginObject("admission")
        sink.date("date", admission)
        sink.string("decided_by", decidedBy)
        sink.date("safety_assessment_date", safetyAssessment)
        sink.endObject()
        sink.string("home_municipality", homeMunicipality)
        if case .value(let acting) = actingMunicipality { sink.string("acting_municipality", acting) }
        if consentsRecorded {
            sink.beginObject("consents")
            sink.bool("payment_contact", paymentConsent)
            sink.bool("action_plan_contact", actionPlanConsent)
            sink.endObject()
        }
        writeNotices(into: &sink)
        writeCharges(into: &sink)
        sink.beginObject("interpreter")
        sink.bool("used", interpreterUsed)
        if interpreterUsed { sink.string("paid_by", interpreterPaidBy) }
        sink.endObject()
        if case .absent = stayPlan {} else {
            sink.beginObject("stay_plan")
            sink.date("offered_date", stayPlan)
            sink.endObject()
        }
        if let psychologist {
            sink.beginObject("psychologist")
            sink.bool("offered", psychologist.offered)
            sink.bool("free_of_charge", psychologist.free)
            sink.endObject()
        }
        sink.bool("perpetrator_program_advice_given", perpetratorAdvice)
        writeDeparture(into: &sink)
        if children.isEmpty {
            sink.emptyList("children")
        } else {
            sink.beginList("children")
            for child in children {
                sink.beginItem()
                child.write(into: &sink)
                sink.endItem()
            }
            sink.endList()
        }
    }

    private func writeNotices(into sink: inout some RecordSink) {
        sink.beginObject("notices")
        sink.beginObject("home_municipality")
        sink.date("date", homeNotice)
        if case .value = homeNotice {
            sink.bool("included_name", includedName)
            sink.bool("included_cpr", includedCPR)
        }
        sink.endObject()
        sink.beginObject("payment_contact")
        sink.date("date", paymentContact)
        if case .value = paymentContact { sink.string("channel", channel) }
        sink.endObject()
        if actionPlanRecorded {
            sink.beginObject("action_plan")
            sink.bool("needed", actionPlanNeeded)
            sink.date("date", actionPlanDate)
            sink.endObject()
        }
        sink.beginObject("subsistence_request")
        sink.date("date", subsistenceRequest)
        sink.endObject()
        sink.endObject()
    }

    private func writeCharges(into sink: inout some RecordSink) {
        guard foodCharge != nil || stayCharge != nil else {
            sink.emptyList("charges")
            return
        }
        sink.beginList("charges")
        if let foodCharge { charge("food", foodCharge, into: &sink) }
        if let stayCharge { charge("stay", stayCharge, into: &sink) }
        sink.endList()
    }

    private func charge(_ kind: String, _ amount: Int, into sink: inout some RecordSink) {
        sink.beginItem()
        sink.string("kind", kind)
        sink.int("amount_dkk", amount)
        sink.endItem()
    }

    private func writeDeparture(into sink: inout some RecordSink) {
        guard let departure else {
            if ongoingAsNull { sink.null("departure") }
            return
        }
        sink.beginObject("departure")
        sink.date("date", departure.day)
        sink.string("destination", departure.destination)
        sink.bool("safety_plan_for_new_home", departure.safetyPlan)
        sink.bool("aftercare_offered", departure.aftercare)
        sink.endObject()
    }
}
