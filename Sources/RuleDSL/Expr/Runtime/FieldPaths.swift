/// Field selections planned as one step per path: `case.admission.date` reads the variable and
/// walks its two keys in a single closure, instead of three closures each returning an
/// intermediate map. Each level does exactly what a lone selection does (absent → missing with
/// the path, or `false` for `has()`; a `null` record reads as all-`null` fields).
///
/// A path is walked where its records lie: the variable's slot and each map met on the way are
/// borrowed, not copied, and only the value at the end is copied out. Copying a record costs a
/// retain and a release, which made up much of the time of a field read. No level throws or
/// builds an error message while it borrows (the compiler would copy what such a scope borrows);
/// a level that stops the walk says where, and the error is thrown once the walk is over.
enum FieldPaths {
    /// The end of a walk: the value read, or at which level (by depth) and why it stopped; a
    /// small enum, handed back through every level. The error itself is made by `get`, outside
    /// the borrowing scopes: building its message calls into the standard library, which the
    /// compiler cannot see through and so would copy what is borrowed.
    enum Reading {
        case value(Value)
        case absent(depth: Int)
        case notRecord(depth: Int, TypeName)

        @inline(__always)
        func get(_ levels: [Level]) throws(EvalError) -> Value {
            switch self {
            case .value(let value): return value
            case .absent(let depth): throw EvalError.missing(levels[depth].path, offset: levels[depth].offset)
            case .notRecord(let depth, let type):
                throw EvalError(.failure("no such field '\(levels[depth].field)': \(type) has no fields"),
                                offset: levels[depth].offset)
            }
        }
    }

    /// One `.field` of a path, with everything decided at plan time.
    struct Level: Sendable {
        let key: Value
        let fingerprint: UInt64
        /// The key's bits, to recognise the schema's own key in a record without a call.
        let identity: KeyIdentity
        let field: String
        let path: String
        let presenceTest: Bool
        let operandIsRecord: Bool
        let nullReading: Value
        let positionHint: Int
        let offset: Int
        /// Place in the path, from 0 at the variable's field.
        var depth = 0

        init(_ selection: CheckedNode.Selection, offset: Int) {
            key = selection.key
            fingerprint = KeyFingerprint.of(selection.key)
            identity = KeyIdentity(selection.key)
            field = selection.field
            path = selection.path
            presenceTest = selection.presenceTest
            operandIsRecord = selection.operandIsRecord
            nullReading = selection.nullReading
            positionHint = selection.positionHint ?? 0
            self.offset = offset
        }

        /// The last level of a path: the selected value, the one copy a walk makes.
        @inline(__always)
        func read(_ operand: borrowing Value) -> Reading {
            enter(operand) { value in .value(Value.copy(of: value)) }
        }

        /// Selects the field of `operand` and hands it, where it lies, to `next`.
        @inline(__always)
        func enter(_ operand: borrowing Value, _ next: (borrowing Value) -> Reading) -> Reading {
            switch operand {
            case .map(let map):
                guard let position = map.position(forKey: key, identity: identity, fingerprint: fingerprint, hint: positionHint) else {
                    return presenceTest ? next(.bool(false)) : .absent(depth: depth)
                }
                if presenceTest { return next(.bool(true)) }
                return map.withValue(at: position) { value in
                    if operandIsRecord, case .null = value { return next(nullReading) }
                    return next(value)
                }
            case .null where operandIsRecord:
                // A null record reads as one whose fields are all null.
                return next(presenceTest ? .bool(true) : nullReading)
            default:
                return .notRecord(depth: depth, operand.typeName)
            }
        }
    }

    static func plan(_ selection: CheckedNode.Selection, offset: Int) -> Planner.Step {
        var levels = [Level(selection, offset: offset)]
        var base = selection.operand
        while case .select(let inner) = base.kind {
            levels.append(Level(inner, offset: base.offset))
            base = inner.operand
        }
        levels.reverse()
        for depth in levels.indices { levels[depth].depth = depth }
        let path = levels
        if case .constant(let value) = base.kind {
            // A path into a known value (`params.min_age`) is read now, once; an error it
            // gives is given at run time, as before.
            let read = walk(path, from: value)
            return { _ throws(EvalError) in try read.get(path) }
        }
        guard case .variable(let slot, let name) = base.kind else {
            let operand = Planner.plan(base)
            return { frame throws(EvalError) in try walk(path, from: try operand(frame)).get(path) }
        }
        let at = base.offset
        // The usual depths get a closure each, so the levels are not walked as an array.
        switch levels.count {
        case 1:
            let first = levels[0]
            return { frame throws(EvalError) in
                try bound(frame.withBound(slot) { root in first.read(root) }, name, at, path)
            }
        case 2:
            let first = levels[0], second = levels[1]
            return { frame throws(EvalError) in
                try bound(frame.withBound(slot) { root in first.enter(root) { second.read($0) } }, name, at, path)
            }
        case 3:
            let first = levels[0], second = levels[1], third = levels[2]
            return { frame throws(EvalError) in
                try bound(frame.withBound(slot) { root in
                    first.enter(root) { middle in second.enter(middle) { third.read($0) } }
                }, name, at, path)
            }
        default:
            return { frame throws(EvalError) in
                try bound(frame.withBound(slot) { root in walk(path, from: root) }, name, at, path)
            }
        }
    }

    /// The value a walk from a variable's slot read, or why there was none.
    @inline(__always)
    private static func bound(_ reading: Reading?, _ name: String, _ offset: Int, _ levels: [Level]) throws(EvalError) -> Value {
        guard let reading else {
            throw EvalError(.failure("no value bound for variable '\(name)'"), offset: offset)
        }
        return try reading.get(levels)
    }

    /// Any number of levels (at least one), each handing on to the next.
    private static func walk(_ levels: [Level], from value: borrowing Value, at depth: Int = 0) -> Reading {
        let level = levels[depth]
        if depth == levels.count - 1 { return level.read(value) }
        return level.enter(value) { walk(levels, from: $0, at: depth + 1) }
    }
}
