internal import BylawDiagnostics

/// Builds one document's node tree from libyaml events with an explicit stack (never recursion),
/// enforcing every limit and policy at the event where it is crossed.
struct Composer {
    /// A collection under construction.
    private struct Frame {
        var isMapping: Bool
        var start: YAMLMark
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var seen = KeySet()
        /// Nodes in this subtree (alias copies included) and its height.
        var count = 1
        var height = 1
    }

    /// The keys a mapping has so far, for duplicates: a short list scanned while the mapping is small (as nearly
    /// all are), a hash table beyond; hashing every key of every small mapping was a twentieth of a check.
    struct KeySet {
        private var list: [(key: CoreSchema.KeyIdentity, mark: YAMLMark)] = []
        private var table: [CoreSchema.KeyIdentity: YAMLMark]?
        private static let listLimit = 16

        subscript(key: CoreSchema.KeyIdentity) -> YAMLMark? {
            if let table { return table[key] }
            return list.first { $0.key == key }?.mark
        }

        mutating func insert(_ key: CoreSchema.KeyIdentity, at mark: YAMLMark) {
            if table != nil {
                table?[key] = mark
            } else if list.count < Self.listLimit {
                list.append((key, mark))
            } else {
                var t = Dictionary(list, uniquingKeysWith: { first, _ in first })
                t[key] = mark
                table = t
                list = []
            }
        }
    }

    /// A finished anchored node, for aliases.
    private struct Anchored {
        var node: YAMLNode
        var count: Int
        var height: Int
    }

    let reader: EventReader
    let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var anchorNames: Set<String> = []
    private var aliases = 0
    private var nodes = 0
    private var written = 0
    private var expanded = 0

    init(reader: EventReader, limits: YAMLLimits) {
        self.reader = reader
        self.limits = limits
    }

    private var file: String { reader.file }

    func fail(
        _ code: String, _ message: String, at mark: YAMLMark, length: Int = 1, help: String? = nil,
        notes: [Diagnostic.Note] = []
    ) -> YAMLLoadError {
        YAMLLoadError(.error(code, message, at: reader.location(mark), length: length, help: help, notes: notes))
    }

    /// The width of a node on its first line, for the `^~~~` under it.
    static func width(_ node: YAMLNode) -> Int {
        node.end.line == node.start.line ? max(1, node.end.column - node.start.column) : 1
    }

    /// Composes the document whose `DOCUMENT-START` event is `start`, through its `DOCUMENT-END`.
    mutating func document(start: Event) throws(YAMLLoadError) -> YAMLNode {
        stack = []
        anchors = [:]
        anchorNames = []
        (aliases, nodes, written, expanded) = (0, 0, 0, 0)
        if case .documentStart(let version, let hasTags) = start.kind {
            if let v = version, v.major != 1 || v.minor != 2 {
                throw fail(
                    "yaml.directive",
                    "`%YAML \(v.major).\(v.minor)` is not supported; write `%YAML 1.2` or no directive", at: start.start
                )
            }
            if hasTags { throw fail("yaml.directive", "`%TAG` directives are not allowed", at: start.start) }
        }
        while true {
            let event = try reader.next()
            if event.end.offset - start.start.offset > limits.maxBytes {
                throw fail(
                    "yaml.limit.size", "the document is larger than the limit of \(limits.maxBytes) bytes",
                    at: event.start)
            }
            var finished: (node: YAMLNode, count: Int, height: Int)?
            switch event.kind {
            case .scalar(let value, let length, let style, let tag, let anchor):
                try checkSlot(at: event.start, isCollection: false)
                if length > limits.maxScalarBytes {
                    throw fail(
                        "yaml.limit.scalar",
                        "scalar of \(length) bytes is longer than the limit of \(limits.maxScalarBytes)",
                        at: event.start)
                }
                if let anchor { try define(anchor, at: event.start) }
                let type = try coreType(of: value, style: style, tag: tag, at: event.start)
                let raw = reader.source.text(from: event.start.offset, to: event.end.offset)
                let scalar = YAMLScalar(
                    text: value, style: style, coreType: type,
                    source: ScalarSource(file: file, start: event.start, raw: raw))
                let node = YAMLNode(content: .scalar(scalar), file: file, start: event.start, end: event.end)
                if let anchor { anchors[anchor] = Anchored(node: node, count: 1, height: 0) }
                nodes += 1
                written += 1
                finished = (node, 1, 0)
            case .alias(let name):
                finished = try alias(name, at: event.start)
            case .sequenceStart(let tag, let anchor), .mappingStart(let tag, let anchor):
                let isMapping = if case .mappingStart = event.kind { true } else { false }
                try checkSlot(at: event.start, isCollection: true)
                try checkCollectionTag(tag, isMapping: isMapping, at: event.start)
                if let anchor { try define(anchor, at: event.start) }
                nodes += 1
                written += 1
                stack.append(Frame(isMapping: isMapping, start: event.start, anchor: anchor))
            case .sequenceEnd, .mappingEnd:
                guard let frame = stack.popLast() else {
                    throw fail("yaml.syntax", "unbalanced collection end", at: event.start)
                }
                let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
                let node = YAMLNode(content: content, file: file, start: frame.start, end: event.end)
                if let anchor = frame.anchor {
                    anchors[anchor] = Anchored(node: node, count: frame.count, height: frame.height)
                }
                finished = (node, frame.count, frame.height)
            case .streamStart, .streamEnd, .documentStart, .documentEnd:
                throw fail("yaml.syntax", "unexpected end of document", at: event.start)
            }
            guard let done = finished else { continue }
            if stack.isEmpty {
                let end = try reader.next()
                guard case .documentEnd = end.kind else {
                    throw fail("yaml.syntax", "expected the end of the document", at: end.start)
                }
                return done.node
            }
            try add(done.node, count: done.count, height: done.height)
        }
    }

    /// Checks the limits that apply when a new node starts in the current collection.
    private mutating func checkSlot(at mark: YAMLMark, isCollection: Bool) throws(YAMLLoadError) {
        if let top = stack.last {
            if top.isMapping, top.pendingKey == nil {
                if isCollection {
                    throw fail("yaml.complex-key", "mapping keys must be scalars, not collections", at: mark)
                }
                if top.pairs.count >= limits.maxKeysPerMapping {
                    throw fail("yaml.limit.keys", "mapping has more than \(limits.maxKeysPerMapping) keys", at: mark)
                }
            } else if !top.isMapping, top.items.count >= limits.maxItemsPerSequence {
                throw fail("yaml.limit.items", "sequence has more than \(limits.maxItemsPerSequence) items", at: mark)
            }
        }
        if isCollection, stack.count >= limits.maxDepth {
            throw fail(
                "yaml.limit.depth", "collections are nested deeper than the limit of \(limits.maxDepth)", at: mark)
        }
        if nodes >= limits.maxNodes {
            throw fail("yaml.limit.nodes", "document has more than \(limits.maxNodes) nodes", at: mark)
        }
    }

    /// Adds a finished node to the collection on top of the stack.
    private mutating func add(_ node: YAMLNode, count: Int, height: Int) throws(YAMLLoadError) {
        let top = stack.count - 1
        stack[top].count += count
        stack[top].height = max(stack[top].height, height + 1)
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            guard let scalar = node.scalar else {
                throw fail("yaml.complex-key", "mapping keys must be scalars, not collections", at: node.start)
            }
            try checkKey(scalar, node: node)
            stack[top].pendingKey = node
            return
        }
        stack[top].pairs.append(YAMLPair(key: key, value: node))
        stack[top].pendingKey = nil
    }

    private mutating func checkKey(_ key: YAMLScalar, node: YAMLNode) throws(YAMLLoadError) {
        let top = stack.count - 1
        if key.style == .plain, key.text == "<<" {
            throw fail(
                "yaml.merge-key", "merge keys `<<` are not supported; write the keys out", at: node.start, length: 2)
        }
        if key.text.utf8.count > limits.maxKeyBytes {
            throw fail(
                "yaml.limit.key-length", "key is longer than the limit of \(limits.maxKeyBytes) bytes", at: node.start)
        }
        let identity = CoreSchema.keyIdentity(key)
        if let first = stack[top].seen[identity] {
            let note = Diagnostic.Note(message: "first defined here", location: reader.location(first))
            throw fail(
                "yaml.duplicate-key", "duplicate key `\(key.text)`", at: node.start, length: Self.width(node),
                notes: [note])
        }
        stack[top].seen.insert(identity, at: node.start)
    }
}

extension Composer {
    /// Records an anchor's name, rejecting redefinitions and anchors where aliases are forbidden.
    fileprivate mutating func define(_ name: String, at mark: YAMLMark) throws(YAMLLoadError) {
        guard limits.aliasesAllowed else {
            throw fail(
                "yaml.alias-forbidden",
                "anchor `&\(name)` is not allowed: this document may not use anchors or aliases", at: mark)
        }
        guard !anchorNames.contains(name) else {
            throw fail("yaml.duplicate-anchor", "anchor `&\(name)` is defined twice", at: mark)
        }
        guard anchorNames.count < limits.maxAnchors else {
            throw fail("yaml.limit.anchors", "document defines more than \(limits.maxAnchors) anchors", at: mark)
        }
        anchorNames.insert(name)
    }

    /// Expands an alias into a copy of its anchored node, counting the copy against the limits.
    fileprivate mutating func alias(_ name: String, at mark: YAMLMark) throws(YAMLLoadError) -> (YAMLNode, Int, Int) {
        guard limits.aliasesAllowed else {
            throw fail(
                "yaml.alias-forbidden", "alias `*\(name)` is not allowed: this document may not use anchors or aliases",
                at: mark)
        }
        aliases += 1
        if aliases > limits.maxAliases {
            throw fail("yaml.limit.aliases", "document uses more than \(limits.maxAliases) aliases", at: mark)
        }
        guard let target = anchors[name] else {
            let why = anchorNames.contains(name) ? "refers to a node that contains it" : "has no anchor before it"
            throw fail("yaml.undefined-alias", "alias `*\(name)` \(why)", at: mark)
        }
        try checkSlot(at: mark, isCollection: target.node.scalar == nil)
        if nodes + target.count > limits.maxNodes {
            throw fail(
                "yaml.limit.nodes", "document has more than \(limits.maxNodes) nodes once aliases are expanded",
                at: mark)
        }
        if stack.count + target.height > limits.maxDepth {
            throw fail(
                "yaml.limit.depth",
                "collections are nested deeper than the limit of \(limits.maxDepth) once aliases are expanded", at: mark
            )
        }
        expanded += target.count
        if written + expanded > limits.maxAliasExpansionFactor * written {
            throw fail(
                "yaml.limit.expansion",
                "aliases expand the document to more than \(limits.maxAliasExpansionFactor) times its written size",
                at: mark)
        }
        nodes += target.count
        return (target.node, target.count, target.height)
    }
}
