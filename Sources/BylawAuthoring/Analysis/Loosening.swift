import Bylaw
import BylawCEL
import BylawDiagnostics

/// Finds where a set that extends another makes its parent's rules less strict: a rule that `tightens` a
/// parent's rule but lowers a minimum, raises a maximum, drops a required approval or applies to fewer
/// decisions, and parameter overrides that do the same to inherited rules.
///
/// Sound rather than complete: a finding is an error or a warning only when a decision exists that the parent
/// rejects and the child accepts (assuming that conditions on different decision fields are independent);
/// where bylaw cannot tell, it says so in a `lint.cannot-compare` note, and where it sees nothing it says nothing.
///
/// Codes: `lint.loosens-threshold`, `lint.removes-approval`, `lint.removes-condition` (errors);
/// `lint.narrows-when` (warning); `lint.cannot-compare` (note).
public enum Loosening {
    /// Findings for every extending set of the library, sorted for output.
    public static func diagnostics(_ library: RuleLibrary) -> [Diagnostic] { diagnostics(library.ruleSets) }

    /// Findings for every extending set among `ruleSets` (pieces as a library holds them), sorted for output.
    public static func diagnostics(_ ruleSets: [RuleSet]) -> [Diagnostic] {
        var out: [(Diagnostic, String)] = []
        for child in ruleSets {
            guard let link = child.parents.first,
                let parent = ruleSets.first(where: {
                    $0.file == link.file && $0.parents == Array(child.parents.dropFirst())
                })
            else { continue }
            out += findings(child: child, parent: parent).map { ($0, parent.version) }
        }
        return merged(out).sortedForOutput()
    }

    static let versionMark = "\u{1}version\u{1}"

    /// One finding per text: `of `national` 1.0.0, 2.0.0` when several parent versions give the same one.
    static func merged(_ found: [(Diagnostic, String)]) -> [Diagnostic] {
        var order: [Diagnostic] = []
        var versions: [Diagnostic: [String]] = [:]
        for (d, v) in found {
            if versions[d] == nil { order.append(d) }
            if !(versions[d] ?? []).contains(v) { versions[d, default: []].append(v) }
        }
        return order.map { d in
            var out = d
            out.message = d.message.replacingOccurrences(
                of: versionMark, with: (versions[d] ?? []).joined(separator: ", "))
            return out
        }
    }

    /// Findings for one piece of an extending set against the parent version it was built on.
    public static func diagnostics(child: RuleSet, parent: RuleSet) -> [Diagnostic] {
        merged(findings(child: child, parent: parent).map { ($0, parent.version) })
    }

    static func findings(child: RuleSet, parent: RuleSet) -> [Diagnostic] {
        let before = Canonicaliser(parent)
        let after = Canonicaliser(child)
        let overridden = child.parameters.filter { p in
            p.overridden != nil && parent.parameters.first { $0.name == p.name }.map { $0.value != p.value } ?? false
        }
        var out: [Diagnostic] = []
        for old in parent.rules {
            // Only the child's own rules replace: one it inherits (with its own `tightens`) is the parent's.
            if let new = child.rules.first(where: { $0.tightens == old.id && child.declares($0.location) }) {
                let c = Comparison(
                    parent: parent, old: old, new: new, before: before, after: after,
                    at: new.require.location, whenAt: new.when?.location ?? new.require.location,
                    subject: "rule `\(new.id)`")
                out += c.require() + c.when()
            } else if let same = child.rules.first(where: { $0.id == old.id && !child.declares($0.location) }) {
                let reads = Set(
                    [old.when?.program, old.require.program].compactMap { $0 }.flatMap(\.references)
                        .filter { $0.first == "params" && $0.count > 1 }.map { $0[1] })
                for p in overridden where reads.contains(p.name) {
                    let c = Comparison(
                        parent: parent, old: old, new: same, before: before, after: after,
                        at: p.location ?? same.location, whenAt: p.location ?? same.location,
                        subject: "parameter `\(p.name)`")
                    out += c.require() + c.when()
                }
            }
        }
        return out
    }
}

/// One parent rule against the rule that replaces or inherits it.
struct Comparison {
    let parent: RuleSet
    let old: Rule
    let new: Rule
    let before: Canonicaliser
    let after: Canonicaliser
    let at: SourceLocation?
    /// Where findings about the `when` point: the child's `when`, or `at` for a parameter.
    let whenAt: SourceLocation?
    let subject: String

    /// The parent rule, with a placeholder for the parent's version: findings that differ only in it are merged.
    private var of: String { "rule `\(old.id)` of `\(parent.id)` \(Loosening.versionMark)" }
    private var help: String { "a set that extends `\(parent.id)` may only make its rules stricter" }

    /// The child's `require` against the parent's: every parent conjunct must still hold.
    func require() -> [Diagnostic] {
        let oldParts = before.conjuncts(old.require.program.ast).map { (e: $0.e, f: before.form($0.e), text: $0.text) }
        let newParts = after.conjuncts(new.require.program.ast).map { (e: $0.e, f: after.form($0.e), text: $0.text) }
        let guardForm = old.when.map { before.form($0.program.ast.root) }
        let newTexts = Set(newParts.map(\.f.text))
        var handled: Set<Int> = []
        var out: [Diagnostic] = []

        // Thresholds: the parent's bounds on one expression against the child's.
        var subjects: [String] = []
        var oldBounds: [String: [(Int, Bound)]] = [:]
        for (i, p) in oldParts.enumerated() {
            guard let b = before.bound(p.e) else { continue }
            if oldBounds[b.subject.text] == nil { subjects.append(b.subject.text) }
            oldBounds[b.subject.text, default: []].append((i, b))
        }
        for key in subjects {
            guard let bounds = oldBounds[key], let subjectForm = bounds.first?.1.subject else { continue }
            let related = newParts.filter { $0.f.isRelated(to: subjectForm) }
            if related.isEmpty { continue }  // dropped entirely: a removed condition, below
            for (i, _) in bounds { handled.insert(i) }
            if bounds.allSatisfy({ newTexts.contains(oldParts[$0.0].f.text) }) { continue }
            let newBounds = related.compactMap { after.bound($0.e) }.filter { $0.subject.text == key }
            guard newBounds.count == related.count else {
                out.append(note("cannot tell whether \(subject) keeps the limits on `\(key)` of \(of)"))
                continue
            }
            let was = Interval(bounds.map(\.1)), now = Interval(newBounds)
            switch now.excess(over: was, whole: after.isWhole(subjectForm)) {
            case .none: break
            case .realsOnly:
                out.append(
                    note("\(subject) allows values of `\(key)` that \(of) does not, unless `\(key)` is a whole number"))
            case .integers:
                if let g = guardForm, g.isRelated(to: subjectForm) {
                    out.append(
                        note("\(subject) may loosen the limits on `\(key)` of \(of); its `when` reads `\(key)` too"))
                } else {
                    out.append(loosened(key, was: was, now: now))
                }
            }
        }

        // Conditions: each other parent conjunct must still be there.
        for (i, p) in oldParts.enumerated() where !handled.contains(i) && !newTexts.contains(p.f.text) {
            let related = newParts.filter { $0.f.isRelated(to: p.f) }
            let guarded = guardForm.map { $0.isRelated(to: p.f) } ?? false
            let membership = Self.membership(p.e, before)
            let independent =
                related.isEmpty
                || membership.map { m in
                    related.allSatisfy { r in
                        Self.membership(r.e, after).map { $0.list == m.list && $0.item != m.item } ?? false
                    }
                } ?? false
            if independent, !p.f.paths.isEmpty, !guarded {
                let source = p.text
                let check = membership != nil ? LintChecks.removesApproval : LintChecks.removesCondition
                out.append(
                    check.diagnostic(
                        "\(subject) no longer requires `\(source)`, which \(of) requires", at: at, help: help))
            } else {
                out.append(note("cannot tell whether \(subject) still requires `\(p.text)` as \(of) does"))
            }
        }
        return out
    }

    /// The child's `when` against the parent's: a narrower `when` leaves decisions unchecked.
    func when() -> [Diagnostic] {
        guard let newWhen = new.when else { return [] }
        let oldParts = old.when.map { before.conjuncts($0.program.ast) }?.map { (e: $0.e, f: before.form($0.e)) } ?? []
        let newParts = after.conjuncts(newWhen.program.ast).map { (e: $0.e, f: after.form($0.e), text: $0.text) }
        let oldTexts = Set(oldParts.map(\.f.text))
        var out: [Diagnostic] = []
        var done: Set<String> = []
        for n in newParts where !oldTexts.contains(n.f.text) {
            let related = oldParts.filter { $0.f.isRelated(to: n.f) }
            if let b = after.bound(n.e) {
                let key = b.subject.text
                guard done.insert(key).inserted else { continue }
                let oldBounds = related.compactMap { before.bound($0.e) }.filter { $0.subject.text == key }
                let newBounds = newParts.compactMap { after.bound($0.e) }.filter { $0.subject.text == key }
                guard oldBounds.count == related.count,
                    newParts.filter({ $0.f.isRelated(to: b.subject) }).count == newBounds.count
                else {
                    out.append(note("cannot tell whether \(subject) applies to fewer decisions than \(of)", at: whenAt))
                    continue
                }
                switch Interval(oldBounds).excess(over: Interval(newBounds), whole: after.isWhole(b.subject)) {
                case .none: break
                case .realsOnly:
                    out.append(
                        note(
                            "\(subject) may apply to fewer decisions than \(of) when `\(key)` is not a whole number",
                            at: whenAt))
                case .integers:
                    out.append(
                        LintChecks.narrowsWhen.diagnostic(
                            "\(subject) applies to fewer decisions than \(of): its `when` narrows `\(key)`", at: whenAt)
                    )
                }
            } else if related.isEmpty, !n.f.paths.isEmpty {
                out.append(
                    LintChecks.narrowsWhen.diagnostic(
                        "\(subject) applies to fewer decisions than \(of): its `when` adds `\(n.text)`", at: whenAt))
            } else {
                out.append(note("cannot tell whether \(subject) applies to fewer decisions than \(of)", at: whenAt))
            }
        }
        return out
    }

    private func loosened(_ key: String, was: Interval, now: Interval) -> Diagnostic {
        var parts: [String] = []
        if now.reachesBelow(was), let w = was.lower {
            parts.append(
                now.lower.map { "lowers the minimum of `\(key)` from \(text(w)) to \(text($0))" }
                    ?? "drops the minimum of `\(key)` (\(text(w)))")
        }
        if now.reachesAbove(was), let w = was.upper {
            parts.append(
                now.upper.map { "raises the maximum of `\(key)` from \(text(w)) to \(text($0))" }
                    ?? "drops the maximum of `\(key)` (\(text(w)))")
        }
        return LintChecks.loosensThreshold.diagnostic(
            "\(subject) " + parts.joined(separator: " and ") + " set by \(of)", at: at, help: help)
    }

    private func text(_ e: Interval.End) -> String {
        let op: String
        switch e.source.side {
        case .lower: op = e.strict ? "> " : ">= "
        case .upper: op = e.strict ? "< " : "<= "
        case .both: op = "== "
        }
        return "`" + op + e.value.normalisedValue.description + "`"
            + (subject.hasPrefix("parameter") ? "" : e.source.parameter.map { " (`params.\($0)`)" } ?? "")
    }

    private func note(_ message: String, at place: SourceLocation? = nil) -> Diagnostic {
        LintChecks.cannotCompare.diagnostic(message, at: place ?? at)
    }

    /// `"finance_dept" in bodies`: a string that must be in a list, and the list's canonical text.
    static func membership(_ e: CELExpr, _ c: Canonicaliser) -> (item: String, list: String)? {
        guard case .call("@in", nil, let args) = e.kind, args.count == 2,
            case .literal(.string(let item)) = args[0].kind
        else { return nil }
        return (item, c.form(args[1]).text)
    }
}
