import BylawDiagnostics
import BylawYAML

/// Reads a YAML mapping strictly: every key must be known, required keys must be present,
/// and each value must have the expected shape. Problems become diagnostics, never crashes.
package struct Fields {
    let node: YAMLNode
    private(set) var pairs: [String: YAMLPair] = [:]
    private var seen: Set<String> = []

    /// `nil` (with a diagnostic) when `node` is not a mapping.
    package init?(_ node: YAMLNode, what: String, into diags: inout [Diagnostic]) {
        guard let mapping = node.mapping else {
            diags.append(
                .error(
                    "schema.expected-mapping", "\(what) must be a mapping, not a \(node.kindName)", at: node.location))
            return nil
        }
        self.node = node
        for pair in mapping {
            guard let key = pair.key.scalar?.text else { continue }
            pairs[key] = pair
        }
    }

    /// The value under `key`, marking the key as known.
    package mutating func optional(_ key: String) -> YAMLNode? {
        seen.insert(key)
        return pairs[key]?.value
    }

    /// The value under `key`, or a `schema.missing-key` diagnostic at the mapping.
    package mutating func required(_ key: String, in what: String, into diags: inout [Diagnostic]) -> YAMLNode? {
        seen.insert(key)
        guard let value = pairs[key]?.value else {
            diags.append(.error("schema.missing-key", "\(what) is missing required key `\(key)`", at: node.location))
            return nil
        }
        return value
    }

    /// A string scalar under `key`.
    package mutating func string(_ key: String, required: Bool, in what: String, into diags: inout [Diagnostic])
        -> String?
    {
        let value = required ? self.required(key, in: what, into: &diags) : optional(key)
        guard let value else { return nil }
        return Fields.text(value, what: "`\(key)`", into: &diags)
    }

    /// Reports every key that no accessor asked for, with a did-you-mean, or the keys allowed when none is close.
    package func reportUnknownKeys(in what: String, into diags: inout [Diagnostic]) {
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar?.text, !seen.contains(key) else { continue }
            diags.append(
                .error(
                    "schema.unknown-key", "unknown key `\(key)` in \(what)", at: pair.key.location,
                    length: key.unicodeScalars.count, help: Self.keyHelp(key, known: seen)))
        }
    }

    /// "did you mean `require`?" for a near miss, else the keys allowed (`cases` is the only key here).
    static func keyHelp(_ key: String, known: Set<String>) -> String? {
        if let guess = Spelling.closest(to: key, among: known) { return "did you mean `\(guess)`?" }
        let sorted = known.sorted()
        guard let first = sorted.first else { return nil }
        if sorted.count == 1 { return "`\(first)` is the only key here" }
        return "the keys here are " + sorted.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// The text of a scalar, or a diagnostic when the node is a collection or null.
    package static func text(_ node: YAMLNode, what: String, into diags: inout [Diagnostic]) -> String? {
        guard let scalar = node.scalar, !(scalar.isNull && scalar.style == .plain) else {
            diags.append(
                .error(
                    "schema.expected-scalar", "\(what) must be a scalar value, not a \(node.kindName)",
                    at: node.location))
            return nil
        }
        return scalar.text
    }
}

/// Edit-distance suggestions for misspelt names.
public enum Spelling {
    /// The candidate closest to `word` when it is close enough to be a likely typo.
    public static func closest<C: Collection>(to word: String, among candidates: C) -> String?
    where C.Element == String {
        var best: (String, Int)?
        for c in candidates.sorted() {
            let d = distance(word.lowercased(), c.lowercased())
            if d <= max(1, min(word.count, c.count) / 3), best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let cur = row[j]
                row[j] = Swift.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
