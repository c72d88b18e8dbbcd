import BylawCEL
import BylawDiagnostics

/// Rules whose `cite` is blank. (A missing `cite`, a duplicate rule id or a message placeholder naming an
/// unknown name stops the rule set from loading: lint shows the loader's diagnostic for those.)
public struct CitationAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.blankCite] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for set in input.ruleSets {
            for (i, rule) in set.rules.enumerated() where rule.cite.allSatisfy(\.isWhitespace) {
                let node = input.sources.node(set.file, [.key("rules"), .index(i), .key("cite")])
                out.append(
                    LintChecks.blankCite.diagnostic(
                        "rule `\(rule.id)` cites nothing: its `cite` is blank", at: node?.location ?? rule.location))
            }
        }
        return out
    }
}

/// Versions of one rule set that leave days with no version in force. (Versions in force on the same day
/// stop the library from loading: lint shows the loader's `library.overlapping-versions` for those.)
///
/// `from` is inclusive and `until` exclusive, so a version ending `until: 2021-04-01` meets one starting
/// `from: 2021-04-01`; a later `from` leaves a gap.
public struct VersionAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] { [LintChecks.versionGap] }

    public func run(_ input: LintInput) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let groups = Dictionary(grouping: input.ruleSets, by: \.id)
        for id in groups.keys.sorted() {
            guard let versions = groups[id], versions.count > 1 else { continue }
            let sorted = versions.sorted { a, b in
                guard let x = a.effectiveFrom else { return b.effectiveFrom != nil }
                guard let y = b.effectiveFrom else { return false }
                return x < y
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                guard let end = a.effectiveUntil, let start = b.effectiveFrom, end < start,
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
