/// The outcome of one rule for one subject, with everything a report shows about it.
///
/// Most results are a bare outcome (compliant, not applicable) that is counted and dropped, so
/// the lists and the message only some results have live in one shared box, absent when all
/// are empty: making and freeing a bare result then counts no references at all, where three
/// empty lists and a missing text cost a retain and a release each, for every rule and subject.
public struct RuleResult: Sendable {
    public var outcome: Outcome
    public var due: CivilDate?
    public var daysLate: Int?
    private var details: Details?

    public init(
        outcome: Outcome, due: CivilDate? = nil, daysLate: Int? = nil, missing: [String] = [],
        evidence: [(path: String, value: Value?)] = [], legalBasis: [LegalReference] = [], errorMessage: String? = nil
    ) {
        self.outcome = outcome
        self.due = due
        self.daysLate = daysLate
        if !missing.isEmpty || !evidence.isEmpty || !legalBasis.isEmpty || errorMessage != nil {
            details = Details(missing: missing, evidence: evidence, legalBasis: legalBasis, errorMessage: errorMessage)
        }
    }

    /// Paths (relative to the subject) that were absent and kept the result open.
    public var missing: [String] {
        get { details?.missing ?? [] }
        set { editableDetails().missing = newValue }
    }

    /// The values the rule looked at, by path; `nil` means the field was not recorded.
    public var evidence: [(path: String, value: Value?)] {
        get { details?.evidence ?? [] }
        set { editableDetails().evidence = newValue }
    }

    /// The legal references in force on the subject's reference date.
    public var legalBasis: [LegalReference] {
        get { details?.legalBasis ?? [] }
        set { editableDetails().legalBasis = newValue }
    }

    /// Why the rule failed, for `.error`.
    public var errorMessage: String? {
        get { details?.errorMessage }
        set { editableDetails().errorMessage = newValue }
    }

    /// The box, made or copied first unless this result alone holds it (copy on write).
    private mutating func editableDetails() -> Details {
        if isKnownUniquelyReferenced(&details), let details { return details }
        let made = details.map { Details(missing: $0.missing, evidence: $0.evidence, legalBasis: $0.legalBasis, errorMessage: $0.errorMessage) }
            ?? Details(missing: [], evidence: [], legalBasis: [], errorMessage: nil)
        details = made
        return made
    }

    /// A reference type only so that a bare result needs none; changed only through
    /// `editableDetails()`, which copies a box another result shares first, so no two results
    /// (or threads) ever see one box change.
    private final class Details: @unchecked Sendable {
        var missing: [String]
        var evidence: [(path: String, value: Value?)]
        var legalBasis: [LegalReference]
        var errorMessage: String?

        init(missing: [String], evidence: [(path: String, value: Value?)], legalBasis: [LegalReference], errorMessage: String?) {
            self.missing = missing
            self.evidence = evidence
            self.legalBasis = legalBasis
            self.errorMessage = errorMessage
        }
    }
}

/// Shows the fields a result has, not its box: what `dump` and `String(reflecting:)` print
/// (tests compare results that way) stays what it was when they were stored properties.
extension RuleResult: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: [
            "outcome": outcome, "due": due as Any, "daysLate": daysLate as Any, "missing": missing,
            "evidence": evidence, "legalBasis": legalBasis, "errorMessage": errorMessage as Any,
        ], displayStyle: .struct)
    }
}

