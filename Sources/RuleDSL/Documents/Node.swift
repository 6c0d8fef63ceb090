/// A parsed document: scalars, sequences and mappings, each knowing where it was written.
///
/// YAML and JSON both read into this one tree, so everything after parsing (schema validation,
/// rule loading) is written once and reports locations the same way for both.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([MappingEntry])
    }

    public struct MappingEntry: Sendable {
        public var key: Node
        public var value: Node

        public init(key: Node, value: Node) {
            self.key = key
            self.value = value
        }
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, when this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The mapping's entries, when this node is a mapping.
    public var mappingEntries: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The sequence's items, when this node is a sequence.
    public var sequenceItems: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under a scalar key of a mapping (keys are unique after loading).
    public subscript(key: String) -> Node? {
        mappingEntries?.first { $0.key.scalar?.text == key }?.value
    }

    /// A short description of the node's shape for error messages ("a list", "the text 'yes'").
    public var kindDescription: String {
        switch content {
        case .scalar(let scalar): return scalar.kindDescription
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A scalar as written. How it is typed (null, bool, number, text) is decided by
/// `Scalar.resolved`, and only when something asks, so that a field declared as text can take
/// the text exactly as written.
public struct Scalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain
        case singleQuoted
        case doubleQuoted
        case literal
        case folded
    }

    public var text: String
    public var style: Style
    /// An explicit tag such as `tag:yaml.org,2002:str`, if one was written.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    public var isQuoted: Bool { style != .plain }
}
