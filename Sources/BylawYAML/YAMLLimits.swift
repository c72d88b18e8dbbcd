public import BylawDiagnostics

/// Hard limits a document must stay within; each is checked at the libyaml event where it is
/// crossed, so hostile input is rejected before libyaml scans the rest of it.
///
/// The defaults come from `reliability.md` §4.3. Callers may lower any field.
public struct YAMLLimits: Sendable {
    /// Raw size in bytes, checked before parsing (in stream mode: per document).
    public var maxBytes: Int
    /// Nesting depth of collections (a flat mapping has depth 1).
    public var maxDepth: Int
    /// Whether anchors and aliases may be used at all.
    public var aliasesAllowed: Bool
    /// Alias events per document.
    public var maxAliases: Int
    /// Anchors defined per document.
    public var maxAnchors: Int
    /// Nodes copied in by aliases may be at most this many times the nodes written so far.
    public var maxAliasExpansionFactor: Int
    /// Scalar length in UTF-8 bytes.
    public var maxScalarBytes: Int
    /// Mapping key length in UTF-8 bytes.
    public var maxKeyBytes: Int
    /// Keys in one mapping.
    public var maxKeysPerMapping: Int
    /// Items in one sequence.
    public var maxItemsPerSequence: Int
    /// Nodes in one document, nodes copied by aliases included.
    public var maxNodes: Int
    /// Whether bidirectional control characters (U+202A–U+202E, U+2066–U+2069) are accepted.
    public var bidiControlsAllowed: Bool

    public init(
        maxBytes: Int, maxDepth: Int, aliasesAllowed: Bool, maxAliases: Int, maxAnchors: Int,
        maxAliasExpansionFactor: Int, maxScalarBytes: Int, maxKeyBytes: Int, maxKeysPerMapping: Int,
        maxItemsPerSequence: Int, maxNodes: Int, bidiControlsAllowed: Bool
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.aliasesAllowed = aliasesAllowed
        self.maxAliases = maxAliases
        self.maxAnchors = maxAnchors
        self.maxAliasExpansionFactor = maxAliasExpansionFactor
        self.maxScalarBytes = maxScalarBytes
        self.maxKeyBytes = maxKeyBytes
        self.maxKeysPerMapping = maxKeysPerMapping
        self.maxItemsPerSequence = maxItemsPerSequence
        self.maxNodes = maxNodes
        self.bidiControlsAllowed = bidiControlsAllowed
    }

    /// Rule sets: small, human-written, hostile-until-proven-otherwise.
    public static let ruleSet = YAMLLimits(
        maxBytes: 1 << 20, maxDepth: 64, aliasesAllowed: true, maxAliases: 50, maxAnchors: 1000,
        maxAliasExpansionFactor: 10, maxScalarBytes: 64 << 10, maxKeyBytes: 1 << 10,
        maxKeysPerMapping: 10_000, maxItemsPerSequence: 100_000, maxNodes: 100_000,
        bidiControlsAllowed: false
    )

    /// Decision documents: larger data, no anchors or aliases.
    public static let decision = YAMLLimits(
        maxBytes: 8 << 20, maxDepth: 64, aliasesAllowed: false, maxAliases: 0, maxAnchors: 0,
        maxAliasExpansionFactor: 1, maxScalarBytes: 1 << 20, maxKeyBytes: 1 << 10,
        maxKeysPerMapping: 10_000, maxItemsPerSequence: 1_000_000, maxNodes: 2_000_000,
        bidiControlsAllowed: true
    )
}

/// Why loading failed: one or more diagnostics, at least one of them an error.
public struct YAMLLoadError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }
}
