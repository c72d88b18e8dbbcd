import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML

/// Rules whose `when` can never be true, whose `require` is the same for every decision, or whose
/// expressions fail on every decision: constant folding (``ConstantFolder``) and contradictory comparisons
/// (``Contradiction``).
public struct ConstantAnalysis: LintAnalysis {
    public init() {}

    public var checks: [LintCheck] {
        [LintChecks.whenNeverTrue, LintChecks.requireAlwaysTrue, LintChecks.requireAlwaysFalse, LintChecks.alwaysError]
    }

    public func run(_ input: LintInput) -> [Diagnostic] {
        input.eachPiece { set in
            let folder = ConstantFolder(set)
            var out: [ItemFinding] = []
            for rule in set.rules {
                let reads = [rule.when, rule.require].compactMap { $0 }
                if let when = rule.when {
                    if let d = check(when, "when", rule, folder: folder, node: input.sources.rule(rule, "when")) {
                        out.append(ItemFinding(diagnostic: d, reads: reads))
                        if d.code == LintChecks.whenNeverTrue.code || d.code == LintChecks.alwaysError.code {
                            continue
                        }
                    }
                }
                if let d = check(
                    rule.require, "require", rule, folder: folder, node: input.sources.rule(rule, "require"))
                {
                    out.append(ItemFinding(diagnostic: d, reads: reads))
                }
            }
            return out
        }
    }

    private func check(_ e: Expression, _ key: String, _ rule: Rule, folder: ConstantFolder, node: YAMLNode?)
        -> Diagnostic?
    {
        let length = e.source.unicodeScalars.count
        let what = "`\(key)` of rule `\(rule.id)`"
        switch folder.fold(e) {
        case .constant(.bool(let value)):
            let reads =
                folder.isClosed(e)
                ? (e.program.references.isEmpty ? "" : " (it reads only constants)")
                : " (the parts that read only constants decide it)"
            if key == "when" {
                guard !value else { return nil }
                return LintChecks.whenNeverTrue.diagnostic(
                    "\(what) is always false\(reads)", at: e.location, length: length)
            }
            let check = value ? LintChecks.requireAlwaysTrue : LintChecks.requireAlwaysFalse
            return check.diagnostic("\(what) is always \(value)\(reads)", at: e.location, length: length)
        case .constant:
            return nil
        case .fails(let error):
            return LintChecks.alwaysError.diagnostic(
                "\(what) fails on every decision: \(error.message)", at: e.location, length: length)
        case .varies:
            let finder = Contradiction(folder: folder, source: Array(e.source.unicodeScalars))
            guard let groups = finder.neverTrue(e.program.ast.root), let first = groups.first?.first else { return nil }
            let reasons = groups.map { group -> String in
                let texts = group.map { "`\(finder.text($0))`" }
                return texts.count == 2
                    ? "\(texts[0]) and \(texts[1]) cannot both hold"
                    : texts.joined(separator: ", ") + " cannot all hold"
            }
            let message = "\(what) can never be true: " + reasons.joined(separator: "; ")
            let at = node?.location(ofValueOffset: first.offset) ?? e.location
            let check = key == "when" ? LintChecks.whenNeverTrue : LintChecks.requireAlwaysFalse
            return check.diagnostic(message, at: at, length: first.length)
        }
    }
}
