extension FunctionRegistry {
    /// CEL's standard functions and operators plus the civil-date extension.
    public static let standard: FunctionRegistry = {
        var registry = FunctionRegistry()
        registry.addArithmetic()
        registry.addStringFunctions()
        registry.addConversions()
        registry.addTimeFunctions()
        registry.addDateFunctions()
        return registry
    }()
}

/// Small helpers shared by the standard library's implementations.
enum Lib {
    static let overflow = EvalError.failure("integer overflow")

    static func checked(_ result: (partialValue: Int64, overflow: Bool)) throws(EvalError) -> Value {
        guard !result.overflow else { throw overflow }
        return .int(result.partialValue)
    }

    static func checked(_ result: (partialValue: UInt64, overflow: Bool)) throws(EvalError) -> Value {
        guard !result.overflow else { throw overflow }
        return .uint(result.partialValue)
    }
}
