import BylawBatch
import BylawDiagnostics

/// `bylaw audit --format jsonl`: one JSON object per record, in input order, written as each arrives. The
/// object is `{"source": {"file", "line" | "row"}, ...}` followed by the members `check --format json` gives
/// for one decision (docs/audit.md). Keeps nothing between records.
public struct JSONLinesReporter: BatchReporter {
    public init() {}

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {}

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        var bytes: [UInt8] = []
        Self.append(item, to: &bytes)
        sink.write(utf8: bytes)
    }

    public mutating func finish(to sink: inout some ReportSink) {}

    /// One record's line, newline included.
    public static func line(_ item: BatchItem) -> String {
        var bytes: [UInt8] = []
        append(item, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record's line, newline included, appended to `bytes` as UTF-8: what a batch audit's workers call, so
    /// that a chunk's lines go to the report as one buffer and no `String` is made of any.
    public static func append(_ item: BatchItem, to bytes: inout [UInt8]) {
        var out = JSONBytes(capacity: 0)
        swap(&out.bytes, &bytes)
        defer { swap(&out.bytes, &bytes) }
        out.literal("{\"source\":")
        appendSource(item.source, to: &out)
        out.literal(",")
        ResultJSON.appendMembers(item.result, receipt: nil, to: &out)
        out.literal("\n")
    }

    /// `{"file": "disposals.csv", "row": 12}`; `"line"` for line-based inputs; only `"file"` for a whole file.
    static func appendSource(_ s: RecordSource, to out: inout JSONBytes) {
        out.member("{\"file\":", s.file)
        switch s.position {
        case .line(let n):
            out.literal(",\"line\":")
            out.int(n)
        case .row(let n):
            out.literal(",\"row\":")
            out.int(n)
        case .wholeFile: break
        }
        out.literal("}")
    }
}
