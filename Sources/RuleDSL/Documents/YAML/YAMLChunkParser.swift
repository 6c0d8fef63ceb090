import CYAML

/// Why reading a stretch of YAML stopped early.
struct YAMLChunkFailure {
    var diagnostic: Diagnostic
    /// True when nothing after this point can be read either (e.g. too many documents).
    var fatal: Bool
}

/// Runs libyaml over one stretch of a file and builds the documents in it.
///
/// The tree is built with an explicit stack, so deep nesting can never overflow the call stack;
/// depth, node count (including alias expansion) and scalar size are checked as events arrive.
struct YAMLChunkParser {
    let file: String
    let limits: DocumentLimits
    /// 1-based line of the chunk's first byte in the file.
    let lineOffset: Int
    let documentsSoFar: Int
    private(set) var documents: [Node] = []

    private var stack: [Frame] = []
    private var root: Node?
    private var anchors: [String: AnchoredNode] = [:]
    private var nodeCount = 0

    init(file: String, limits: DocumentLimits, lineOffset: Int, documentsSoFar: Int) {
        self.file = file
        self.limits = limits
        self.lineOffset = lineOffset
        self.documentsSoFar = documentsSoFar
    }

    private struct AnchoredNode {
        var node: Node
        var nodeCount: Int
    }

    private enum Frame {
        case sequence(items: [Node], location: SourceLocation, anchor: String?, startCount: Int)
        case mapping(
            entries: [Node.MappingEntry], pendingKey: Node?, seenKeys: Set<String>,
            location: SourceLocation, anchor: String?, startCount: Int)
    }

    /// Parses the buffer; returns nil when it was read to the end without a problem.
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, locateOffset: (Int) -> SourceLocation) -> YAMLChunkFailure? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return YAMLChunkFailure(
                diagnostic: .error(at: location(line: 0, column: 0), code: "yaml.memory", "libyaml could not start (out of memory)"),
                fatal: true)
        }
        defer { yaml_parser_delete(parser) }
        if let base = buffer.baseAddress {
            yaml_parser_set_input_string(parser, base, buffer.count)
        } else {
            return nil
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                return YAMLChunkFailure(diagnostic: syntaxError(parser.pointee, locateOffset: locateOffset), fatal: false)
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            if let failure = handle(event) { return failure }
        }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column + 1)
    }

    private func location(of mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    private mutating func handle(_ event: yaml_event_t) -> YAMLChunkFailure? {
        let here = location(of: event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            guard documentsSoFar + documents.count < limits.maxDocuments else {
                return YAMLChunkFailure(
                    diagnostic: .error(at: here, code: "input.limit.documents",
                        "more than \(limits.maxDocuments) documents in one file",
                        hint: "split the file"),
                    fatal: true)
            }
            stack = []
            root = nil
            anchors = [:]
            nodeCount = 0
        case YAML_DOCUMENT_END_EVENT:
            if let root { documents.append(root) }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            guard data.length <= limits.maxScalarBytes else {
                return limitFailure(here, code: "input.limit.scalar-size",
                    "a value of \(data.length) bytes, more than the limit of \(limits.maxScalarBytes)")
            }
            let text = string(data.value, length: data.length)
            let tag = data.tag.map { String(cString: $0) }
            if let tag, tag != "!", !YAMLChunkParser.knownTags.contains(tag) {
                return YAMLChunkFailure(
                    diagnostic: .error(at: here, code: "yaml.tag", "expected a plain value, found the unsupported tag '\(tag)'",
                        hint: "remove the tag; values are typed by the field they belong to"),
                    fatal: false)
            }
            let node = Node(.scalar(Scalar(text, style: style(data.style), tag: tag)), at: here)
            return add(node, count: 1, anchor: data.anchor.map { String(cString: $0) })
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let anchored = anchors[name] else {
                return YAMLChunkFailure(
                    diagnostic: .error(at: here, code: "yaml.alias", "expected a defined anchor, found the alias '*\(name)' with no '&\(name)' before it"),
                    fatal: false)
            }
            var copy = anchored.node
            copy.location = here
            return add(copy, count: anchored.nodeCount, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            if let failure = push(at: here) { return failure }
            stack.append(.sequence(
                items: [], location: here,
                anchor: event.data.sequence_start.anchor.map { String(cString: $0) }, startCount: nodeCount))
        case YAML_MAPPING_START_EVENT:
            if let failure = push(at: here) { return failure }
            stack.append(.mapping(
                entries: [], pendingKey: nil, seenKeys: [], location: here,
                anchor: event.data.mapping_start.anchor.map { String(cString: $0) }, startCount: nodeCount))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let node: Node
            let anchor: String?
            let startCount: Int
            switch frame {
            case .sequence(let items, let location, let frameAnchor, let count):
                node = Node(.sequence(items), at: location)
                (anchor, startCount) = (frameAnchor, count)
            case .mapping(let entries, _, _, let location, let frameAnchor, let count):
                node = Node(.mapping(entries), at: location)
                (anchor, startCount) = (frameAnchor, count)
            }
            // The container itself was counted on push; add it without counting it again.
            return attach(node, subtreeCount: nodeCount - startCount + 1, anchor: anchor)
        default:
            break
        }
        return nil
    }

    private static let knownTags: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    ]

    private mutating func push(at here: SourceLocation) -> YAMLChunkFailure? {
        guard stack.count < limits.maxDepth else {
            return limitFailure(here, code: "input.limit.depth",
                "lists and mappings nested more than \(limits.maxDepth) levels deep")
        }
        nodeCount += 1
        return checkNodeCount(at: here)
    }

    private mutating func add(_ node: Node, count: Int, anchor: String?) -> YAMLChunkFailure? {
        nodeCount += count
        if let failure = checkNodeCount(at: node.location) { return failure }
        return attach(node, subtreeCount: count, anchor: anchor)
    }

    private func checkNodeCount(at here: SourceLocation) -> YAMLChunkFailure? {
        guard nodeCount > limits.maxNodesPerDocument else { return nil }
        return limitFailure(here, code: "input.limit.nodes",
            "the document expands to more than \(limits.maxNodesPerDocument) values (aliases included)",
            hint: "a document this large is most likely an alias bomb; write the values out or split the document")
    }

    private func limitFailure(_ here: SourceLocation, code: String, _ message: String, hint: String? = nil) -> YAMLChunkFailure {
        YAMLChunkFailure(diagnostic: .error(at: here, code: code, message, hint: hint ?? "this limit protects the checker; split or simplify the input"), fatal: false)
    }

    /// Puts a finished node into its parent (or makes it the document's root).
    private mutating func attach(_ node: Node, subtreeCount: Int, anchor: String?) -> YAMLChunkFailure? {
        if let anchor { anchors[anchor] = AnchoredNode(node: node, nodeCount: subtreeCount) }
        guard let top = stack.popLast() else {
            root = node
            return nil
        }
        switch top {
        case .sequence(var items, let location, let frameAnchor, let count):
            items.append(node)
            stack.append(.sequence(items: items, location: location, anchor: frameAnchor, startCount: count))
        case .mapping(var entries, let pendingKey, var seenKeys, let location, let frameAnchor, let count):
            if let key = pendingKey {
                entries.append(Node.MappingEntry(key: key, value: node))
                stack.append(.mapping(entries: entries, pendingKey: nil, seenKeys: seenKeys, location: location, anchor: frameAnchor, startCount: count))
            } else {
                guard let keyText = node.scalar?.text else {
                    return YAMLChunkFailure(
                        diagnostic: .error(at: node.location, code: "yaml.key", "expected a plain text key, found \(node.kindDescription) used as a key"),
                        fatal: false)
                }
                guard seenKeys.insert(keyText).inserted else {
                    let first = entries.first { $0.key.scalar?.text == keyText }?.key.location
                    return YAMLChunkFailure(
                        diagnostic: .error(at: node.location, code: "yaml.duplicate-key",
                            "expected each key once in a mapping, found '\(keyText)' a second time",
                            hint: first.map { "it was first given at line \($0.line); keep one of them" } ?? "keep one of them"),
                        fatal: false)
                }
                stack.append(.mapping(entries: entries, pendingKey: node, seenKeys: seenKeys, location: location, anchor: frameAnchor, startCount: count))
            }
        }
        return nil
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    /// A libyaml error as a located diagnostic in plain words.
    private func syntaxError(_ parser: yaml_parser_t, locateOffset: (Int) -> SourceLocation) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_READER_ERROR {
            let at = locateOffset(Int(parser.problem_offset))
            if problem.contains("control characters") {
                let what = parser.problem_value == 0 ? "a NUL byte" : "the control character U+\(String(parser.problem_value, radix: 16, uppercase: true))"
                return .error(at: at, code: "input.encoding", "expected text, found \(what)",
                    hint: "the file looks binary or damaged; export it again as UTF-8 text")
            }
            return .error(at: at, code: "input.encoding", "expected UTF-8 text, found \(problem)",
                hint: "save the file as UTF-8 (a BOM is fine)")
        }
        let at = location(of: parser.problem_mark)
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextAt = location(of: parser.context_mark)
            message += " (\(context) at line \(contextAt.line), column \(contextAt.column))"
        }
        var hint = "check the indentation and the punctuation around this spot"
        if problem.contains("cannot start any token") {
            hint = "a tab cannot indent YAML, and characters such as @ and ` cannot start a value; use spaces, or quote the value"
        }
        return .error(at: at, code: "yaml.syntax", message, hint: hint)
    }
}
