/// The checked tree: every name resolved to a slot, every call to its candidate overloads,
/// every node typed. The planner turns it into a `Program` without looking anything up by name.
struct CheckedNode: Sendable {
    var offset: Int
    var type: CELType
    var kind: Kind

    indirect enum Kind: Sendable {
        case constant(Value)
        case variable(slot: Int, name: String)
        case select(Selection)
        case index(operand: CheckedNode, index: CheckedNode, path: String?)
        case not(CheckedNode)
        case and(CheckedNode, CheckedNode)
        case or(CheckedNode, CheckedNode)
        case conditional(CheckedNode, CheckedNode, CheckedNode)
        case equal(CheckedNode, CheckedNode, negated: Bool)
        case order(BinaryOperator, CheckedNode, CheckedNode)
        case membership(element: CheckedNode, container: CheckedNode)
        /// A function or operator call; `overloads` are the candidates the static types allow.
        case call(name: String, overloads: [FunctionOverload], arguments: [CheckedNode])
        case typeOf(CheckedNode)
        case list([CheckedNode])
        case map([(key: CheckedNode, value: CheckedNode)])
        case comprehension(Comprehension)
    }

    struct Selection: Sendable {
        var operand: CheckedNode
        var field: String
        /// `Value.string(field)`, built once here rather than on every evaluation.
        var key: Value
        /// Static path for missing-data reports, e.g. `case.woman.sex`.
        var path: String
        var presenceTest: Bool
        /// The operand is a declared record, so record null semantics apply.
        var operandIsRecord: Bool
        /// What a `null` in this field reads as: `false` for bool, `[]` for list, else `null`.
        var nullReading: Value
        /// Where the field's key is likely to sit in a record: its place in the declared
        /// fields (records list their keys in that order, minus the absent ones).
        var positionHint: Int? = nil
    }

    struct Comprehension: Sendable {
        var kind: Macro.Kind
        var range: CheckedNode
        var slot: Int
        var predicate: CheckedNode?
        var transform: CheckedNode?
    }
}
