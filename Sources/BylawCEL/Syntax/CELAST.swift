/// A parsed CEL expression: a tree of nodes, each with an id and a source range.
public struct CELAST: Sendable {
    /// The root node.
    public var root: CELExpr
    /// The expression text the offsets refer to.
    public var source: String

    /// Every node, in pre-order (a node before its children).
    public var nodes: [CELExpr] {
        var out: [CELExpr] = []
        var stack = [root]
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }
}

/// A literal in the source, with its text where exactness matters.
public enum CELLiteral: Sendable, Equatable {
    case bool(Bool)
    /// An integer with its source text (decimal contexts read the text).
    case int(Int64, text: String)
    case uint(UInt64)
    /// A double with its source text (decimal contexts read the text, not the double).
    case double(Double, text: String)
    case string(String)
    case bytes([UInt8])
    case null

    var value: CELValue {
        switch self {
        case .bool(let value): .bool(value)
        case .int(let value, _): .int(value)
        case .uint(let value): .uint(value)
        case .double(let value, _): .double(value)
        case .string(let value): .string(value)
        case .bytes(let value): .bytes(value)
        case .null: .null
        }
    }
}

/// The comprehension macros.
public enum CELComprehensionKind: String, Sendable {
    case all, exists, existsOne = "exists_one", map, filter, count
    /// cel-go's two-variable transforms: `transformList(i, v, …)`, `transformMap(i, v, …)`,
    /// `transformMapEntry(i, v, …)`.
    case transformList, transformMap, transformMapEntry
}

/// A macro loop over a list (its elements) or a map (its keys); with a second variable, over a list's indexes
/// and elements or a map's keys and values.
public struct CELComprehension: Sendable {
    public var kind: CELComprehensionKind
    /// The loop variable; in a two-variable comprehension, the index or key.
    public var variable: String
    /// The element or value variable of a two-variable comprehension (`all(i, v, …)`), else nil.
    public var variable2: String?
    public var range: CELExpr
    /// The predicate (or, for a `map` or a transform without a filter, the transform).
    public var predicate: CELExpr
    /// The transform of a `map` or transform that has a filter; `predicate` is then the filter.
    public var transform: CELExpr?

    public init(
        kind: CELComprehensionKind, variable: String, variable2: String? = nil, range: CELExpr, predicate: CELExpr,
        transform: CELExpr?
    ) {
        self.kind = kind
        self.variable = variable
        self.variable2 = variable2
        self.range = range
        self.predicate = predicate
        self.transform = transform
    }

    /// The names the body sees.
    var variables: [String] { [variable] + (variable2.map { [$0] } ?? []) }

    /// Whether the kind builds a value from its body (a `map` or a transform) rather than testing a predicate.
    var isTransform: Bool { kind.isTransform }
}

extension CELComprehensionKind {
    var isTransform: Bool {
        switch self {
        case .map, .transformList, .transformMap, .transformMapEntry: true
        default: false
        }
    }
}

/// One map literal entry.
public struct CELMapEntry: Sendable {
    public var key: CELExpr
    public var value: CELExpr
}

/// A node's kind.
public indirect enum CELExprKind: Sendable {
    case literal(CELLiteral)
    case ident(String)
    /// `operand.field`; `testOnly` for `has(operand.field)`.
    case select(operand: CELExpr, field: String, testOnly: Bool)
    /// A call; operators use internal names (`_+_`, `_&&_`, `_[_]`, `@in`, `!_`, `-_`, `_?_:_`).
    case call(function: String, target: CELExpr?, args: [CELExpr])
    case list([CELExpr])
    case map([CELMapEntry])
    case comprehension(CELComprehension)
    /// A placeholder where a syntax error was reported.
    case error
}

/// A node of the expression tree.
public struct CELExpr: Sendable {
    /// Unique within its AST.
    public var id: Int
    /// Offset of the node's first character, in Unicode scalars from the start of the text.
    public var offset: Int
    /// Length of the node's source text, in Unicode scalars.
    public var length: Int
    public var kind: CELExprKind

    /// The direct sub-expressions, in source order.
    public var children: [CELExpr] {
        switch kind {
        case .literal, .ident, .error: []
        case .select(let operand, _, _): [operand]
        case .call(_, let target, let args): (target.map { [$0] } ?? []) + args
        case .list(let items): items
        case .map(let entries): entries.flatMap { [$0.key, $0.value] }
        case .comprehension(let c): [c.range, c.predicate] + (c.transform.map { [$0] } ?? [])
        }
    }

    /// A short name of the kind, for hosts that print trees: `literal`, `call`, `select` …
    public var kindName: String {
        switch kind {
        case .literal: "literal"
        case .ident: "ident"
        case .select(_, _, let testOnly): testOnly ? "has" : "select"
        case .call: "call"
        case .list: "list"
        case .map: "map"
        case .comprehension(let c): c.kind.rawValue
        case .error: "error"
        }
    }
}

/// A diagnostic about an expression: syntax, type or reference errors.
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
    /// A stable code: `cel.syntax`, `cel.undeclared-reference`, `cel.no-matching-overload`,
    /// `cel.undefined-field`, `cel.type-mismatch`, `cel.limit`.
    public var code: String
    /// One lowercase line, user text in backticks.
    public var message: String
    /// Offset in Unicode scalars from the start of the expression.
    public var offset: Int
    /// Length in Unicode scalars (at least 1 except at the end of the text).
    public var length: Int
    /// An optional help line, such as "did you mean `book_value`?".
    public var help: String?

    public init(code: String, message: String, offset: Int, length: Int, help: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.length = length
        self.help = help
    }

    public var description: String { "\(offset): \(message)" + (help.map { " (\($0))" } ?? "") }
}

/// Every issue found in one expression, sorted by position: the failure of `CEL.parse` and `CEL.compile`.
/// A collection, so callers iterate it like the array it wraps.
public struct CELIssues: Error, Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    public var issues: [CELIssue]
    public init(_ issues: [CELIssue]) { self.issues = issues }
    public init(arrayLiteral elements: CELIssue...) { issues = elements }
    public var startIndex: Int { issues.startIndex }
    public var endIndex: Int { issues.endIndex }
    public subscript(position: Int) -> CELIssue { issues[position] }
}
