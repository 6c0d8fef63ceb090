/// An instant in UTC with nanosecond precision, within CEL's range
/// 0001-01-01T00:00:00Z ... 9999-12-31T23:59:59.999999999Z.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds past `seconds`, `0..<1_000_000_000`.
    public let nanos: Int32

    static let minSeconds: Int64 = -62_135_596_800
    static let maxSeconds: Int64 = 253_402_300_799

    /// Creates a timestamp, normalising the nanosecond part; nil outside CEL's range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        let (carry, rest) = nanos.quotientAndRemainder(dividingBy: 1_000_000_000)
        var (total, overflow) = seconds.addingReportingOverflow(carry)
        var nanoPart = rest
        if nanoPart < 0 {
            nanoPart += 1_000_000_000
            (total, overflow) = overflow ? (total, true) : total.subtractingReportingOverflow(1)
        }
        guard !overflow, total >= Self.minSeconds, total <= Self.maxSeconds else { return nil }
        self.seconds = total
        self.nanos = Int32(nanoPart)
    }

    public func adding(_ duration: CELDuration) -> Timestamp? {
        let (sum, overflow) = seconds.addingReportingOverflow(duration.seconds)
        guard !overflow else { return nil }
        return Timestamp(seconds: sum, nanos: Int64(nanos) + Int64(duration.nanos))
    }

    public func subtracting(_ duration: CELDuration) -> Timestamp? {
        guard let negated = duration.negated() else { return nil }
        return adding(negated)
    }

    public func difference(_ other: Timestamp) -> CELDuration? {
        CELDuration(seconds: seconds - other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Calendar fields of this instant seen at a fixed UTC offset.
    public struct Fields: Sendable, Equatable {
        public var date: CivilDate
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanos: Int
    }

    /// The local calendar fields at `offsetSeconds` east of UTC.
    public func fields(offsetSeconds: Int = 0) -> Fields? {
        let local = seconds + Int64(offsetSeconds)
        let (days, secondOfDay) = Self.floorDivide(local, 86_400)
        guard let date = CivilDate(daysSinceEpoch: Int(days)) else { return nil }
        return Fields(date: date, hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60),
                      second: Int(secondOfDay % 60), nanos: Int(nanos))
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    /// RFC 3339 in UTC with the fraction only as needed: `2024-01-01T00:00:00Z`, `...00.5Z`.
    public var description: String {
        guard let parts = fields() else { return "\(seconds)s" }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        var text = "\(parts.date)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
        if nanos > 0 { text += "." + CELDuration.fraction(Int64(nanos)) }
        return text + "Z"
    }

    /// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/`z` may be lower case.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + width] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += width
            return value
        }
        func expect(_ options: String) -> Bool {
            guard index < bytes.count, options.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("Tt"), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2),
              let date = CivilDate(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var nanos: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, (48...57).contains(bytes[index]) {
                if digits < 9 { nanos = nanos * 10 + Int64(bytes[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanos *= 10 }
        }
        var offset = 0
        if expect("Zz") {
            offset = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let hours = number(2), expect(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(seconds: local - Int64(offset), nanos: nanos)
    }
}
