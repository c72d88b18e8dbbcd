import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// The YAML tree of each linted rule-set file, so a finding can point at the exact key, cell or
/// character it is about rather than at the enclosing rule or row.
public struct LintSources: Sendable {
    private var roots: [String: YAMLNode] = [:]

    public init() {}

    /// Reads `file`; a file that does not parse is skipped (the loader has reported why).
    mutating func read(_ file: String) {
        if roots[file] == nil, let root = try? YAMLLoader.load(path: file, limits: .ruleSet) { roots[file] = root }
    }

    /// Adds an already parsed tree (for tests).
    public mutating func add(_ root: YAMLNode, file: String) { roots[file] = root }

    /// One step into a YAML tree: a mapping key or a sequence index.
    enum Step {
        case key(String)
        case index(Int)
    }

    /// The node at `path` in `file`, or nil when the path does not exist.
    func node(_ file: String, _ path: [Step]) -> YAMLNode? {
        var node = roots[file]
        for step in path {
            switch step {
            case .key(let k): node = node?[k]
            case .index(let i):
                guard let items = node?.sequence, items.indices.contains(i) else { return nil }
                node = items[i]
            }
        }
        return node
    }

    /// The node under `key` of `rule`, in the file that declares it. (A set that extends another holds its
    /// parent's rules before its own, so a rule's index in `RuleSet.rules` is not its index in its file.)
    func rule(_ rule: Rule, _ key: String) -> YAMLNode? {
        roots[rule.location.file]?["rules"]?.sequence?.first { $0.location == rule.location }?[key]
    }

    /// The key node of `key` in the mapping at `path`: where a name is declared.
    func key(_ file: String, _ path: [Step], _ key: String) -> YAMLNode? {
        node(file, path)?.mapping?.first { $0.key.scalar?.text == key }?.key
    }

    /// The key node of `path`'s last step (when it is a key), else the node itself; nil when absent.
    func declaration(_ file: String, _ path: [Step]) -> YAMLNode? {
        guard case .key(let last) = path.last else { return node(file, path) }
        return key(file, Array(path.dropLast()), last)
    }
}
