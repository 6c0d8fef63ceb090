/// `matches()` on Swift's `Regex`, run over Unicode scalars (as RE2 runs over code points) and
/// unanchored (a match anywhere counts, as in RE2's partial match). The pattern syntax is Swift's,
/// which accepts the common RE2 subset: classes, `\d \w \s`, anchors, groups, alternation,
/// counted repetition, `(?i)`. Lookarounds and backreferences that RE2 rejects are accepted here.
enum RegexMatcher {
    /// The compiled pattern, or nil when it is not valid.
    static func compile(_ pattern: String) -> Regex<AnyRegexOutput>? {
        (try? Regex(pattern))?.matchingSemantics(.unicodeScalar)
    }

    static func matches(_ text: String, pattern: String) throws(EvalError) -> Bool {
        guard let regex = compile(pattern) else {
            throw EvalError.failure("invalid regular expression '\(pattern)'")
        }
        return try matches(text, regex: regex, pattern: pattern)
    }

    static func matches(_ text: String, regex: Regex<AnyRegexOutput>, pattern: String) throws(EvalError) -> Bool {
        do {
            return try regex.firstMatch(in: text) != nil
        } catch {
            throw EvalError.failure("regular expression failed: \(pattern)")
        }
    }

    /// `text.matches('constant')` compiles its pattern once, when the program is planned.
    static func planConstant(_ text: @escaping Planner.Step, pattern: String, offset: Int) -> Planner.Step? {
        guard let compiled = compile(pattern) else { return nil }
        let shared = SharedRegex(regex: compiled)
        return { frame throws(EvalError) in
            let regex = shared.regex
            let value = try text(frame)
            guard case .string(let string) = value else {
                throw EvalError.noOverload("matches", [value, .string(pattern)]).located(at: offset)
            }
            do throws(EvalError) {
                return .bool(try matches(string, regex: regex, pattern: pattern))
            } catch {
                throw error.located(at: offset)
            }
        }
    }
}

/// A compiled pattern shared by every evaluation of one program.
///
/// `Regex<AnyRegexOutput>` is not `Sendable` only because its output type is not; the value is
/// immutable once built, and the library initialises its lazily lowered program atomically, so
/// matching from several threads at once is safe.
struct SharedRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
}
