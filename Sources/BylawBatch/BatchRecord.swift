import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawJSON
import BylawYAML

/// One record of a batch input as read, before it is checked. Parsing a record's text into a tree is left
/// to `BatchChecker`, so it runs on the worker threads rather than on the thread that reads the input.
public struct BatchRecord: Sendable {
    public enum Body: Sendable {
        /// Already a tree (a YAML document).
        case document(YAMLNode)
        /// `raw` is one JSON text whose first byte is at this mark.
        case json(YAMLMark)
        /// A CSV row (of the right width) and its file's layout.
        case csv(CSVRecord, CSVLayout)
        /// The record cannot be read: why, at its position.
        case unreadable([Diagnostic])
    }

    public var source: RecordSource
    public var body: Body
    /// The bytes the audit record hashes: the line, row, array item or document as it is in the input.
    public var raw: [UInt8]
    /// The `fields` and `constants` of `--map`, for a record read as a tree (JSON, YAML); nil for none.
    public var remap: RecordMapping?

    public init(source: RecordSource, body: Body, raw: [UInt8]) {
        self.source = source
        self.body = body
        self.raw = raw
    }

    /// The record as a tree, and whether its scalars are text cells typed by the input schema.
    public func document() -> Result<(node: YAMLNode, textCells: Bool), LoadFailure> {
        guard let remap else { return tree() }
        return tree().flatMap { read in remap.apply(to: read.node).map { ($0, read.textCells) } }
    }

    private func tree() -> Result<(node: YAMLNode, textCells: Bool), LoadFailure> {
        switch body {
        case .document(let node):
            return .success((node, false))
        case .json(let at):
            do {
                return .success((try JSONNodeReader(file: source.file, start: at).read(raw), false))
            } catch {
                return .failure(LoadFailure(diagnostics: error.diagnostics))
            }
        case .csv(let row, let layout):
            // A CSV record's source is its row (`CSVFileReader`); nil only for one made some other way.
            var number: Int?
            if case .row(let n) = source.position { number = n }
            do {
                return .success((try layout.node(row, number: number, file: source.file), true))
            } catch {
                return .failure(LoadFailure(diagnostics: error.diagnostics))
            }
        case .unreadable(let diagnostics):
            return .failure(LoadFailure(diagnostics: diagnostics))
        }
    }
}

/// Checks batch records: reads each into a tree, supplies `--kind` where a record has none, and runs the
/// rule library. Safe to share between threads.
public struct BatchChecker: Sendable {
    public let library: RuleLibrary
    /// The kind for records without a `kind` field (`--kind`).
    public var defaultKind: String?
    public var asOf: CELDate?

    public init(library: RuleLibrary, defaultKind: String? = nil, asOf: CELDate? = nil) {
        self.library = library
        self.defaultKind = defaultKind
        self.asOf = asOf
    }

    /// The checked item, and the tree it was checked as (nil when the record could not be read, or when
    /// `keepDocument` is false and it did not need one).
    /// - Parameter keepDocument: whether the caller needs the tree (to record the decision in an audit trail);
    ///   without it a JSON record is read straight into typed values when it can be (`TypedJSON`).
    public func check(_ record: BatchRecord, index: Int, keepDocument: Bool = true) -> (
        item: BatchItem, document: YAMLNode?
    ) {
        if !keepDocument, record.remap == nil, case .json = record.body,
            let result = TypedJSON.check(
                record.raw, file: record.source.file, library: library, defaultKind: defaultKind, asOf: asOf)
        {
            return (BatchItem(index: index, source: record.source, result: result), nil)
        }
        switch record.document() {
        case .failure(let failure):
            let result = DecisionResult(
                file: record.source.file, verdict: .invalid, ruleSets: [], results: [], diagnostics: failure.diagnostics
            )
            return (BatchItem(index: index, source: record.source, result: result), nil)
        case .success(let (node, textCells)):
            let document = withKind(node)
            var result = library.check(document, file: record.source.file, asOf: asOf, textCells: textCells)
            if !result.diagnostics.isEmpty, case .csv(let row, let layout) = record.body {
                result.diagnostics = layout.located(result.diagnostics, row: row)
            }
            var item = BatchItem(index: index, source: record.source, result: result)
            item.slowPath = SlowPathReason.of(record, result: result)
            return (item, document)
        }
    }

    /// The checked item with what the audit trail keeps of the decision: its canonical document straight from
    /// the JSON bytes when the record is plain JSON with its own `kind` (`TypedJSON`, `PlainJSONCanonical`),
    /// else the tree it was checked as (nil when it could not be read). Either gives the same record.
    public func checkForRecord(_ record: BatchRecord, index: Int) -> (
        item: BatchItem, document: YAMLNode?, canonicalDocument: [UInt8]?
    ) {
        // TypedJSON decides whether the record is plain; only then is its document written.
        if record.remap == nil, case .json = record.body,
            let result = TypedJSON.check(
                record.raw, file: record.source.file, library: library, defaultKind: defaultKind, asOf: asOf,
                ownKind: true),
            let canonical = PlainJSONCanonical.document(record.raw)
        {
            return (BatchItem(index: index, source: record.source, result: result), nil, canonical)
        }
        if let fast = kindFromOption(record, index: index) { return (fast.item, nil, fast.canonical) }
        let (item, document) = check(record, index: index, keepDocument: true)
        return (item, document, nil)
    }

    /// `node` with `kind: <defaultKind>` added when it is a mapping without one.
    func withKind(_ node: YAMLNode) -> YAMLNode {
        guard let kind = defaultKind, case .mapping(var pairs) = node.content, node["kind"] == nil else { return node }
        let at = node.start
        let key = YAMLNode(
            content: .scalar(YAMLScalar(text: "kind", style: .plain, coreType: .string)), file: node.file, start: at,
            end: at)
        let value = YAMLNode(
            content: .scalar(YAMLScalar(text: kind, style: .plain, coreType: .string)), file: node.file, start: at,
            end: at)
        pairs.insert(YAMLPair(key: key, value: value), at: 0)
        var out = node
        out.content = .mapping(pairs)
        return out
    }
}

extension BatchRunInfo {
    /// The run header for `library`'s rule sets (all of them: which apply is decided per record).
    /// - Parameter kind: `--kind`, when given: only the rule sets for that kind are named.
    public static func make(library: RuleLibrary, inputs: [String], asOf: String?, kind: String? = nil)
        -> BatchRunInfo
    {
        // A set that extends another is loaded once per parent version it overlaps: name each file once.
        var seen: Set<String> = []
        let sets = library.ruleSets.filter { set in
            (kind == nil || set.appliesTo == kind) && seen.insert(set.file).inserted
        }
        return BatchRunInfo(
            bylawVersion: BylawVersion.current, inputs: inputs, asOf: asOf,
            ruleSets: sets.map { AppliedRuleSet(id: $0.id, version: $0.version, file: $0.file) })
    }
}
