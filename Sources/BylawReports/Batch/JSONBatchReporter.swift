import Bylaw
import BylawBatch
import BylawDiagnostics

/// The JSON audit report: one object whose shape docs/audit-reports.md documents. Members come in a fixed
/// order with `records` last; the records are held back in a `SpillBuffer` while the counts are gathered, and
/// streamed out after them, one record per line.
public struct JSONBatchReporter: BatchReporter {
    private var run: BatchRunInfo?
    private var tally: BatchTally
    private let listing: SpillBuffer
    private var listed = 0
    private var skipped = SkippedRows()

    public init(options: BatchReportOptions = .init()) {
        tally = BatchTally(maxUnits: options.maxUnits)
        listing = SpillBuffer(memoryLimit: options.spillThreshold)
    }

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        self.run = run
    }

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        tally.add(item.result, source: item.source)
        guard BatchReports.isListed(item.result) else { return }
        listing.write((listed == 0 ? "\n" : ",\n") + Self.record(item))
        listed += 1
    }

    public mutating func skipped(_ rows: SkippedRows) { skipped = rows }

    public mutating func finish(to sink: inout some ReportSink) {
        let run = run ?? BatchRunInfo(bylawVersion: BylawVersion.current, inputs: [], asOf: nil, ruleSets: [])
        var out = "{\"bylaw_version\":\(JSONText.quote(run.bylawVersion)),\n"
        out += "\"verdict\":\(JSONText.quote(tally.worst.rawValue)),\n"
        out += "\"run\":" + Self.run(run) + ",\n"
        let counts = BatchReports.verdictOrder.map { "\"\($0.rawValue)\":\(tally.count($0))" }
        out += "\"summary\":{\"records\":\(tally.records)," + counts.joined(separator: ",") + "},\n"
        out += "\"by_rule\":[" + tally.byRule.map { "\n" + Self.rule($0) }.joined(separator: ",") + "],\n"
        out += "\"by_unit\":[" + tally.byUnit.map { "\n" + Self.unit($0) }.joined(separator: ",") + "],\n"
        out += "\"most_invalid\":\(InvalidReasons.mostInvalid(tally)),\n"
        let reasons = tally.invalidReasons.mostFrequent.prefix(BatchReports.invalidReasonLimit)
        out += "\"invalid_reasons\":[" + reasons.map { "\n" + Self.reason($0) }.joined(separator: ",") + "],\n"
        let rows = skipped.first.map {
            "\n{\"source\":\(JSONText.quote($0.source.description)),\"text\":\(JSONText.quote($0.text)),"
                + "\"kind\":\(JSONText.quote(Self.kindName($0.kind)))}"
        }
        out += "\"skipped_rows\":{\"count\":\(skipped.count),\"first\":[" + rows.joined(separator: ",") + "]},\n"
        out += "\"records\":["
        sink.write(out)
        listing.drain(to: &sink)
        sink.write("]}\n")
    }

    static func kindName(_ kind: SummaryRow) -> String {
        switch kind {
        case .totals: "totals"
        case .signature: "signature"
        case .note: "note"
        case .endMark: "end_mark"
        }
    }

    static func run(_ run: BatchRunInfo) -> String {
        let sets = run.ruleSets.map {
            "{\"id\":\(JSONText.quote($0.id)),\"version\":\(JSONText.quote($0.version)),\"file\":\(JSONText.quote($0.file))}"
        }
        return "{\"inputs\":[" + run.inputs.map(JSONText.quote).joined(separator: ",") + "],"
            + "\"as_of\":\(run.asOf.map(JSONText.quote) ?? "null"),"
            + "\"rule_sets\":[" + sets.joined(separator: ",") + "]}"
    }

    static func rule(_ c: BatchTally.RuleCount) -> String {
        "{\"rule_set\":\(JSONText.quote(c.ruleSet)),\"rule\":\(JSONText.quote(c.ruleID)),"
            + "\"title\":\(JSONText.quote(c.title)),\"cite\":\(JSONText.quote(c.cite)),"
            + "\"severity\":\(JSONText.quote(c.severity.rawValue)),\"failed\":\(c.failed),\"error\":\(c.errors)}"
    }

    static func reason(_ r: InvalidReasons.Reason) -> String {
        "{\"code\":\(JSONText.quote(r.code)),\"subject\":\(r.subject.map(JSONText.quote) ?? "null"),"
            + "\"records\":\(r.records),\"sample\":{\"source\":\(JSONText.quote(r.sampleSource)),"
            + "\"message\":\(JSONText.quote(r.sampleMessage))},\"help\":\(r.help.map(JSONText.quote) ?? "null")}"
    }

    static func unit(_ u: BatchTally.UnitCount) -> String {
        let counts = BatchReports.verdictOrder.map { "\"\($0.rawValue)\":\(u.count($0))" }
        return "{\"unit\":\(u.unit.map(JSONText.quote) ?? "null")," + (u.isOtherUnits ? "\"other_units\":true," : "")
            + "\"records\":\(u.records),"
            + counts.joined(separator: ",") + ",\"non_compliant_share\":\(u.nonCompliantShare.fraction)}"
    }

    /// One listed record: where it came from, the decision header `check` writes, and only the rules that
    /// failed or were in error.
    static func record(_ item: BatchItem) -> String {
        let r = item.result
        var line: String = "null"
        var row: String = "null"
        switch item.source.position {
        case .line(let n): line = String(n)
        case .row(let n): row = String(n)
        case .wholeFile: break
        }
        var f = [
            "\"index\":\(item.index)",
            "\"source\":{\"file\":\(JSONText.quote(item.source.file)),\"line\":\(line),\"row\":\(row)}",
        ]
        f.append(ResultJSON.header(r))
        f.append("\"results\":[" + BatchReports.findings(r).map(ResultJSON.rule).joined(separator: ",") + "]")
        f.append("\"diagnostics\":[" + r.diagnostics.sortedForOutput().map(\.json).joined(separator: ",") + "]")
        return "{" + f.joined(separator: ",") + "}"
    }
}
