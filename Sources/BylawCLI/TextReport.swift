import Bylaw
import BylawAudit
import BylawDiagnostics
import BylawLocale
import Foundation

/// The human rendering of check results: a verdict line, then failed rules grouped by severity,
/// each with its citation, message and evidence; Chinese text aligned by display width.
struct TextReport {
    var colour: Bool
    var quiet: Bool
    var language: Language = .english

    func render(_ result: DecisionResult) -> String {
        // An English reader sees the rule set's English titles and messages where its author gave them.
        let r = language == .english ? result.inEnglish() : result
        var out = verdictLine(r) + "\n"
        if quiet { return out }
        let sets = r.ruleSets.map(\.label).joined(separator: ", ")
        out += dim(safe("  \(r.file)" + (sets.isEmpty ? "" : language.text("check.rule-sets", sets)))) + "\n"
        if !r.diagnostics.isEmpty {
            let renderer = DiagnosticRenderer(
                colour: colour, language: language, source: DiagnosticRenderer.fileSource)
            out +=
                "\n"
                + renderer.render(r.diagnostics).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        }
        let errors = r.results(.error)
        if !errors.isEmpty {
            out += "\n" + paint("1;35", "  " + language.text("check.errors", String(errors.count))) + "\n"
            out += block(errors)
        }
        for severity in RuleSeverity.allCases {
            let failed = r.results(.failed).filter { $0.severity == severity }
            guard !failed.isEmpty else { continue }
            let heading = language.text("check." + severity.rawValue + "s", String(failed.count))
            out +=
                "\n"
                + paint(
                    severity == .violation ? "1;31" : severity == .warning ? "1;33" : "1;36",
                    "  " + heading)
                + "\n"
            out += block(failed)
        }
        // Results that rest on a provisional calendar period but did not fail: the reason the verdict needs review.
        let provisional = r.results.filter { $0.provisional != nil && $0.outcome != .failed && $0.outcome != .error }
        if !provisional.isEmpty {
            out += "\n" + paint("1;33", "  " + language.text("check.provisional", String(provisional.count))) + "\n"
            out += block(provisional)
        }
        if !r.results.isEmpty {
            let counts = RuleOutcome.allCases.compactMap { o -> String? in
                let n = r.results(o).count
                return n == 0
                    ? nil : language.text("check.outcome-count", String(n), language.text("outcome." + o.rawValue))
            }
            out +=
                "\n"
                + dim(
                    "  "
                        + language.text(
                            "check.rule-count", String(r.results.count),
                            counts.joined(separator: language.listSeparator)))
                + "\n"
        }
        return out
    }

    /// Where the check was recorded, and the receipt `bylaw log verify --receipt` confirms.
    func receipt(_ r: Receipt) -> String {
        dim("  " + language.text("check.receipt", String(r.seq), r.text)) + "\n"
    }

    private func verdictLine(_ r: DecisionResult) -> String {
        let (mark, code): (String, String) =
            switch r.verdict {
            case .compliant: ("✓", "1;32")
            case .needsReview: ("!", "1;33")
            case .nonCompliant: ("✗", "1;31")
            case .error: ("✗", "1;35")
            case .invalid: ("✗", "1;35")
            }
        let what = safe([r.kind, r.id].compactMap { $0 }.joined(separator: " "))
        return paint(code, "\(mark) " + language.text("verdict." + r.verdict.rawValue)) + "  "
            + bold(what.isEmpty ? safe(r.file) : what)
            + (r.date.map { dim("  " + safe(language.proseDate($0))) } ?? "")
            + (r.unit.map { dim("  " + safe($0)) } ?? "")
    }

    private func block(_ results: [RuleResult]) -> String {
        let idWidth = results.map { DisplayWidth.of(safe($0.ruleID)) }.max() ?? 0
        let titleWidth = min(48, results.map { DisplayWidth.of(safe($0.title)) }.max() ?? 0)
        var out = ""
        let indent = String(repeating: " ", count: 4 + idWidth + 2)
        for r in results {
            out +=
                "    " + bold(DisplayWidth.pad(safe(r.ruleID), to: idWidth)) + "  "
                + DisplayWidth.pad(safe(r.title), to: titleWidth)
                + "  " + cyan(safe(r.cite)) + "\n"
            if let message = r.message { out += indent + safe(message) + "\n" }
            if let error = r.error {
                out +=
                    indent + paint("35", language.text("report.error-prefix"))
                    + safe(DiagnosticWording.ruleError(error, language)) + "\n"
            }
            if let p = r.provisional {
                out +=
                    indent + paint("33", language.text("report.provisional-prefix")) + safe(p.message(language)) + "\n"
            }
            for e in r.evidence {
                out += indent + dim(safe("· \(e.path) = \(ValueText.literal(e.value))")) + "\n"
            }
        }
        return out
    }

    /// Text from a decision or a rule set, made harmless on a terminal (the one sanitiser).
    private func safe(_ s: String) -> String { TerminalText.oneLine(s) }

    private func paint(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func bold(_ s: String) -> String { paint("1", s) }
    private func dim(_ s: String) -> String { paint("2", s) }
    private func cyan(_ s: String) -> String { paint("36", s) }
}
