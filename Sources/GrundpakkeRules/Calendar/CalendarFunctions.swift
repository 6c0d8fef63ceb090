import RuleDSL

/// The working-day calendar as functions of the rule language.
public enum CalendarFunctions {
    public static func register(_ calendar: WorkingDayCalendar, into registry: inout FunctionRegistry) {
        registry.register("is_working_day", parameter: .date, result: .bool) { (value: Value) throws(EvalError) -> Value in
            .bool(calendar.isWorkingDay(try date(value)))
        }
        registry.register("next_working_day", parameter: .date, result: .date) { (value: Value) throws(EvalError) -> Value in
            try result(calendar.nextWorkingDay(onOrAfter: try date(value)))
        }
        registry.register("nth_working_day", parameters: (.date, .int), result: .date) { (start: Value, n: Value) throws(EvalError) -> Value in
            let count = try integer(n)
            guard count >= 1 else { throw EvalError.failure("nth_working_day: n must be 1 or more, got \(count)") }
            return try result(calendar.nthWorkingDay(from: try date(start), n: count))
        }
        registry.register("working_days_between", parameters: (.date, .date), result: .int) { (from: Value, to: Value) throws(EvalError) -> Value in
            .int(Int64(calendar.workingDays(from: try date(from), to: try date(to))))
        }
        registry.register("due_after_days", parameters: (.date, .int), result: .date) { (start: Value, n: Value) throws(EvalError) -> Value in
            try result(calendar.dueDate(start: try date(start), addingDays: try integer(n)))
        }
        registry.register("due_after_months", parameters: (.date, .int), result: .date) { (start: Value, n: Value) throws(EvalError) -> Value in
            try result(calendar.dueDate(start: try date(start), addingMonths: try integer(n)))
        }
    }

    private static func date(_ value: Value) throws(EvalError) -> CivilDate {
        guard case .date(let date) = value else { throw EvalError.failure("expected a date, got \(value)") }
        return date
    }

    private static func integer(_ value: Value) throws(EvalError) -> Int {
        guard case .int(let number) = value, let small = Int(exactly: number), abs(small) <= 1_000_000 else {
            throw EvalError.failure("expected a whole number of days or months within ±1,000,000, got \(value)")
        }
        return small
    }

    private static func result(_ date: CivilDate?) throws(EvalError) -> Value {
        guard let date else { throw EvalError.failure("the date falls outside years 1-9999") }
        return .date(date)
    }
}
