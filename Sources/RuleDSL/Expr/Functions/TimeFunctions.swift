import Foundation

/// Timestamp and duration accessors. Timestamp accessors take an optional time zone: `UTC`,
/// a fixed offset (`+01:00`, `-05:30`) or an IANA name (`Europe/Copenhagen`, resolved through
/// Foundation's time-zone database at the instant in question).
extension FunctionRegistry {
    mutating func addTimeFunctions() {
        let accessors: [(String, @Sendable (Timestamp.Fields) -> Int)] = [
            ("getFullYear", { $0.date.year }),
            ("getMonth", { $0.date.month - 1 }),
            ("getDate", { $0.date.day }),
            ("getDayOfMonth", { $0.date.day - 1 }),
            ("getDayOfWeek", { $0.date.isoWeekday % 7 }),
            ("getDayOfYear", { $0.date.daysSinceEpoch - CivilDate.firstOfYear($0.date.year) }),
            ("getHours", { $0.hour }),
            ("getMinutes", { $0.minute }),
            ("getSeconds", { $0.second }),
            ("getMilliseconds", { $0.nanos / 1_000_000 }),
        ]
        for (name, read) in accessors {
            register(name, FunctionOverload(parameters: [.timestamp], result: .int, isMember: true,
                                            implementation: .unary { value throws(EvalError) in
                guard case .timestamp(let timestamp) = value else { throw EvalError.noOverload(name, [value]) }
                return .int(Int64(read(try Self.fields(timestamp, zone: nil))))
            }))
            register(name, parameters: (.timestamp, .string), result: .int, member: true) { value, zone throws(EvalError) in
                guard case .timestamp(let timestamp) = value, case .string(let zoneName) = zone else {
                    throw EvalError.noOverload(name, [value, zone])
                }
                return .int(Int64(read(try Self.fields(timestamp, zone: zoneName))))
            }
        }
        // Durations: whole units in the span, truncated toward zero (as cel-go).
        let durationUnits: [(String, Int64)] = [
            ("getHours", 3_600_000_000_000), ("getMinutes", 60_000_000_000),
            ("getSeconds", 1_000_000_000), ("getMilliseconds", 1_000_000),
        ]
        for (name, unit) in durationUnits {
            register(name, FunctionOverload(parameters: [.duration], result: .int, isMember: true,
                                            implementation: .unary { value throws(EvalError) in
                guard case .duration(let duration) = value else { throw EvalError.noOverload(name, [value]) }
                return .int(duration.truncated(toUnitNanos: unit))
            }))
        }
    }

    static func fields(_ timestamp: Timestamp, zone: String?) throws(EvalError) -> Timestamp.Fields {
        let offset = try zone.map { name throws(EvalError) in try utcOffset(name, at: timestamp) } ?? 0
        guard let fields = timestamp.fields(offsetSeconds: offset) else {
            throw EvalError.failure("timestamp out of range in time zone \(zone ?? "UTC")")
        }
        return fields
    }

    /// Seconds east of UTC for a zone name at an instant.
    static func utcOffset(_ name: String, at timestamp: Timestamp) throws(EvalError) -> Int {
        if name == "UTC" || name == "Z" || name == "z" || name == "GMT" { return 0 }
        let scalars = Array(name.utf8)
        if let sign = scalars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = scalars.dropFirst().filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 4, digits.allSatisfy({ (48...57).contains($0) }) else {
                throw EvalError.failure("invalid time zone offset '\(name)' (use +HH:MM)")
            }
            let values = digits.map { Int($0 - 48) }
            let hours = values[0] * 10 + values[1], minutes = values[2] * 10 + values[3]
            guard hours < 24, minutes < 60 else { throw EvalError.failure("invalid time zone offset '\(name)'") }
            return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        guard let zone = TimeZone(identifier: name) else { throw EvalError.failure("unknown time zone '\(name)'") }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(timestamp.seconds)))
    }
}

extension CivilDate {
    /// Days since the epoch of 1 January of `year`.
    static func firstOfYear(_ year: Int) -> Int {
        CivilDate(year: year, month: 1, day: 1)?.daysSinceEpoch ?? 0
    }
}
