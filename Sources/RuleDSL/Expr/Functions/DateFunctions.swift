/// The civil-date extension: `date("2025-03-03")`, `d + days(n)`, `d - days(n)`,
/// `add_months(d, n)`, `days_between(a, b)` and the calendar accessors on dates.
///
/// `days(n)` is a duration of n × 24 h, so it also works with timestamps; adding a duration to a
/// date requires whole days (adding `duration("36h")` to a date is an error).
extension FunctionRegistry {
    mutating func addDateFunctions() {
        let range = EvalError.failure("date out of range (years 1 to 9999)")
        for source in [CELType.string, .date, .timestamp] {
            register("date", parameter: source, result: .date) { value throws(EvalError) in
                switch value {
                case .date: return value
                case .string(let text):
                    guard let date = CivilDate(iso: text) else {
                        throw EvalError.failure("cannot convert \(Display.quoted(text)) to date (YYYY-MM-DD)")
                    }
                    return .date(date)
                case .timestamp(let timestamp):
                    guard let fields = timestamp.fields() else { throw range }
                    return .date(fields.date)
                default: throw EvalError.noOverload("date", [value])
                }
            }
        }
        register("days", parameter: .int, result: .duration) { value throws(EvalError) in
            guard case .int(let count) = value else { throw EvalError.noOverload("days", [value]) }
            let (seconds, overflow) = count.multipliedReportingOverflow(by: 86_400)
            guard !overflow, let duration = CELDuration(seconds: seconds) else { throw EvalError.failure("duration out of range") }
            return .duration(duration)
        }
        for (name, sign) in [("_+_", 1), ("_-_", -1)] {
            register(name, parameters: (.date, .duration), result: .date) { a, b throws(EvalError) in
                guard case .date(let date) = a, case .duration(let duration) = b else { throw EvalError.noOverload(name, [a, b]) }
                guard duration.nanos == 0, duration.seconds % 86_400 == 0 else {
                    throw EvalError.failure("only whole days can be added to or subtracted from a date (got \(duration))")
                }
                guard let moved = date.adding(days: sign * Int(duration.seconds / 86_400)) else { throw range }
                return .date(moved)
            }
        }
        register("_+_", parameters: (.duration, .date), result: .date) { a, b throws(EvalError) in
            guard case .duration(let duration) = a, case .date(let date) = b, duration.nanos == 0,
                  duration.seconds % 86_400 == 0 else { throw EvalError.noOverload("_+_", [a, b]) }
            guard let moved = date.adding(days: Int(duration.seconds / 86_400)) else { throw range }
            return .date(moved)
        }
        register("add_months", parameters: (.date, .int), result: .date) { a, b throws(EvalError) in
            guard case .date(let date) = a, case .int(let months) = b else { throw EvalError.noOverload("add_months", [a, b]) }
            guard let count = Int(exactly: months), let moved = date.adding(months: count) else { throw range }
            return .date(moved)
        }
        register("days_between", parameters: (.date, .date), result: .int) { a, b throws(EvalError) in
            guard case .date(let from) = a, case .date(let to) = b else { throw EvalError.noOverload("days_between", [a, b]) }
            return .int(Int64(from.days(until: to)))
        }
        let accessors: [(String, @Sendable (CivilDate) -> Int)] = [
            ("getFullYear", { $0.year }),
            ("getMonth", { $0.month - 1 }),
            ("getDate", { $0.day }),
            ("getDayOfMonth", { $0.day - 1 }),
            ("getDayOfWeek", { $0.isoWeekday % 7 }),
            ("getDayOfYear", { $0.daysSinceEpoch - CivilDate.firstOfYear($0.year) }),
        ]
        for (name, read) in accessors {
            register(name, FunctionOverload(parameters: [.date], result: .int, isMember: true,
                                            implementation: .unary { value throws(EvalError) in
                guard case .date(let date) = value else { throw EvalError.noOverload(name, [value]) }
                return .int(Int64(read(date)))
            }))
        }
    }
}
