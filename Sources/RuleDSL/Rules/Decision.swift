/// A rule's `when` and check planned as one closure over the programs' steps, the way
/// expressions are planned (see `Planner`). Judging a subject then reads no program out of the
/// rule (each such read cost a retain and a release), wraps no result in a `Result`, and folds
/// the deadline's done dates as they come instead of collecting them in an array.
enum Decision {
    typealias Decide = @Sendable (Frame, CivilDate) -> RuleResult

    /// `own` is the name of the subject's own variable: missing paths are given relative to it.
    static func plan(when: Program?, check: CompiledRule.CompiledCheck, own: String?) -> Decide {
        let decideCheck: Decide
        switch check {
        case .require(let program):
            let step = program.root
            decideCheck = { frame, _ in
                switch truth(step, frame) {
                case .holds: return RuleResult(outcome: .compliant)
                case .fails: return RuleResult(outcome: .noncompliant)
                case .open(let paths): return RuleResult(outcome: .incomplete, missing: missing(paths, own: own))
                case .broken(let message): return RuleResult(outcome: .error, errorMessage: "require: \(message)")
                }
            }
        case .deadline(let due, let done):
            decideCheck = deadline(due.root, done, own: own)
        }
        guard let when else { return decideCheck }
        let step = when.root
        return { frame, asOf in
            switch truth(step, frame) {
            case .holds: return decideCheck(frame, asOf)
            case .fails: return RuleResult(outcome: .notApplicable)
            case .open(let paths): return RuleResult(outcome: .incomplete, missing: missing(paths, own: own))
            case .broken(let message): return RuleResult(outcome: .error, errorMessage: "when: \(message)")
            }
        }
    }

    /// Missing paths as a result lists them: relative to the subject, each once, sorted.
    static func missing(_ paths: [String], own: String?) -> [String] {
        Array(Set(paths.map { CompiledRule.relative($0, own: own) })).sorted()
    }

    enum Truth {
        case holds
        case fails
        case open([String])
        case broken(String)
    }

    /// A condition's value; `null` counts as false ("not recorded as done").
    @inline(__always)
    static func truth(_ step: Planner.Step, _ frame: Frame) -> Truth {
        do {
            switch try step(frame) {
            case .bool(true): return .holds
            case .bool(false), .null: return .fails
            case let other: return .broken("expected true or false, got \(other)")
            }
        } catch {
            return error.isMissing ? .open(error.missingPaths) : .broken(error.message)
        }
    }

    enum DateValue {
        case date(CivilDate)
        case none
        case open([String])
        case broken(String)
    }

    @inline(__always)
    static func date(_ step: Planner.Step, _ frame: Frame) -> DateValue {
        do {
            switch try step(frame) {
            case .date(let date): return .date(date)
            case .null: return .none
            case let other: return .broken("expected a date, got \(other)")
            }
        } catch {
            return error.isMissing ? .open(error.missingPaths) : .broken(error.message)
        }
    }

    /// What the done programs gave so far, in order: the earliest date, the paths of dates not
    /// recorded, and the first failure (after which no other done program counts).
    struct DoneDates {
        var earliest: CivilDate?
        var missing: [String] = []
        var failure: String?

        @inline(__always)
        mutating func read(_ step: Planner.Step, _ frame: Frame) {
            guard failure == nil else { return }
            switch Decision.date(step, frame) {
            case .date(let date): earliest = earliest.map { min($0, date) } ?? date
            case .none: break
            case .open(let paths): missing += paths
            case .broken(let message): failure = message
            }
        }
    }

    /// The usual counts of done programs get a closure each, so the steps are not called out
    /// of an array (a closure kept in an array is called through conversion thunks).
    private static func deadline(_ due: @escaping Planner.Step, _ done: [Program], own: String?) -> Decide {
        switch done.count {
        case 1:
            let first = done[0].root
            return { frame, asOf in deadline(due, frame, asOf: asOf, own: own) { $0.read(first, frame) } }
        case 2:
            let first = done[0].root, second = done[1].root
            return { frame, asOf in
                deadline(due, frame, asOf: asOf, own: own) { dates in
                    dates.read(first, frame)
                    dates.read(second, frame)
                }
            }
        default:
            return { frame, asOf in
                deadline(due, frame, asOf: asOf, own: own) { dates in
                    for program in done { dates.read(program.root, frame) }
                }
            }
        }
    }

    /// done ≤ due → compliant; done > due → late; nothing done and the due date passed → overdue;
    /// nothing done yet and still time → pending; a done date not recorded → incomplete, unless
    /// another recorded date already shows the duty was met on time.
    @inline(__always)
    private static func deadline(_ dueStep: Planner.Step, _ frame: Frame, asOf: CivilDate, own: String?,
                                 _ readDone: (inout DoneDates) -> Void) -> RuleResult {
        let due: CivilDate
        switch date(dueStep, frame) {
        case .date(let date): due = date
        case .none: return RuleResult(outcome: .error, errorMessage: "deadline.due: the due date is null")
        case .open(let paths): return RuleResult(outcome: .incomplete, missing: missing(paths, own: own))
        case .broken(let message): return RuleResult(outcome: .error, errorMessage: "deadline.due: \(message)")
        }
        var done = DoneDates()
        readDone(&done)
        if let failure = done.failure { return RuleResult(outcome: .error, due: due, errorMessage: "deadline.done: \(failure)") }
        let earliest = done.earliest
        if let earliest, earliest <= due { return RuleResult(outcome: .compliant, due: due) }
        if !done.missing.isEmpty { return RuleResult(outcome: .incomplete, due: due, missing: missing(done.missing, own: own)) }
        if let earliest { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: earliest)) }
        if asOf > due { return RuleResult(outcome: .noncompliant, due: due, daysLate: due.days(until: asOf)) }
        return RuleResult(outcome: .pending, due: due)
    }
}
