/// A rule as its author wrote it: metadata, expressions (still text), and examples.
public struct Rule: Sendable {
    public enum Level: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The standard states a duty.
        case requirement
        /// The standard recommends or asks to work towards.
        case recommendation

        public static func < (lhs: Level, rhs: Level) -> Bool {
            lhs == .recommendation && rhs == .requirement
        }
    }

    public var id: String
    public var level: Level
    /// The name of the subject the rule judges (e.g. `case`), as the domain defines subjects.
    public var subject: String
    /// The heading of the standard the rule cites.
    public var section: String
    public var title: LocalizedText
    /// The finding's text; `{path}`, `{due}`, `{days_late}` and `{as_of}` are filled in.
    public var message: LocalizedText
    public var legalBasis: [LegalReference]
    /// Named constants the expressions read as `params.NAME`.
    public var params: [(name: String, value: Value)]
    public var when: RuleExpression?
    public var check: Check
    public var evidence: [RuleExpression]
    public var examples: [RuleExample]
    public var location: SourceLocation

    /// What makes the rule hold.
    public enum Check: Sendable {
        /// A condition that must be true.
        case require(RuleExpression)
        /// A duty with a due date: done when the earliest of the `done` dates is on or before `due`.
        case deadline(due: RuleExpression, done: [RuleExpression])
    }

    public var isDeadline: Bool {
        if case .deadline = check { return true }
        return false
    }
}

/// Expression text together with where it was written, so errors point into the rule file.
public struct RuleExpression: Sendable {
    public var text: String
    public var origin: SourceOrigin

    public init(text: String, origin: SourceOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// A legal provision, possibly in force only for a period (both ends inclusive).
public struct LegalReference: Sendable, Hashable {
    public var law: String
    public var provision: String
    public var validFrom: CivilDate?
    public var validTo: CivilDate?

    public init(law: String, provision: String, validFrom: CivilDate? = nil, validTo: CivilDate? = nil) {
        self.law = law
        self.provision = provision
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func isInForce(on date: CivilDate) -> Bool {
        if let validFrom, date < validFrom { return false }
        if let validTo, date > validTo { return false }
        return true
    }

    /// `Barnets Lov § 133`.
    public var citation: String { "\(law) \(provision)" }
}

/// One worked example inside a rule file: input documents and the outcome they must give.
public struct RuleExample: Sendable {
    public var name: String
    /// The documents bound to the subject's variables, by variable name (partial is fine).
    public var documents: [(variable: String, node: Node)]
    public var asOf: CivilDate?
    public var expected: Outcome
    public var expectedDue: CivilDate?
    public var expectedDaysLate: Int?
    public var expectedMissing: [String]?
    public var location: SourceLocation
}
