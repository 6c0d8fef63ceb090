/// Type conversions: `int`, `uint`, `double`, `string`, `bytes`, `bool`, `timestamp`,
/// `duration`. Out-of-range or unparsable input is an error, never a silent clamp.
extension FunctionRegistry {
    mutating func addConversions() {
        addConversion("int", to: .int, from: [.int, .uint, .double, .string, .timestamp]) { value throws(EvalError) in
            switch value {
            case .int: return value
            case .uint(let uint):
                guard let int = Int64(exactly: uint) else { throw Lib.overflow }
                return .int(int)
            case .double(let double):
                // Truncates toward zero; the bounds exclude values that would round out of range.
                guard double.isFinite, double > -9_223_372_036_854_777_856.0, double < 9_223_372_036_854_775_808.0 else {
                    throw EvalError.failure("double \(Display.doubleText(double)) is out of int range")
                }
                return .int(Int64(double.rounded(.towardZero)))
            case .string(let string):
                guard let int = Int64(string) else { throw EvalError.failure("cannot convert \(Display.quoted(string)) to int") }
                return .int(int)
            case .timestamp(let timestamp): return .int(timestamp.seconds)
            default: throw EvalError.noOverload("int", [value])
            }
        }
        addConversion("uint", to: .uint, from: [.uint, .int, .double, .string]) { value throws(EvalError) in
            switch value {
            case .uint: return value
            case .int(let int):
                guard let uint = UInt64(exactly: int) else { throw EvalError.failure("int \(int) is out of uint range") }
                return .uint(uint)
            case .double(let double):
                guard double.isFinite, double > -1, double < 18_446_744_073_709_551_616.0 else {
                    throw EvalError.failure("double \(Display.doubleText(double)) is out of uint range")
                }
                return .uint(UInt64(double.rounded(.towardZero)))
            case .string(let string):
                guard let uint = UInt64(string) else { throw EvalError.failure("cannot convert \(Display.quoted(string)) to uint") }
                return .uint(uint)
            default: throw EvalError.noOverload("uint", [value])
            }
        }
        addConversion("double", to: .double, from: [.double, .int, .uint, .string]) { value throws(EvalError) in
            switch value {
            case .double: return value
            case .int(let int): return .double(Double(int))
            case .uint(let uint): return .double(Double(uint))
            case .string(let string):
                guard let double = Double(string) else {
                    throw EvalError.failure("cannot convert \(Display.quoted(string)) to double")
                }
                return .double(double)
            default: throw EvalError.noOverload("double", [value])
            }
        }
        addConversion("string", to: .string,
                      from: [.string, .int, .uint, .double, .bool, .bytes, .timestamp, .duration, .date]) { value throws(EvalError) in
            switch value {
            case .string: return value
            case .int(let int): return .string(String(int))
            case .uint(let uint): return .string(String(uint))
            case .double(let double): return .string(Self.doubleString(double))
            case .bool(let bool): return .string(bool ? "true" : "false")
            case .bytes(let bytes):
                guard let string = String(validating: bytes, as: UTF8.self) else {
                    throw EvalError.failure("bytes are not valid UTF-8")
                }
                return .string(string)
            case .timestamp(let timestamp): return .string(timestamp.description)
            case .duration(let duration): return .string(duration.description)
            case .date(let date): return .string(date.description)
            default: throw EvalError.noOverload("string", [value])
            }
        }
        addConversion("bytes", to: .bytes, from: [.bytes, .string]) { value throws(EvalError) in
            switch value {
            case .bytes: return value
            case .string(let string): return .bytes(Array(string.utf8))
            default: throw EvalError.noOverload("bytes", [value])
            }
        }
        addConversion("bool", to: .bool, from: [.bool, .string]) { value throws(EvalError) in
            switch value {
            case .bool: return value
            case .string(let string):
                switch string {
                case "true", "True", "TRUE", "t", "1": return .bool(true)
                case "false", "False", "FALSE", "f", "0": return .bool(false)
                default: throw EvalError.failure("cannot convert \(Display.quoted(string)) to bool")
                }
            default: throw EvalError.noOverload("bool", [value])
            }
        }
        addConversion("timestamp", to: .timestamp, from: [.timestamp, .string, .int]) { value throws(EvalError) in
            switch value {
            case .timestamp: return value
            case .string(let string):
                guard let timestamp = Timestamp(rfc3339: string) else {
                    throw EvalError.failure("cannot convert \(Display.quoted(string)) to timestamp (RFC 3339, years 0001 to 9999)")
                }
                return .timestamp(timestamp)
            case .int(let seconds):
                guard let timestamp = Timestamp(seconds: seconds) else { throw EvalError.failure("timestamp out of range") }
                return .timestamp(timestamp)
            default: throw EvalError.noOverload("timestamp", [value])
            }
        }
        addConversion("duration", to: .duration, from: [.duration, .string]) { value throws(EvalError) in
            switch value {
            case .duration: return value
            case .string(let string):
                guard let duration = CELDuration(parsing: string) else {
                    throw EvalError.failure("cannot convert \(Display.quoted(string)) to duration (e.g. \"1h30m\", \"1.5s\")")
                }
                return .duration(duration)
            default: throw EvalError.noOverload("duration", [value])
            }
        }
    }

    private mutating func addConversion(_ name: String, to result: CELType, from sources: [CELType],
                                        _ body: @escaping @Sendable (Value) throws(EvalError) -> Value) {
        for source in sources {
            register(name, FunctionOverload(parameters: [source], result: result, implementation: .unary(body)))
        }
    }

    /// Shortest round-trip text without a redundant `.0` (`1.0` → "1", `1.5` → "1.5").
    static func doubleString(_ double: Double) -> String {
        let text = Display.doubleText(double)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
