import BylawCEL
import BylawDiagnostics
import BylawYAML

/// The order in which rule-set files load: a set that `extends` another after every version of its parent.
/// Finds unknown parents and cycles before anything is compiled.
struct ExtensionOrder {
    struct Document {
        var file: String
        var root: YAMLNode
        var header: RuleSetLoader.Header
    }

    let documents: [Document]
    /// The pieces loaded so far, by rule-set id: what children are built on.
    var loaded: [String: [RuleSet]] = [:]

    init(documents: [Document]) { self.documents = documents }

    private var ids: Set<String> { Set(documents.compactMap(\.header.id)) }

    /// Parent ids by child id, over every version.
    private var edges: [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for d in documents {
            guard let id = d.header.id, let parent = d.header.extends else { continue }
            out[id, default: []].insert(parent)
        }
        return out
    }

    /// Unknown parents and `extends` cycles, at the `extends` value.
    func problems() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let known = ids
        for d in documents {
            guard let id = d.header.id, let parent = d.header.extends else { continue }
            if !known.contains(parent) {
                out.append(
                    .error(
                        "ruleset.unknown-parent", "`\(id)` extends `\(parent)`, but no rule set has that id",
                        at: d.header.extendsLocation,
                        help: Spelling.closest(to: parent, among: known.subtracting([id])).map {
                            "did you mean `\($0)`?"
                        }
                            ?? "the parent must be in the same rule library; its rule sets are "
                            + known.subtracting([id]).sorted().map { "`\($0)`" }.joined(separator: ", ")))
            } else if let cycle = cycle(from: id) {
                out.append(
                    .error(
                        "ruleset.extends-cycle",
                        "`extends` goes round in a circle: " + cycle.map { "`\($0)`" }.joined(separator: " → "),
                        at: d.header.extendsLocation, help: "a set cannot extend itself, directly or through others"))
            }
        }
        return out
    }

    /// The path back to `start` through parents, when there is one: `[a, b, a]`.
    private func cycle(from start: String) -> [String]? {
        let graph = edges
        var stack: [(String, [String])] = [(start, [start])]
        var seen: Set<String> = []
        while let (id, path) = stack.popLast() {
            for parent in (graph[id] ?? []).sorted() {
                if parent == start { return path + [start] }
                if seen.insert(parent).inserted { stack.append((parent, path + [parent])) }
            }
        }
        return nil
    }

    /// Documents in loading order: file order, except that a child waits for every version of its parent.
    /// Documents in a cycle or with an unknown parent come last (they do not load).
    func sorted() -> [Document] {
        var done: Set<String> = []
        var out: [Document] = []
        var pending = documents
        var progress = true
        let graph = edges
        while progress {
            progress = false
            var waiting: [Document] = []
            for d in pending {
                let parents = d.header.id.flatMap { graph[$0] } ?? []
                if parents.isSubset(of: done) || d.header.extends == nil && parents.isEmpty {
                    out.append(d)
                    progress = true
                } else {
                    waiting.append(d)
                }
            }
            pending = waiting
            let remaining = Set(pending.compactMap(\.header.id))
            done = Set(out.compactMap(\.header.id)).subtracting(remaining)
        }
        return out + pending
    }
}

/// Effective periods: `from` inclusive, `until` exclusive, nil for open ends.
enum Periods {
    typealias Period = (from: CELDate?, until: CELDate?)

    static func overlap(_ a: Period, _ b: Period) -> Bool {
        if let aFrom = a.from, let bUntil = b.until, aFrom >= bUntil { return false }
        if let bFrom = b.from, let aUntil = a.until, bFrom >= aUntil { return false }
        return true
    }

    /// Where `period` has a day that none of `cover` has: `on 2016-01-01`, `before 2017-01-01`; nil when covered.
    static func firstUncovered(_ period: Period, by cover: [Period]) -> String? {
        let sorted = cover.sorted { a, b in
            guard let x = a.from else { return b.from != nil }
            guard let y = b.from else { return false }
            return x < y
        }
        var cursor = period.from
        var started = false
        for c in sorted {
            if let end = period.until, let from = c.from, from >= end { break }
            switch (cursor, c.from) {
            case (nil, .some(let from)) where !started: return "before \(from)"
            case (.some(let at), .some(let from)) where from > at: return "on \(at)"
            default: break
            }
            started = true
            guard let until = c.until else { return nil }
            if cursor.map({ until > $0 }) ?? true { cursor = until }
        }
        guard let at = cursor else { return started ? nil : "on every day" }
        if let end = period.until, at >= end { return nil }
        return "on \(at)"
    }
}

extension RuleLibrary {
    /// Two sets that extend a common ancestor, neither extending the other, both in force on some day and
    /// both taking in some unit: the ancestor's rules would be evaluated twice for such a decision.
    static func extensionProblems(_ ruleSets: [RuleSet]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var files: Set<String> = []
        let sets = ruleSets.filter { !$0.parents.isEmpty && files.insert($0.file).inserted }
        var reported: Set<String> = []
        for (i, a) in sets.enumerated() {
            for b in sets[(i + 1)...] where a.id != b.id && a.appliesTo == b.appliesTo {
                let common = Set(a.parents.map(\.id)).intersection(b.parents.map(\.id))
                guard !common.isEmpty, !a.parents.contains(where: { $0.id == b.id }),
                    !b.parents.contains(where: { $0.id == a.id }),
                    Periods.overlap((a.declaredFrom, a.declaredUntil), (b.declaredFrom, b.declaredUntil)),
                    Self.scopesOverlap(a.scopeUnits, b.scopeUnits),
                    reported.insert(a.file + "\n" + b.file).inserted
                else { continue }
                diagnostics.append(
                    .error(
                        "library.ambiguous-extension",
                        "`\(a.id)` and `\(b.id)` both extend `\(common.sorted()[0])` and can apply to the same "
                            + "decision, whose inherited rules would then be evaluated twice",
                        at: SourceLocation(file: b.file, line: 1, column: 1),
                        help: "give each a `scope: {units: […]}` that does not overlap the other's, "
                            + "or keep only one of them in the library",
                        notes: [
                            .init(message: "the other set", location: SourceLocation(file: a.file, line: 1, column: 1))
                        ]
                    ))
            }
        }
        return diagnostics
    }

    static func scopesOverlap(_ a: [String]?, _ b: [String]?) -> Bool {
        guard let a, let b else { return true }
        return a.contains { x in b.contains { y in RuleSet.unit(x, isUnder: y) || RuleSet.unit(y, isUnder: x) } }
    }
}
