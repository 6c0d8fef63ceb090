/// How a function computes its result. Unary and binary forms avoid building an argument array
/// on every call, which matters in the per-record hot path.
public enum FunctionImplementation: Sendable {
    case unary(@Sendable (Value) throws(EvalError) -> Value)
    case binary(@Sendable (Value, Value) throws(EvalError) -> Value)
    case nary(@Sendable ([Value]) throws(EvalError) -> Value)
}

/// One typed signature of a function. For a member function (`x.f(y)`) the receiver is the
/// first parameter.
public struct FunctionOverload: Sendable {
    public var parameters: [CELType]
    public var result: CELType
    public var isMember: Bool
    public var implementation: FunctionImplementation

    public init(parameters: [CELType], result: CELType, isMember: Bool = false,
                implementation: FunctionImplementation) {
        self.parameters = parameters
        self.result = result
        self.isMember = isMember
        self.implementation = implementation
    }

    func signature(_ name: String) -> String {
        if isMember, let receiver = parameters.first {
            return "\(receiver).\(name)(" + parameters.dropFirst().map(\.description).joined(separator: ", ") + ")"
        }
        return "\(name)(" + parameters.map(\.description).joined(separator: ", ") + ")"
    }
}

/// The functions an environment offers, by name. A domain starts from `.standard` and adds its
/// own with `register`, e.g.
/// `registry.register("is_working_day", parameters: [.date], result: .bool) { d in ... }`.
public struct FunctionRegistry: Sendable {
    private(set) var overloads: [String: [FunctionOverload]] = [:]

    public init() {}

    public mutating func register(_ name: String, _ overload: FunctionOverload) {
        overloads[name, default: []].append(overload)
    }

    /// Registers a one-argument global function.
    public mutating func register(_ name: String, parameter: CELType, result: CELType,
                                  _ body: @escaping @Sendable (Value) throws(EvalError) -> Value) {
        register(name, FunctionOverload(parameters: [parameter], result: result, implementation: .unary(body)))
    }

    /// Registers a two-argument function; `member: true` makes it callable as `a.name(b)`.
    public mutating func register(_ name: String, parameters: (CELType, CELType), result: CELType, member: Bool = false,
                                  _ body: @escaping @Sendable (Value, Value) throws(EvalError) -> Value) {
        register(name, FunctionOverload(parameters: [parameters.0, parameters.1], result: result, isMember: member,
                                        implementation: .binary(body)))
    }

    /// Registers a function of any arity.
    public mutating func register(_ name: String, parameters: [CELType], result: CELType, member: Bool = false,
                                  _ body: @escaping @Sendable ([Value]) throws(EvalError) -> Value) {
        register(name, FunctionOverload(parameters: parameters, result: result, isMember: member,
                                        implementation: .nary(body)))
    }

    public func overloads(named name: String) -> [FunctionOverload] {
        overloads[name] ?? []
    }

    public var functionNames: [String] { overloads.keys.sorted() }
}
