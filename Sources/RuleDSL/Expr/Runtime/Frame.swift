/// Variable storage of one evaluation: the bound variables, then the loop variables of
/// comprehensions. A pointer to memory on the evaluating thread's stack, so that a frame costs
/// no allocation and passing it to every step costs no reference counting; it never outlives
/// the `with` call that made it (steps receive it, never keep it).
struct Frame {
    private let slots: UnsafeMutablePointer<Value?>

    subscript(slot: Int) -> Value? {
        get { slots[slot] }
        nonmutating set { slots[slot] = newValue }
    }

    /// `body` applied to the value bound to `slot` where it lies, without copying it (a field
    /// path reads on from it); nil when the slot holds nothing. `body` must not change the frame.
    @inline(__always)
    func withBound<Result>(_ slot: Int, _ body: (borrowing Value) -> Result) -> Result? {
        switch slots[slot] {
        case .some(let value): return body(value)
        case .none: return nil
        }
    }

    /// Runs `body` with a frame holding `bound` followed by empty slots, `size` in all. Inlined,
    /// so that `body` is too and what it uses of its caller is not copied into a closure context.
    @inline(__always)
    static func with<Result>(_ bound: [Value?], size: Int, _ body: (Frame) -> Result) -> Result {
        let count = max(size, bound.count, 1)
        return withUnsafeTemporaryAllocation(of: Value?.self, capacity: count) { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("a non-empty allocation has an address") }
            for position in 0..<count { (base + position).initialize(to: position < bound.count ? bound[position] : nil) }
            // One slot at a time: `deinitialize(count:)` goes through the runtime's generic
            // array destruction.
            defer { for position in 0..<count { _ = (base + position).move() } }
            return body(Frame(slots: base))
        }
    }
}
