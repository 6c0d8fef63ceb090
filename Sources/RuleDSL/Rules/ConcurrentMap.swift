import Dispatch

extension Array where Element: Sendable {
    /// `map(transform)`, the elements transformed on every core at once: the same results in
    /// the same order. Meant for a few dozen independent pieces of work of a millisecond or so
    /// each, such as the files of a rule pack, which one core read and compiled one after
    /// another while a one-file audit waited. The calling thread takes part; each result is
    /// written to a slot of its own, so nothing else is shared.
    package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Unchecked: every index is initialized by exactly one iteration, and the buffer is
            // not read until all of them are done.
            guard let address = buffer.baseAddress else { return }
            nonisolated(unsafe) let base = address
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (base + index).initialize(to: transform(self[index]))
            }
            initialized = count
        }
    }
}
