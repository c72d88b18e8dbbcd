import Bylaw
import BylawDiagnostics
import BylawYAML

/// The part of a `--map` file for records that are trees (JSON Lines, JSON, YAML): where a field of the
/// record goes in the decision, and values every such record gets when it does not give them.
///
/// ```yaml
/// fields:
///   disposal.date: date          # the record's path: the decision's path
///   disposal.ref: id
///   internal_note: ~             # a field to drop
/// constants:
///   kind: asset_disposal         # for records that have no `kind`
/// ```
/// Moves are applied together (so two fields may swap), then constants fill what is still absent. A mapping
/// that has neither leaves JSON records on their fast path (`TypedJSON`). Documented in docs/audit.md.
public struct RecordMapping: Sendable {
    /// One `fields` entry: the record's path, and the decision's path (nil to drop the field).
    public struct Move: Sendable {
        public var from: [String]
        public var to: [String]?
        /// The entry in the mapping file, for messages.
        public var location: SourceLocation?
    }

    public var moves: [Move] = []
    /// Paths and their values, in file order; each value keeps its position in the mapping file.
    public var constants: [(path: [String], value: YAMLNode)] = []

    public init() {}

    /// Whether the mapping changes nothing.
    public var isEmpty: Bool { moves.isEmpty && constants.isEmpty }

    /// `node`, a record read as a tree, with the moves and constants applied; diagnostics when a moved field
    /// lands on one the record already has.
    public func apply(to node: YAMLNode) -> Result<YAMLNode, LoadFailure> {
        guard node.mapping != nil, !isEmpty else { return .success(node) }
        var root = node
        var taken: [(Move, YAMLNode)] = []
        for move in moves {
            if let value = Self.remove(move.from, from: &root) { taken.append((move, value)) }
        }
        var diags: [Diagnostic] = []
        for (move, value) in taken {
            guard let to = move.to else { continue }
            if !Self.insert(value, at: to, into: &root) {
                diags.append(
                    .error(
                        "map.field-clash",
                        "`\(move.from.joined(separator: "."))` maps to `\(to.joined(separator: "."))`, which the "
                            + "record already has", at: value.location,
                        help: "drop one of them in the record, or map the field elsewhere in the mapping file"))
            }
        }
        for (path, value) in constants where Self.lookup(path, in: root) == nil {
            _ = Self.insert(value, at: path, into: &root)
        }
        return diags.isEmpty ? .success(root) : .failure(LoadFailure(diagnostics: diags))
    }

    static func lookup(_ path: [String], in node: YAMLNode) -> YAMLNode? {
        var at = node
        for name in path {
            guard let next = at[name] else { return nil }
            at = next
        }
        return at
    }

    /// Takes the value at `path` out of `node`; a mapping left empty by it goes too.
    static func remove(_ path: [String], from node: inout YAMLNode) -> YAMLNode? {
        guard let name = path.first, var pairs = node.mapping,
            let k = pairs.firstIndex(where: { $0.key.scalar?.text == name && $0.key.scalar?.coreType == .string })
        else { return nil }
        if path.count == 1 {
            let value = pairs.remove(at: k).value
            node.content = .mapping(pairs)
            return value
        }
        var child = pairs[k].value
        guard let value = remove(Array(path.dropFirst()), from: &child) else { return nil }
        if child.mapping?.isEmpty == true { pairs.remove(at: k) } else { pairs[k].value = child }
        node.content = .mapping(pairs)
        return value
    }

    /// Puts `value` at `path` in `node`, making the mappings on the way; false when the path is taken (by a
    /// value, or by something other than a mapping on the way).
    static func insert(_ value: YAMLNode, at path: [String], into node: inout YAMLNode) -> Bool {
        guard let name = path.first, var pairs = node.mapping else { return false }
        let k = pairs.firstIndex { $0.key.scalar?.text == name && $0.key.scalar?.coreType == .string }
        if path.count == 1 {
            guard k == nil else { return false }
            pairs.append(YAMLPair(key: key(name, at: value), value: value))
        } else if let k {
            var child = pairs[k].value
            guard insert(value, at: Array(path.dropFirst()), into: &child) else { return false }
            pairs[k].value = child
        } else {
            var child = YAMLNode(content: .mapping([]), file: value.file, start: value.start, end: value.end)
            guard insert(value, at: Array(path.dropFirst()), into: &child) else { return false }
            pairs.append(YAMLPair(key: key(name, at: value), value: child))
        }
        node.content = .mapping(pairs)
        return true
    }

    private static func key(_ name: String, at value: YAMLNode) -> YAMLNode {
        YAMLNode(
            content: .scalar(YAMLScalar(text: name, style: .plain, coreType: .string)), file: value.file,
            start: value.start, end: value.start)
    }
}

/// Hands each tree record (JSON, JSON Lines, YAML) of another reader the mapping's `fields` and `constants`;
/// CSV rows and workbook rows are mapped by `columns` in their own readers.
final class RemappingReader: RecordReader {
    private let base: RecordReader
    private let remap: RecordMapping

    private init(base: RecordReader, remap: RecordMapping) {
        self.base = base
        self.remap = remap
    }

    /// `base`, or `base` wrapped when the mapping has `fields` or `constants`.
    static func wrap(_ base: RecordReader, mapping: CSVMapping?) -> RecordReader {
        guard let records = mapping?.records, !records.isEmpty else { return base }
        return RemappingReader(base: base, remap: records)
    }

    var failedPartWay: Bool { base.failedPartWay }

    func next() -> BatchRecord? {
        guard var record = base.next() else { return nil }
        switch record.body {
        case .json, .document: record.remap = remap
        case .csv, .unreadable: break
        }
        return record
    }
}
