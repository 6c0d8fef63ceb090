/// Field selections planned as one step per path: `case.admission.date` reads the variable and
/// walks its two keys in a single closure, instead of three closures each returning an
/// intermediate map. Each level does exactly what a lone selection does (absent → missing with
/// the path, or `false` for `has()`; a `null` record reads as all-`null` fields).
enum FieldPaths {
    /// One `.field` of a path, with everything decided at plan time.
    struct Level: Sendable {
        let key: Value
        let fingerprint: UInt64
        let field: String
        let path: String
        let presenceTest: Bool
        let operandIsRecord: Bool
        let nullReading: Value
        let positionHint: Int
        let offset: Int

        init(_ selection: CheckedNode.Selection, offset: Int) {
            key = selection.key
            fingerprint = KeyFingerprint.of(selection.key)
            field = selection.field
            path = selection.path
            presenceTest = selection.presenceTest
            operandIsRecord = selection.operandIsRecord
            nullReading = selection.nullReading
            positionHint = selection.positionHint ?? 0
            self.offset = offset
        }

        @inline(__always)
        func select(from operand: Value) throws(EvalError) -> Value {
            switch operand {
            case .map(let map):
                guard let value = map.value(forKey: key, fingerprint: fingerprint, hint: positionHint) else {
                    if presenceTest { return .bool(false) }
                    throw EvalError.missing(path, offset: offset)
                }
                if presenceTest { return .bool(true) }
                if operandIsRecord, case .null = value { return nullReading }
                return value
            case .null where operandIsRecord:
                // A null record reads as one whose fields are all null.
                return presenceTest ? .bool(true) : nullReading
            case let other:
                throw EvalError(.failure("no such field '\(field)': \(other.typeName) has no fields"), offset: offset)
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
        let path = levels
        if case .constant(let value) = base.kind {
            // A path into a known value (`params.min_age`) is read now, once; an error it
            // gives is given at run time, as before.
            let read = Result { () throws(EvalError) -> Value in try walk(path, from: value) }
            return { _ throws(EvalError) in try read.get() }
        }
        guard case .variable(let slot, let name) = base.kind else {
            let operand = Planner.plan(base)
            return { frame throws(EvalError) in try walk(path, from: try operand(frame)) }
        }
        let at = base.offset
        // The usual depths get a closure each, so the levels are not walked as an array.
        switch levels.count {
        case 1:
            let first = levels[0]
            return { frame throws(EvalError) in try first.select(from: try variable(frame, slot, name, at)) }
        case 2:
            let first = levels[0], second = levels[1]
            return { frame throws(EvalError) in try second.select(from: try first.select(from: try variable(frame, slot, name, at))) }
        case 3:
            let first = levels[0], second = levels[1], third = levels[2]
            return { frame throws(EvalError) in
                try third.select(from: try second.select(from: try first.select(from: try variable(frame, slot, name, at))))
            }
        default:
            return { frame throws(EvalError) in try walk(path, from: try variable(frame, slot, name, at)) }
        }
    }

    @inline(__always)
    private static func variable(_ frame: Frame, _ slot: Int, _ name: String, _ offset: Int) throws(EvalError) -> Value {
        guard let value = frame[slot] else {
            throw EvalError(.failure("no value bound for variable '\(name)'"), offset: offset)
        }
        return value
    }

    private static func walk(_ levels: [Level], from value: Value) throws(EvalError) -> Value {
        var current = value
        for level in levels { current = try level.select(from: current) }
        return current
    }
}
