/// `matches()` on Swift's `Regex`, run over Unicode scalars (as RE2 runs over code points) and
/// unanchored (a match anywhere counts, as in RE2's partial match). The pattern syntax is Swift's,
/// which accepts the common RE2 subset: classes, `\d \w \s`, anchors, groups, alternation,
/// counted repetition, `(?i)`. Lookarounds and backreferences that RE2 rejects are accepted here.
enum RegexMatcher {
    static func matches(_ text: String, pattern: String) throws(EvalError) -> Bool {
        let regex: Regex<AnyRegexOutput>
        do {
            regex = try Regex(pattern)
        } catch {
            throw EvalError.failure("invalid regular expression '\(pattern)'")
        }
        do {
            return try regex.matchingSemantics(.unicodeScalar).firstMatch(in: text) != nil
        } catch {
            throw EvalError.failure("regular expression failed: \(pattern)")
        }
    }
}
