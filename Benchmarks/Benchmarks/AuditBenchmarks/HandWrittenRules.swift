import GrundpakkeRules
import RuleDSL

/// The 8-rule subset (GP-C04, GP-C06, GP-C07, GP-C09, GP-C14, GP-B02, GP-B03, GP-B04) coded
/// directly in Swift over the same `InputRecord` values the interpreter sees: the "no
/// interpreter" limit the issue asks for.
///
/// The outcome semantics are the engine's, reproduced by hand:
/// - selecting an absent key is *missing* (with the path, relative to the subject as `judge`
///   reports it); a `null` value, or any field of a `null` object, reads as `null`, which a bool
///   field reads as `false` and a list as `[]`;
/// - `&&`, `||` and `exists` absorb missing data and failures when another operand decides;
///   otherwise a failure wins over missing data and missing paths are pooled;
/// - `==`, `<=`, function calls and `!` are strict; ordering `null` against a number or date is a
///   failure (an `error` outcome), as in the interpreter;
/// - deadlines: done ≤ due → compliant; a done date absent → incomplete; done > due → late;
///   nothing done and due passed → overdue; otherwise pending.
///
/// Rule parameters (3 working days, 3 months, ages 6–16) are constants here, as hand-written code
/// would have them. Shared sub-expressions (the admission date, a due date) are read once.
struct HandWrittenRules: Sendable {
    let asOf: CivilDate
    let calendar: WorkingDayCalendar

    init(asOf: CivilDate, calendar: WorkingDayCalendar = .danish) {
        self.asOf = asOf
        self.calendar = calendar
    }

    static let caseRuleIDs = ["GP-C04", "GP-C06", "GP-C07", "GP-C09", "GP-C14"]
    static let childRuleIDs = ["GP-B02", "GP-B03", "GP-B04"]

    /// The case rules on one case, in `caseRuleIDs` order, handed to `body`.
    @inline(__always)
    func judgeCase(_ document: Value, _ body: (Int, RuleResult) -> Void) {
        let root = Got<Value>.ok(document)
        let admission = field(root, K.admission, "admission")
        let admissionDate = field(admission, K.date, "admission.date")
        let departure = field(root, K.departure, "departure")
        let departureDate = field(departure, K.date, "departure.date")
        let notices = field(root, K.notices, "notices")
        body(0, gpC04(root, admissionDate: admissionDate, departureDate: departureDate, notices: notices))
        body(1, gpC06(root, admissionDate: admissionDate, notices: notices))
        let charges = field(root, K.charges, "charges")
        body(2, gpC07(charges))
        body(3, gpC09(root, charges: charges))
        body(4, gpC14(departure: departure, departureDate: departureDate, admissionDate: admissionDate))
    }

    /// The child rules on one child with its case, in `childRuleIDs` order.
    @inline(__always)
    func judgeChild(_ child: Value, of caseDocument: Value, _ body: (Int, RuleResult) -> Void) {
        let root = Got<Value>.ok(child)
        body(0, gpB02(root))
        body(1, gpB03(root))
        body(2, gpB04(root, caseDocument: caseDocument))
    }

    // MARK: Case rules

    /// GP-C04: `when` departure.date == null || departure.date >= due_after_days(admission.date, 14)
    /// || notices.home_municipality.date != null || notices.payment_contact.date != null;
    /// deadline due_after_days(admission.date, 14), done = either notice date.
    func gpC04(_ root: Got<Value>, admissionDate: Got<Value>, departureDate: Got<Value>, notices: Got<Value>) -> RuleResult {
        let homeDate = field(field(notices, K.homeMunicipality, "notices.home_municipality"), K.date, "notices.home_municipality.date")
        let paymentDate = field(field(notices, K.paymentContact, "notices.payment_contact"), K.date, "notices.payment_contact.date")
        let due = dueAfterDays(admissionDate, 14)
        let applies = or(
            or(or(isNull(departureDate), ordered(departureDate, due, accept: { $0 >= 0 })), isNull(homeDate).negated),
            isNull(paymentDate).negated)
        if let early = gate(applies) { return early }
        return deadline(due: due, homeDate, paymentDate)
    }

    /// GP-C06: `when` consents.payment_contact; deadline nth_working_day(admission.date, 3), done
    /// notices.payment_contact.date.
    func gpC06(_ root: Got<Value>, admissionDate: Got<Value>, notices: Got<Value>) -> RuleResult {
        let consent = boolField(field(field(root, K.consents, "consents"), K.paymentContact, "consents.payment_contact"))
        if let early = gate(consent) { return early }
        let due: Got<Value> = admissionDate.flatMap { value in
            guard case .date(let start) = value, let day = calendar.nthWorkingDay(from: start, n: 3) else { return .failure }
            return .ok(.date(day))
        }
        let paymentDate = field(field(notices, K.paymentContact, "notices.payment_contact"), K.date, "notices.payment_contact.date")
        return deadline(due: due, paymentDate, nil)
    }

    /// GP-C07: require !charges.exists(c, c.kind in ["stay", "other"] && c.amount_dkk > 0).
    func gpC07(_ charges: Got<Value>) -> RuleResult {
        let charged = exists(charges, path: "charges[]") { charge in
            let kind = field(charge, K.kind, "charges[].kind").map { value -> Bool in
                if case .string(let text) = value { return text == "stay" || text == "other" }
                return false
            }
            return and(kind, positive(field(charge, K.amount, "charges[].amount_dkk")))
        }
        return require(charged.negated)
    }

    /// GP-C09: `when` interpreter.used; require interpreter.paid_by == "home_municipality" &&
    /// !charges.exists(c, c.kind == "interpreter" && c.amount_dkk > 0).
    func gpC09(_ root: Got<Value>, charges: Got<Value>) -> RuleResult {
        let interpreter = field(root, K.interpreter, "interpreter")
        if let early = gate(boolField(field(interpreter, K.used, "interpreter.used"))) { return early }
        let paidByHome = equalsText(field(interpreter, K.paidBy, "interpreter.paid_by"), "home_municipality")
        let result = and(paidByHome, exists(charges, path: "charges[]") { charge in
            and(equalsText(field(charge, K.kind, "charges[].kind"), "interpreter"),
                positive(field(charge, K.amount, "charges[].amount_dkk")))
        }.negated)
        return require(result)
    }

    /// GP-C14: `when` departure.date != null && departure.destination != "other_shelter";
    /// require departure.date >= add_months(admission.date, 3).
    func gpC14(departure: Got<Value>, departureDate: Got<Value>, admissionDate: Got<Value>) -> RuleResult {
        let leftForElsewhere = and(isNull(departureDate).negated,
                                   equalsText(field(departure, K.destination, "departure.destination"), "other_shelter").negated)
        if let early = gate(leftForElsewhere) { return early }
        let threeMonths: Got<Value> = admissionDate.flatMap { value in
            guard case .date(let start) = value, let day = start.adding(months: 3) else { return .failure }
            return .ok(.date(day))
        }
        return require(ordered(departureDate, threeMonths, accept: { $0 >= 0 }))
    }

    // MARK: Child rules

    /// GP-B02: require offers.individual_or_group_sessions && offers.activities && offers.mother_child_sessions.
    func gpB02(_ child: Got<Value>) -> RuleResult {
        let offers = field(child, K.offers, "offers")
        let sessions = boolField(field(offers, K.sessions, "offers.individual_or_group_sessions"))
        let activities = boolField(field(offers, K.activities, "offers.activities"))
        let motherChild = boolField(field(offers, K.motherChild, "offers.mother_child_sessions"))
        return require(and(and(sessions, activities), motherChild))
    }

    /// GP-B03: `when` age >= 6 && age <= 16; require schooling in ["enrolled", "arranged"].
    func gpB03(_ child: Got<Value>) -> RuleResult {
        let age = field(child, K.age, "age")
        let schoolAge = and(ordered(age, 6, accept: { $0 >= 0 }), ordered(age, 16, accept: { $0 <= 0 }))
        if let early = gate(schoolAge) { return early }
        let schooled = field(child, K.schooling, "schooling").map { value -> Bool in
            if case .string(let text) = value { return text == "enrolled" || text == "arranged" }
            return false
        }
        return require(schooled)
    }

    /// GP-B04: `when` exposed_to_violence; deadline due case.admission.date, done
    /// (notification.date == null ? null : case.admission.date).
    func gpB04(_ child: Got<Value>, caseDocument: Value) -> RuleResult {
        if let early = gate(boolField(field(child, K.exposed, "exposed_to_violence"))) { return early }
        let admissionDate = field(field(.ok(caseDocument), K.admission, "case.admission"), K.date, "case.admission.date")
        let notified = isNull(field(field(child, K.notification, "notification"), K.date, "notification.date"))
        let done: Got<Value>
        switch notified {
        case .ok(true): done = .ok(.null)
        case .ok(false): done = admissionDate
        case .missing(let paths): done = .missing(paths)
        case .failure: done = .failure
        }
        return deadline(due: admissionDate, done, nil)
    }

    // MARK: Outcomes

    /// A `when` condition: nil when it holds (go on), else the outcome it settles.
    @inline(__always)
    private func gate(_ condition: Got<Bool>) -> RuleResult? {
        switch condition {
        case .ok(true): return nil
        case .ok(false): return RuleResult(outcome: .notApplicable)
        case .missing(let paths): return RuleResult(outcome: .incomplete, missing: sortedPaths(paths))
        case .failure: return RuleResult(outcome: .error)
        }
    }

    @inline(__always)
    private func require(_ condition: Got<Bool>) -> RuleResult {
        switch condition {
        case .ok(true): return RuleResult(outcome: .compliant)
        case .ok(false): return RuleResult(outcome: .noncompliant)
        case .missing(let paths): return RuleResult(outcome: .incomplete, missing: sortedPaths(paths))
        case .failure: return RuleResult(outcome: .error)
        }
    }

    /// The deadline outcomes for a due date and up to two done dates.
    private func deadline(due dueValue: Got<Value>, _ first: Got<Value>, _ second: Got<Value>?) -> RuleResult {
        let due: CivilDate
        switch dueValue {
        case .ok(.date(let date)): due = date
        case .ok: return RuleResult(outcome: .error)
        case .missing(let paths): return RuleResult(outcome: .incomplete, missing: sortedPaths(paths))
        case .failure: return RuleResult(outcome: .error)
        }
        var earliest: CivilDate?
        var missing: [String] = []
        /// False when the done date is broken (not a date, or a failure).
        func consider(_ done: Got<Value>?) -> Bool {
            switch done {
            case nil, .ok(.null)?: return true
            case .ok(.date(let date))?: if earliest.map({ date < $0 }) ?? true { earliest = date }
            case .ok?, .failure?: return false
            case .missing(let paths)?: missing += paths
            }
            return true
        }
        guard consider(first), consider(second) else { return RuleResult(outcome: .error, due: due) }
        if let earliest, earliest <= due { return RuleResult(outcome: .compliant, due: due) }
        if !missing.isEmpty { return RuleResult(outcome: .incomplete, due: due, missing: sortedPaths(missing)) }
        if let earliest { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: earliest)) }
        if asOf > due { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: asOf)) }
        return RuleResult(outcome: .pending, due: due)
    }

    private func sortedPaths(_ paths: [String]) -> [String] { Array(Set(paths)).sorted() }

    // MARK: Expression pieces

    /// `base.key` on a record: absent → missing; a `null` value or a `null` record → `null`.
    @inline(__always)
    private func field(_ base: Got<Value>, _ key: Value, _ path: String) -> Got<Value> {
        switch base {
        case .ok(.map(let map)):
            guard let value = map[key] else { return .missing([path]) }
            return .ok(value)
        case .ok(.null): return .ok(.null)
        case .ok: return .failure
        case .missing(let paths): return .missing(paths)
        case .failure: return .failure
        }
    }

    /// A bool field: `null` reads as false.
    @inline(__always)
    private func boolField(_ value: Got<Value>) -> Got<Bool> {
        value.flatMap { value in
            switch value {
            case .bool(let bool): return .ok(bool)
            case .null: return .ok(false)
            default: return .failure
            }
        }
    }

    @inline(__always)
    private func isNull(_ value: Got<Value>) -> Got<Bool> {
        value.map { if case .null = $0 { true } else { false } }
    }

    /// `value == "text"` (strict; anything but an equal string is unequal).
    @inline(__always)
    private func equalsText(_ value: Got<Value>, _ text: String) -> Got<Bool> {
        value.map { if case .string(let found) = $0 { found == text } else { false } }
    }

    /// `value > 0` for an int field; `null` has no order → failure.
    @inline(__always)
    private func positive(_ value: Got<Value>) -> Got<Bool> {
        value.flatMap { if case .int(let number) = $0 { .ok(number > 0) } else { .failure } }
    }

    /// An ordering of an int field against a constant, `accept` deciding on the sign.
    @inline(__always)
    private func ordered(_ value: Got<Value>, _ constant: Int64, accept: (Int) -> Bool) -> Got<Bool> {
        value.flatMap { value in
            guard case .int(let number) = value else { return .failure }
            return .ok(accept(number < constant ? -1 : (number > constant ? 1 : 0)))
        }
    }

    /// An ordering of two dates (strict, left first); anything but two dates is a failure.
    @inline(__always)
    private func ordered(_ left: Got<Value>, _ right: @autoclosure () -> Got<Value>, accept: (Int) -> Bool) -> Got<Bool> {
        left.flatMap { x in
            right().flatMap { y in
                guard case .date(let a) = x, case .date(let b) = y else { return .failure }
                return .ok(accept(a < b ? -1 : (a > b ? 1 : 0)))
            }
        }
    }

    private func dueAfterDays(_ start: Got<Value>, _ days: Int) -> Got<Value> {
        start.flatMap { value in
            guard case .date(let date) = value, let due = calendar.dueDate(start: date, addingDays: days) else { return .failure }
            return .ok(.date(due))
        }
    }

    /// `list.exists(x, predicate)` with error absorption; a `null` list is empty.
    @inline(__always)
    private func exists(_ list: Got<Value>, path: String, _ predicate: (Got<Value>) -> Got<Bool>) -> Got<Bool> {
        let items: [Value]
        switch list {
        case .ok(.list(let values)): items = values
        case .ok(.null): return .ok(false)
        case .ok: return .failure
        case .missing(let paths): return .missing(paths)
        case .failure: return .failure
        }
        var pending: Got<Bool>?
        for item in items {
            switch predicate(.ok(item)) {
            case .ok(true): return .ok(true)
            case .ok(false): continue
            case let open: pending = pending.map { Got<Bool>.pool($0, open) } ?? open
            }
        }
        return pending ?? .ok(false)
    }
}

/// A value, or why there is none: absent data (with paths) or a failure. The tri-state
/// true/false/missing of the catalogue, plus the engine's `error`.
enum Got<T> {
    case ok(T)
    case missing([String])
    case failure

    @inline(__always)
    func map<U>(_ transform: (T) -> U) -> Got<U> {
        switch self {
        case .ok(let value): return .ok(transform(value))
        case .missing(let paths): return .missing(paths)
        case .failure: return .failure
        }
    }

    @inline(__always)
    func flatMap<U>(_ transform: (T) -> Got<U>) -> Got<U> {
        switch self {
        case .ok(let value): return transform(value)
        case .missing(let paths): return .missing(paths)
        case .failure: return .failure
        }
    }

    /// Two undecided operands: a failure wins, missing paths are pooled.
    static func pool(_ first: Got, _ second: Got) -> Got {
        switch (first, second) {
        case (.failure, _), (_, .failure): return .failure
        case (.missing(let a), .missing(let b)): return .missing(a + b)
        case (.missing, _): return first
        default: return second
        }
    }
}

extension Got where T == Bool {
    /// `!x`: strict.
    var negated: Got<Bool> { map { !$0 } }
}

/// `a && b` with absorption: a `false` on either side decides.
@inline(__always)
func and(_ left: Got<Bool>, _ right: @autoclosure () -> Got<Bool>) -> Got<Bool> {
    if case .ok(false) = left { return left }
    let other = right()
    if case .ok(false) = other { return other }
    if case .ok(true) = left { return other }
    if case .ok(true) = other { return left }
    return Got<Bool>.pool(left, other)
}

/// `a || b` with absorption: a `true` on either side decides.
@inline(__always)
func or(_ left: Got<Bool>, _ right: @autoclosure () -> Got<Bool>) -> Got<Bool> {
    if case .ok(true) = left { return left }
    let other = right()
    if case .ok(true) = other { return other }
    if case .ok(false) = left { return other }
    if case .ok(false) = other { return left }
    return Got<Bool>.pool(left, other)
}

/// The keys, built once.
enum K {
    static let admission = Value.string("admission")
    static let date = Value.string("date")
    static let departure = Value.string("departure")
    static let destination = Value.string("destination")
    static let notices = Value.string("notices")
    static let homeMunicipality = Value.string("home_municipality")
    static let paymentContact = Value.string("payment_contact")
    static let consents = Value.string("consents")
    static let charges = Value.string("charges")
    static let kind = Value.string("kind")
    static let amount = Value.string("amount_dkk")
    static let interpreter = Value.string("interpreter")
    static let used = Value.string("used")
    static let paidBy = Value.string("paid_by")
    static let offers = Value.string("offers")
    static let sessions = Value.string("individual_or_group_sessions")
    static let activities = Value.string("activities")
    static let motherChild = Value.string("mother_child_sessions")
    static let age = Value.string("age")
    static let schooling = Value.string("schooling")
    static let exposed = Value.string("exposed_to_violence")
    static let notification = Value.string("notification")
}
