import BylawCEL
import BylawDiagnostics

/// Rules whose `cite` is blank. (A missing `cite`, a duplicate rule id or a message placeholder naming an
/// unknown name stops the rule set from loading: lint shows the loader's diagnostic for those.)
public struct CitationAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.blankCite] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        input.eachPiece { set in
            set.rules.filter { $0.cite.allSatisfy(\.isWhitespace) }.map { rule in
                let node = input.sources.rule(rule, "cite")
                return ItemFinding(
                    diagnostic: LintChecks.blankCite.diagnostic(
                        "rule `\(rule.id)` cites nothing: its `cite` is blank", at: node?.location ?? rule.location),
                    reads: [])
            }
        }
    }
}

/// Versions of one rule set that leave days with no version in force. (Versions in force on the same day
/// stop the library from loading: lint shows the loader's `library.overlapping-versions` for those.)
///
/// Each file is compared by the dates it declares: a set that extends another is loaded once per parent version,
/// with each piece's dates narrowed to that version's.
///
/// `from` is inclusive and `until` exclusive, so a version ending `until: 2021-04-01` meets one starting
/// `from: 2021-04-01`; a later `from` leaves a gap.
public struct VersionAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.versionGap] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let groups = Dictionary(grouping: input.files, by: \.id)
        for id in groups.keys.sorted() {
            guard let versions = groups[id], versions.count > 1 else { continue }
            let sorted = versions.sorted { a, b in
                guard let x = a.declaredFrom else { return b.declaredFrom != nil }
                guard let y = b.declaredFrom else { return false }
                return x < y
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                guard let end = a.declaredUntil, let start = b.declaredFrom, end < start,
                    let last = CELDate(daysSinceEpoch: start.daysSinceEpoch - 1)
                else { continue }
                let effective: [LintSources.Step] = [.key("effective")]
                let from = input.sources.node(b.file, effective + [.key("from")])
                let until = input.sources.node(a.file, effective + [.key("until")])
                let days = end == last ? "on \(end)" : "from \(end) through \(last)"
                out.append(
                    LintChecks.versionGap.diagnostic(
                        "no version of rule set `\(id)` is in force \(days): version \(a.version) ends before "
                            + "version \(b.version) starts",
                        at: from?.location ?? SourceLocation(file: b.file, line: 1, column: 1),
                        length: String(describing: start).count,
                        notes: [
                            .init(
                                message: "version \(a.version) is in force until \(end), exclusive",
                                location: until?.location ?? SourceLocation(file: a.file, line: 1, column: 1))
                        ]))
            }
        }
        return out
    }
}
