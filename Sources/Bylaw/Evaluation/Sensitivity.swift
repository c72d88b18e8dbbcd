import BylawCEL
import BylawDiagnostics

/// What a rule set marks `sensitive:` and what follows from it: the paths themselves, anything inside or around
/// them, and the `let`s and tables computed from them. Reports and the terminal show such values masked unless
/// the caller may see them (`--reveal`); the audit trail keeps them keyed or redacted.
public enum SensitivePaths {
    /// The mark shown in place of a masked value.
    public static let mask = "[masked]"

    /// Whether a value shown at `path` (`decision.a.b`, `a[2].b`, a whole object) holds a sensitive value: the
    /// path is a sensitive field, lies inside one, or is an object that contains one.
    public static func isSensitive(_ path: String, _ sensitive: [String]) -> Bool {
        var p = withoutIndices(path)
        if p == "decision" { return !sensitive.isEmpty }
        if p.hasPrefix("decision.") { p.removeFirst("decision.".count) }
        return sensitive.contains { s in p == s || p.hasPrefix(s + ".") || s.hasPrefix(p + ".") }
    }

    /// The `let` names (in order, so a `let` built on a sensitive one is sensitive too) and table calls
    /// (`name()`) whose expressions read a sensitive path.
    public static func derived(from set: RuleSet) -> Set<String> {
        guard !set.sensitive.isEmpty else { return [] }
        var names: Set<String> = []
        func reads(_ program: CELProgram) -> Bool {
            program.references.contains { path in
                names.contains(path.first ?? "") || isSensitive(path.joined(separator: "."), set.sensitive)
            }
        }
        for binding in set.lets where reads(binding.expression.program) { names.insert(binding.name) }
        for table in set.tables where table.inputs.contains(where: { reads($0.program) }) {
            names.insert(table.name + "()")
        }
        return names
    }

    /// Whether a shown name (a path, a `let`, `table()`) is sensitive under `sensitive` and `derived`.
    public static func isSensitive(shown path: String, _ sensitive: [String], derived: Set<String>) -> Bool {
        !sensitive.isEmpty
            && (isSensitive(path, sensitive) || derived.contains(path)
                || derived.contains(String(path.prefix { $0 != "." })))
    }

    /// Whether an expression reads a sensitive path or a value computed from one.
    public static func reads(_ program: CELProgram, _ sensitive: [String], derived: Set<String>) -> Bool {
        guard !sensitive.isEmpty else { return false }
        return program.references.contains { path in
            derived.contains(path.first ?? "") || isSensitive(path.joined(separator: "."), sensitive)
        }
    }

    public static func withoutIndices(_ path: String) -> String {
        var out = ""
        var skipping = false
        for c in path {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }

    /// A diagnostic as shown without its sensitive value: when it names a sensitive path, every other quoted
    /// span is masked and no source line is shown.
    public static func masked(_ d: Diagnostic, _ sensitive: [String]) -> Diagnostic {
        guard !sensitive.isEmpty else { return d }
        let spans = quotedSpans(d.message)
        guard let named = spans.first(where: { isSensitive($0, sensitive) }) else { return d }
        var out = d
        out.message = maskSpans(d.message, keeping: named)
        out.hidesSource = true
        return out
    }

    /// `text` with every backtick-quoted span but `keeping` replaced by the mask.
    public static func maskSpans(_ text: String, keeping: String, with replacement: String = mask) -> String {
        var out = ""
        var inside = false
        var span = ""
        for c in text {
            if c == "`" {
                if inside { out += span == keeping ? "`\(span)`" : "`\(replacement)`" }
                inside.toggle()
                span = ""
            } else if inside {
                span.append(c)
            } else {
                out.append(c)
            }
        }
        return out + (inside ? "`" + span : "")
    }

    /// The text between each pair of backticks.
    public static func quotedSpans(_ text: String) -> [String] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }
}

extension DecisionExplanation {
    /// The explanation as shown to someone who may not see sensitive values: the result masked, and every
    /// traced sub-expression, `let` and table input that reads a sensitive path (or a `let` computed from one)
    /// shown as `[masked]`.
    /// - Parameter derived: the `let`s and tables computed from sensitive paths (`SensitivePaths.derived`).
    public func masked(derived: Set<String>) -> DecisionExplanation {
        let sensitive = result.sensitivePaths
        guard !sensitive.isEmpty else { return self }
        let names = sensitive + derived.map { $0.hasSuffix("()") ? String($0.dropLast(2)) + "(" : $0 }
        func reads(_ text: Substring) -> Bool {
            names.contains { name in Self.mentions(text, name) }
                || (text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                    && SensitivePaths.isSensitive(String(text), sensitive))
        }
        let hidden = CELResult.success(.string(SensitivePaths.mask))
        var out = self
        out.result = result.masked()
        for i in out.rules.indices {
            var one = DecisionResult(
                file: "", verdict: .compliant, ruleSets: [], results: [rules[i].result], diagnostics: [])
            one.sensitivePaths = sensitive
            out.rules[i].result = one.masked().results[0]
            func maskTrace(_ trace: ExpressionTrace) -> ExpressionTrace {
                var t = trace
                let scalars = Array(t.source.unicodeScalars)
                for k in t.nodes.indices {
                    let n = t.nodes[k]
                    let end = min(scalars.count, n.offset + n.length)
                    guard n.offset < end else { continue }
                    let text = Substring(String(String.UnicodeScalarView(scalars[n.offset..<end])))
                    if reads(text) { t.nodes[k].value = hidden }
                }
                if reads(Substring(t.source)) { t.value = hidden }
                return t
            }
            out.rules[i].when = out.rules[i].when.map(maskTrace)
            out.rules[i].require = maskTrace(out.rules[i].require)
            for k in out.rules[i].lets.indices where derived.contains(out.rules[i].lets[k].name) {
                out.rules[i].lets[k].value = hidden
            }
            for k in out.rules[i].tables.indices {
                let table = out.rules[i].tables[k]
                out.rules[i].tables[k].inputs = table.inputs.map { input in
                    reads(Substring(input.source)) ? (input.source, .string(SensitivePaths.mask)) : input
                }
                if derived.contains(table.name + "()") { out.rules[i].tables[k].result = hidden }
            }
        }
        return out
    }

    /// Whether `text` names `name` as a whole identifier path (not inside a longer name).
    static func mentions(_ text: Substring, _ name: String) -> Bool {
        var search = text[...]
        while let range = search.range(of: name) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let boundary: (Character?) -> Bool = { c in
                guard let c else { return true }
                return !(c.isLetter || c.isNumber || c == "_")
            }
            if boundary(before) && (boundary(after) || after == "." || name.hasSuffix("(")) { return true }
            search = text[range.upperBound...]
        }
        return false
    }
}
