import BylawBatch
import BylawDiagnostics

/// `bylaw audit --format jsonl`: one JSON object per record, in input order, written as each arrives. The
/// object is `{"source": {"file", "line" | "row"}, ...}` followed by the members `check --format json` gives
/// for one decision (docs/audit.md). Keeps nothing between records.
public struct JSONLinesReporter: BatchReporter {
    public init() {}

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {}

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        sink.write(Self.line(item))
    }

    public mutating func finish(to sink: inout some ReportSink) {}

    /// One record's line, newline included.
    public static func line(_ item: BatchItem) -> String {
        let decision = ResultJSON.decision(item.result)
        return "{\"source\":" + source(item.source) + "," + decision.dropFirst() + "\n"
    }

    /// `{"file": "disposals.csv", "row": 12}`; `"line"` for line-based inputs; only `"file"` for a whole file.
    public static func source(_ s: RecordSource) -> String {
        let file = "\"file\":" + JSONText.quote(s.file)
        switch s.position {
        case .line(let n): return "{" + file + ",\"line\":\(n)}"
        case .row(let n): return "{" + file + ",\"row\":\(n)}"
        case .wholeFile: return "{" + file + "}"
        }
    }
}
