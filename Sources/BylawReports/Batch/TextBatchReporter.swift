import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// The auditor's text report: the run, counts by verdict, failures by rule, records by unit, then every record
/// that is not compliant with its failed rules. The summary comes first, so the listing is held back in a
/// `SpillBuffer` (a temporary file beyond a megabyte) and streamed out by `finish`.
public struct TextBatchReporter: BatchReporter {
    private let style: TextStyle
    private var tally: BatchTally
    private let listing: SpillBuffer
    private var skipped = SkippedRows()

    public init(options: BatchReportOptions = .init()) {
        style = TextStyle(colour: options.colour, language: options.language)
        tally = BatchTally(maxUnits: options.maxUnits)
        listing = SpillBuffer(memoryLimit: options.spillThreshold)
    }

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        var out = style.bold(style.text("audit.title")) + style.dim("  ·  bylaw \(run.bylawVersion)") + "\n"
        let none = style.text("report.none-parenthesised")
        out +=
            label("audit.inputs") + (run.inputs.isEmpty ? none : TextStyle.oneLine(run.inputs.joined(separator: ", ")))
            + "\n"
        if let asOf = run.asOf { out += label("audit.as-of") + "\(style.language.proseDate(asOf))\n" }
        let sets = run.ruleSets.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        out += label("audit.rule-sets") + (sets.isEmpty ? none : TextStyle.oneLine(sets)) + "\n"
        sink.write(out)
    }

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        tally.add(item.result, source: item.source)
        if BatchReports.isListed(item.result) { listing.write(Self.record(item, style: style)) }
    }

    /// A listed record's entry in the list of records not compliant; empty for a record that is not listed.
    public var perRecord: (@Sendable (BatchItem) -> String)? {
        { [style] item in BatchReports.isListed(item.result) ? Self.record(item, style: style) : "" }
    }

    public mutating func add(_ item: BatchItem, rendered: String, to sink: inout some ReportSink) {
        tally.add(item.result, source: item.source)
        if !rendered.isEmpty { listing.write(rendered) }
    }

    public mutating func skipped(_ rows: SkippedRows) { skipped = rows }

    public mutating func finish(to sink: inout some ReportSink) {
        sink.write(
            headline() + "\n" + verdicts() + skippedRows() + invalidReasons() + "\n" + rules() + "\n" + units())
        let listed = tally.records - tally.count(.compliant)
        sink.write("\n" + style.bold(style.text("audit.listed", String(listed))) + "\n")
        if listed == 0 { sink.write("  " + style.text("report.none") + "\n") }
        listing.drain(to: &sink)
    }

    /// When most records are invalid, the report opens by saying so, with the likely cause and its fix.
    private func headline() -> String {
        guard InvalidReasons.mostInvalid(tally) else { return "" }
        let (summary, cause, fix) = InvalidReasons.headline(tally, style.language)
        var out = "\n" + style.bold("! " + summary) + "\n"
        if let cause { out += "  " + TextStyle.oneLine(cause) + "\n" }
        if let fix { out += "  " + style.text("report.fix-prefix") + TextStyle.oneLine(fix) + "\n" }
        return out
    }

    /// The rows that were not checked because they are not records, each with its place and first cell.
    private func skippedRows() -> String {
        guard skipped.count > 0 else { return "" }
        var out = "\n" + style.bold(style.text("audit.skipped-rows", String(skipped.count))) + "\n"
        for row in skipped.first {
            out +=
                "  " + TextStyle.oneLine(BatchReports.place(row.source, style.language)) + "  "
                + TextStyle.oneLine(row.text) + "  "
                + style.dim(style.text(BatchReports.skippedTextID(row.kind))) + "\n"
        }
        if skipped.rest > 0 {
            out += "  " + style.text("audit.skipped-more", String(skipped.rest)) + "\n"
        }
        return out
    }

    /// The most frequent reasons records are invalid, each with its first record as a sample.
    private func invalidReasons() -> String {
        let reasons = tally.invalidReasons.mostFrequent
        guard !reasons.isEmpty else { return "" }
        var out = "\n" + style.bold(style.text("audit.invalid-reasons")) + "\n"
        let shown = reasons.prefix(BatchReports.invalidReasonLimit)
        let records = style.text("audit.records")
        let width = max(DisplayWidth.of(records), shown.map { String($0.records).count }.max() ?? 0)
        out += style.dim("  " + pad(records, width) + "  " + style.text("audit.reason")) + "\n"
        let indent = String(repeating: " ", count: 2 + width + 2)
        for r in shown {
            out += "  " + pad(String(r.records), width) + "  " + style.bold(r.code)
            if let subject = r.subject { out += "  " + TextStyle.oneLine(subject) }
            let message = DiagnosticWording.message(code: r.code, english: r.sampleMessage, style.language)
            out +=
                "\n" + indent + style.dim(style.text("audit.example"))
                + TextStyle.oneLine(r.samplePlace(style.language) + (style.language == .chinese ? "：" : ": ") + message)
                + "\n"
            if let help = r.help {
                out +=
                    indent + style.dim(style.text("report.fix-prefix"))
                    + TextStyle.oneLine(DiagnosticWording.help(help, style.language)) + "\n"
            }
        }
        if reasons.count > shown.count {
            out += "  " + style.dim(style.text("audit.other-reasons", String(reasons.count - shown.count))) + "\n"
        }
        return out
    }

    private func verdicts() -> String {
        var out = style.bold(style.text("audit.verdicts")) + "\n"
        let rows: [(String, Int)] =
            [(style.text("audit.records"), tally.records)]
            + BatchReports.verdictOrder.map { (Self.name($0, style.language), tally.count($0)) }
        let width = String(tally.records).count
        for (i, (name, n)) in rows.enumerated() {
            let share = i == 0 ? "" : "  " + pad(Ratio(part: n, whole: tally.records).percent, 6)
            out += "  " + DisplayWidth.pad(name, to: 15) + pad(String(n), width) + share + "\n"
        }
        return out
    }

    private func rules() -> String {
        let rows = tally.byRule
        var out = style.bold(style.text("audit.by-rule")) + "\n"
        guard !rows.isEmpty else { return out + "  " + style.text("report.none") + "\n" }
        let failed = style.text("audit.failed")
        let countWidth = max(DisplayWidth.of(failed), 6, rows.map { String($0.failed).count }.max() ?? 0)
        let idWidth = rows.map { DisplayWidth.of(TextStyle.oneLine($0.ruleID)) }.max() ?? 0
        let indent = String(repeating: " ", count: 2 + countWidth + 2 + idWidth + 2)
        out +=
            style.dim(
                "  " + pad(failed, countWidth) + "  " + DisplayWidth.pad(style.text("audit.rule"), to: idWidth) + "  "
                    + style.text("audit.title-column"))
            + "\n"
        for r in rows {
            out +=
                "  " + pad(String(r.failed), countWidth) + "  "
                + style.bold(DisplayWidth.pad(TextStyle.oneLine(r.ruleID), to: idWidth)) + "  "
                + TextStyle.oneLine(r.title(style.language)) + "\n"
            var details = [r.ruleSet, style.text("severity." + r.severity.rawValue), r.cite]
            if r.errors > 0 {
                details.append(
                    r.errors == 1 ? style.text("audit.one-error") : style.text("audit.errors", String(r.errors)))
            }
            out += indent + style.dim(TextStyle.oneLine(details.joined(separator: " · "))) + "\n"
        }
        return out
    }

    private func units() -> String {
        let rows = tally.byUnit
        let out = style.bold(style.text("audit.by-unit")) + "\n"
        guard !rows.isEmpty else { return out + "  " + style.text("report.none") + "\n" }
        let table = TextTable(
            header: [style.text("audit.unit"), style.text("audit.records")]
                + [Verdict.nonCompliant, .needsReview, .invalid, .error].map { Self.name($0, style.language) }
                + [style.text("audit.share")],
            rightAligned: [1, 2, 3, 4, 5, 6],
            rows: rows.map {
                [
                    $0.label(in: style.language), String($0.records), String($0.count(.nonCompliant)),
                    String($0.count(.needsReview)), String($0.count(.invalid)), String($0.count(.error)),
                    $0.nonCompliantShare.percent,
                ]
            })
        return out + table.render(style: style)
            + (tally.unitsCapped ? "  " + style.dim(Self.capNote(tally, style.language)) + "\n" : "")
    }

    /// What a report says under a unit list that was capped.
    static func capNote(_ tally: BatchTally, _ language: Language = .english) -> String {
        if language != .english { return language.text("audit.cap-note", String(tally.unitLimit)) }
        return "capped at \(tally.unitLimit) units, the first met in input order: the records of later units are "
            + "counted under (other units)"
    }

    private static func record(_ item: BatchItem, style: TextStyle) -> String {
        // One string, appended to in place: a chain of `+` builds a new string at every step.
        let r = item.result
        var out = ""
        out.reserveCapacity(1024)
        out += "\n"
        out += style.verdict(r.verdict)
        out += "  "
        out += style.bold(TextStyle.oneLine(BatchReports.place(item.source, style.language)))
        for part in [r.id, r.kind, r.unit, r.date] {
            guard let part else { continue }
            out += "  "
            out += TextStyle.oneLine(part)
        }
        out += "\n"
        for d in r.diagnostics.sortedForOutput() {
            out += "    "
            out += TextStyle.oneLine(d.description(in: style.language))
            out += "\n"
            if let help = d.help {
                out += "      " + style.text("report.help-prefix")
                out += TextStyle.oneLine(DiagnosticWording.help(help, style.language))
                out += "\n"
            }
        }
        let findings = BatchReports.findings(r, in: style.language)
        let idWidth = findings.map { DisplayWidth.of($0.ruleID) }.max() ?? 0
        let titleWidth = min(40, findings.map { DisplayWidth.of($0.title) }.max() ?? 0)
        let indent = String(repeating: " ", count: 4 + idWidth + 2)
        for f in findings {
            out += "    "
            out += style.bold(DisplayWidth.pad(f.ruleID, to: idWidth))
            out += "  "
            out += DisplayWidth.pad(TextStyle.oneLine(f.title), to: titleWidth)
            out += "  "
            out += style.dim(TextStyle.oneLine(f.cite))
            if f.severity != .violation {
                out += style.dim(style.text("report.severity-aside", style.text("severity." + f.severity.rawValue)))
            }
            out += "\n"
            if let m = f.message {
                out += indent
                out += TextStyle.oneLine(m)
                out += "\n"
            }
            if let e = f.error {
                out += indent
                out += style.text("report.error-prefix")
                out += TextStyle.oneLine(DiagnosticWording.ruleError(e, style.language))
                out += "\n"
            }
            if let p = f.provisional {
                out += indent
                out += style.text("report.provisional-prefix")
                out += TextStyle.oneLine(p.message(style.language))
                out += "\n"
            }
            for e in f.evidence {
                out += indent
                out += style.dim("· \(e.path) = " + TextStyle.oneLine(ValueText.literal(e.value)))
                out += "\n"
            }
        }
        return out
    }

    /// `non-compliant`, `needs review`: verdicts as the summary names them.
    static func name(_ v: Verdict, _ language: Language = .english) -> String {
        if language != .english { return language.text("verdict-name." + v.rawValue) }
        return switch v {
        case .nonCompliant: "non-compliant"
        case .needsReview: "needs review"
        default: v.rawValue
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(s))) + s
    }

    /// A label of the run's header, padded so that the values after it line up (`inputs     `, `输入      `).
    private func label(_ id: String) -> String {
        let width =
            ["audit.inputs", "audit.as-of", "audit.rule-sets"].map { DisplayWidth.of(style.text($0)) }.max() ?? 0
        return "  " + DisplayWidth.pad(style.text(id), to: width + 2)
    }
}
