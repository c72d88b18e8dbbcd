import BylawYAML

/// JSON merge patch (RFC 7396) over YAML nodes, for test cases that start from a base decision: a mapping in
/// the patch merges into the base key by key, `null` removes a key, and anything else replaces the base's value
/// whole (a list is never merged item by item). Every node keeps its own file and position, so a problem in a
/// patched field is reported in the test file and one in an untouched field in the base file.
enum MergePatch {
    static func apply(_ patch: YAMLNode, to target: YAMLNode) -> YAMLNode {
        guard let changes = patch.mapping else { return patch }
        guard let base = target.mapping else {
            // RFC 7396: a mapping patch over a non-mapping starts from an empty mapping (and drops nulls).
            return YAMLNode(
                content: .mapping(changes.filter { $0.value.scalar?.isNull != true }), file: patch.file,
                start: patch.start, end: patch.end)
        }
        var pairs = base
        for change in changes {
            let key = change.key.scalar?.text
            let index = pairs.firstIndex { $0.key.scalar?.text == key && key != nil }
            if change.value.scalar?.isNull == true {
                if let index { pairs.remove(at: index) }
            } else if let index {
                pairs[index].value = apply(change.value, to: pairs[index].value)
            } else {
                pairs.append(
                    YAMLPair(key: change.key, value: apply(change.value, to: YAMLNode.emptyMapping(change.value))))
            }
        }
        return YAMLNode(content: .mapping(pairs), file: target.file, start: target.start, end: target.end)
    }
}

extension YAMLNode {
    /// An empty mapping at `node`'s position: what a patch's new key merges into.
    fileprivate static func emptyMapping(_ node: YAMLNode) -> YAMLNode {
        YAMLNode(content: .mapping([]), file: node.file, start: node.start, end: node.end)
    }
}
