/// A signed span of time with nanosecond precision, within CEL's range of about ±10,000 years.
///
/// Kept as whole seconds plus a nanosecond part in `0..<1_000_000_000` (floor normalised) so that
/// comparison is lexicographic and no 128-bit arithmetic is needed. Named `CELDuration` to keep
/// clear of the standard library's `Duration`.
public struct CELDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64
    public let nanos: Int32

    /// The largest magnitude CEL allows: 315,576,000,000 s (10,000 Julian years).
    public static let maxSeconds: Int64 = 315_576_000_000

    /// Creates a duration from seconds and nanoseconds (any sign), or nil outside CEL's range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        let (carry, rest) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
        var secs = seconds.addingReportingOverflow(carry)
        var nanoPart = rest
        if nanoPart < 0 {
            nanoPart += 1_000_000_000
            secs = secs.partialValue.subtractingReportingOverflow(1)
        }
        guard !secs.overflow else { return nil }
        let total = secs.partialValue
        // The range is symmetric in whole seconds; -maxSeconds plus a positive nanosecond part is inside.
        guard total >= -Self.maxSeconds, total < Self.maxSeconds || (total == Self.maxSeconds && nanoPart == 0)
        else { return nil }
        self.seconds = total
        self.nanos = Int32(nanoPart)
    }

    public static let zero = CELDuration(unchecked: 0, 0)

    private init(unchecked seconds: Int64, _ nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public var isNegative: Bool { seconds < 0 }

    public func negated() -> CELDuration? {
        CELDuration(seconds: -seconds, nanos: -Int64(nanos))
    }

    public func adding(_ other: CELDuration) -> CELDuration? {
        let (sum, overflow) = seconds.addingReportingOverflow(other.seconds)
        guard !overflow else { return nil }
        return CELDuration(seconds: sum, nanos: Int64(nanos) + Int64(other.nanos))
    }

    public func subtracting(_ other: CELDuration) -> CELDuration? {
        guard let negated = other.negated() else { return nil }
        return adding(negated)
    }

    /// Whole units of `unit` nanoseconds, truncated toward zero (cel-go's duration accessors).
    public func truncated(toUnitNanos unit: Int64) -> Int64 {
        let (magnitudeSeconds, magnitudeNanos) = magnitude
        let whole: UInt64
        if unit >= 1_000_000_000 {
            whole = magnitudeSeconds / UInt64(unit / 1_000_000_000)
        } else {
            // magnitudeSeconds <= maxSeconds, so this product stays far below UInt64.max.
            whole = magnitudeSeconds * UInt64(1_000_000_000 / unit) + UInt64(magnitudeNanos) / UInt64(unit)
        }
        return isNegative ? -Int64(whole) : Int64(whole)
    }

    /// Absolute value as whole seconds and a nanosecond part.
    var magnitude: (seconds: UInt64, nanos: Int64) {
        if seconds >= 0 { return (UInt64(seconds), Int64(nanos)) }
        if nanos == 0 { return (seconds.magnitude, 0) }
        return ((seconds + 1).magnitude, 1_000_000_000 - Int64(nanos))
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Seconds with the fraction only as needed: `1.5s`, `-0.25s`, `3600s`.
    public var description: String {
        let (secs, frac) = magnitude
        var text = (isNegative ? "-" : "") + String(secs)
        if frac > 0 { text += "." + Self.fraction(frac) }
        return text + "s"
    }

    /// Nine-digit fraction with trailing zeros removed.
    static func fraction(_ nanos: Int64) -> String {
        var digits = String(nanos)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits
    }

    /// Parses CEL's duration syntax: an optional sign, then one or more decimal numbers each with
    /// a unit `h`, `m`, `s`, `ms`, `us` (or `µs`), `ns`, e.g. `1h30m`, `-1.5s`, `0.25ms`.
    public init?(parsing text: String) {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if let first = scalars.first, first == "-" || first == "+" {
            negative = first == "-"
            scalars = scalars.dropFirst()
        }
        if scalars.count == 1, scalars.first == "0" {
            self = .zero
            return
        }
        guard !scalars.isEmpty else { return nil }
        var total = CELDuration.zero
        while !scalars.isEmpty {
            var whole: Int64 = 0
            var fractionDigits: [Int64] = []
            var sawDigit = false
            while let scalar = scalars.first, let digit = Self.digit(scalar) {
                let (mul, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = mul.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { return nil }
                whole = sum
                sawDigit = true
                scalars = scalars.dropFirst()
            }
            if scalars.first == "." {
                scalars = scalars.dropFirst()
                while let scalar = scalars.first, let digit = Self.digit(scalar) {
                    fractionDigits.append(digit)
                    sawDigit = true
                    scalars = scalars.dropFirst()
                }
            }
            guard sawDigit else { return nil }
            let unitNanos: Int64
            let rest = String(String.UnicodeScalarView(scalars))
            if rest.hasPrefix("ns") { unitNanos = 1; scalars = scalars.dropFirst(2) }
            else if rest.hasPrefix("us") || rest.hasPrefix("µs") { unitNanos = 1_000; scalars = scalars.dropFirst(2) }
            else if rest.hasPrefix("ms") { unitNanos = 1_000_000; scalars = scalars.dropFirst(2) }
            else if rest.hasPrefix("s") { unitNanos = 1_000_000_000; scalars = scalars.dropFirst(1) }
            else if rest.hasPrefix("m") { unitNanos = 60_000_000_000; scalars = scalars.dropFirst(1) }
            else if rest.hasPrefix("h") { unitNanos = 3_600_000_000_000; scalars = scalars.dropFirst(1) }
            else { return nil }
            guard let part = CELDuration.make(whole: whole, fraction: fractionDigits, unitNanos: unitNanos),
                  let sum = total.adding(part) else { return nil }
            total = sum
        }
        if negative {
            guard let flipped = total.negated() else { return nil }
            total = flipped
        }
        self = total
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int64? {
        (48...57).contains(scalar.value) ? Int64(scalar.value - 48) : nil
    }

    /// `whole.fraction` units of `unitNanos` nanoseconds each, as a duration.
    private static func make(whole: Int64, fraction: [Int64], unitNanos: Int64) -> CELDuration? {
        let unitSeconds = unitNanos / 1_000_000_000
        let subSecondUnit = unitNanos % 1_000_000_000
        var seconds: Int64
        var nanos: Int64
        if unitSeconds > 0 {
            let (s, overflow) = whole.multipliedReportingOverflow(by: unitSeconds)
            guard !overflow else { return nil }
            seconds = s
            nanos = 0
        } else {
            seconds = whole / (1_000_000_000 / subSecondUnit)
            nanos = (whole % (1_000_000_000 / subSecondUnit)) * subSecondUnit
        }
        // The fraction of one unit, to nanosecond precision (digits past that are dropped).
        var scale = unitNanos
        for digit in fraction {
            guard scale >= 10 || digit == 0 else { break }
            scale /= 10
            nanos += digit * scale
            if scale == 0 { break }
        }
        return CELDuration(seconds: seconds, nanos: nanos)
    }
}
