import RuleDSL

/// What the Grundpakke rule pack may speak of: its three subjects, the input model's types,
/// and the Danish working-day functions.
public enum GrundpakkeContext {
    public static let shelter = SubjectDefinition(
        name: "shelter", variables: [.init(name: "shelter", schema: ShelterSchema.object)])
    public static let `case` = SubjectDefinition(
        name: "case", variables: [.init(name: "case", schema: CaseSchema.object)],
        referenceDate: "case.admission.date")
    public static let child = SubjectDefinition(
        name: "child",
        variables: [.init(name: "child", schema: CaseSchema.child), .init(name: "case", schema: CaseSchema.object)],
        referenceDate: "case.admission.date")

    /// Examples that give no `as_of` are judged on this fixed date, never on today.
    public static let defaultExampleDate: CivilDate = {
        guard let date = CivilDate(year: 2025, month: 6, day: 30) else { preconditionFailure("2025-06-30 is a date") }
        return date
    }()

    /// The context for a loaded pack: its `closed_days` parameter (a list of dates) adds the
    /// organisation's own closed days to the Danish calendar.
    public static func make(packParams: [(name: String, value: Value)]) -> (context: RuleContext, diagnostics: [String]) {
        var extraClosed: [CivilDate] = []
        var problems: [String] = []
        if let closed = packParams.first(where: { $0.name == "closed_days" })?.value {
            switch closed {
            case .list(let items):
                for item in items {
                    if case .date(let date) = item { extraClosed.append(date) } else {
                        problems.append("params.closed_days: expected dates (YYYY-MM-DD), found \(item)")
                    }
                }
            case .null: break
            default: problems.append("params.closed_days: expected a list of dates")
            }
        }
        let calendar = WorkingDayCalendar(extraClosedDays: extraClosed)
        var functions = FunctionRegistry.standard
        CalendarFunctions.register(calendar, into: &functions)
        let context = RuleContext(
            subjects: [shelter, `case`, child], functions: functions, packParams: packParams,
            defaultExampleDate: defaultExampleDate)
        return (context, problems)
    }
}
