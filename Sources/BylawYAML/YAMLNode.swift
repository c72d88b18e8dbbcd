public import BylawDiagnostics

/// A position in a YAML source: 1-based line and column (in Unicode scalars) and 0-based byte offset.
public struct YAMLMark: Sendable, Hashable {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 0-based byte offset from the start of the file (a leading BOM included).
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }
}

/// How a scalar was written in the source.
public enum YAMLScalarStyle: Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// The type a scalar resolves to under the YAML 1.2 core schema.
public enum YAMLCoreType: Sendable {
    case null, bool, int, float, string
}

/// One node of a loaded document: a scalar, a sequence or a mapping, with its source span.
///
/// A node copied from an alias keeps the positions of the anchored node it copies.
public struct YAMLNode: Sendable {
    /// What the node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Pairs in file order.
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The file the node was read from, as the caller named it.
    public var file: String
    /// Where the node starts (for a collection, its first token; for a block scalar, the indicator).
    public var start: YAMLMark
    /// Just past the node's last character.
    public var end: YAMLMark

    public init(content: Content, file: String, start: YAMLMark, end: YAMLMark) {
        self.content = content
        self.file = file
        self.start = start
        self.end = end
    }

    /// The file and start position, for diagnostics.
    public var location: SourceLocation {
        SourceLocation(file: file, line: start.line, column: start.column)
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, when this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in file order, when this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under a string key of a mapping (a key whose core type is `string`), or `nil`.
    public subscript(key: String) -> YAMLNode? {
        guard let pairs = mapping else { return nil }
        for pair in pairs {
            if let k = pair.key.scalar, k.coreType == .string, k.text == key { return pair.value }
        }
        return nil
    }

    /// `scalar`, `sequence` or `mapping`, for messages.
    public var kindName: String {
        switch content {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }
}

/// One key and value of a mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's value, how it was written and how it resolves under the YAML 1.2 core schema.
///
/// `text` always keeps the original spelling (`650000.00`, `0012`, `0755`): `0755` resolves to
/// `.int` under the core schema (it matches `[-+]?[0-9]+`), so a schema layer that wants to reject
/// leading zeros reads `text`.
public struct YAMLScalar: Sendable {
    /// The value after unescaping and line folding, in the original spelling.
    public var text: String
    public var style: YAMLScalarStyle
    /// Plain scalars by the 1.2 core schema; quoted and block scalars are `.string`; explicit
    /// `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` tags are honoured.
    public var coreType: YAMLCoreType
    /// Where the scalar came from, for `location(ofValueOffset:)`.
    var source: ScalarSource

    public init(text: String, style: YAMLScalarStyle, coreType: YAMLCoreType) {
        self.text = text
        self.style = style
        self.coreType = coreType
        self.source = ScalarSource(file: "", start: YAMLMark(line: 1, column: 1, offset: 0), raw: nil)
    }

    init(text: String, style: YAMLScalarStyle, coreType: YAMLCoreType, source: ScalarSource) {
        self.text = text
        self.style = style
        self.coreType = coreType
        self.source = source
    }

    /// `true` or `false` when the scalar resolves to a core bool, else `nil`.
    public var boolValue: Bool? {
        guard coreType == .bool else { return nil }
        return CoreSchema.boolValue(text)
    }

    /// True when the scalar resolves to the core null (`~`, `null`, empty plain scalar, `!!null`).
    public var isNull: Bool { coreType == .null }
}

/// The raw source of a scalar: enough to map offsets in its value back to file positions.
struct ScalarSource: Sendable {
    var file: String
    var start: YAMLMark
    /// The scalar's source text from its start mark to its end mark, or `nil` when unknown.
    var raw: String?
}
