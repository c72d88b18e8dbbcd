import Bylaw
import BylawDiagnostics

/// Where one record of a batch came from: the file (`-` for standard input) and the line where the record
/// starts (JSON Lines, YAML streams, JSON arrays) or its row as a spreadsheet numbers it (CSV and workbooks).
public struct RecordSource: Sendable, Equatable {
    public enum Position: Sendable, Equatable {
        case line(Int)
        case row(Int)
        case wholeFile
    }

    public var file: String
    public var position: Position

    public init(file: String, position: Position) {
        self.file = file
        self.position = position
    }

    /// `disposals.csv:row 12`, `dump.jsonl:3`, `records/a.yaml`.
    public var description: String {
        switch position {
        case .line(let n): "\(file):\(n)"
        case .row(let n): "\(file):row \(n)"
        case .wholeFile: file
        }
    }
}

/// One record of a batch run, checked: its place in the input order, where it came from and its result.
/// An unreadable record (a ragged CSV row, a JSON syntax error) is an item with verdict `invalid` whose
/// diagnostics say what and where.
public struct BatchItem: Sendable {
    /// 0-based position in the input order, across all inputs.
    public var index: Int
    public var source: RecordSource
    public var result: DecisionResult
    /// For a JSON record checked through the full path rather than the fast one, why; else nil.
    public var slowPath: SlowPathReason?

    public init(index: Int, source: RecordSource, result: DecisionResult) {
        self.index = index
        self.source = source
        self.result = result
    }
}

/// What a batch report says about the run as a whole, known before the first record.
public struct BatchRunInfo: Sendable {
    public var bylawVersion: String
    /// The inputs as the user named them.
    public var inputs: [String]
    /// `--as-of`, when given.
    public var asOf: String?
    /// The rule sets loaded, for the report header.
    public var ruleSets: [AppliedRuleSet]

    public init(bylawVersion: String, inputs: [String], asOf: String?, ruleSets: [AppliedRuleSet]) {
        self.bylawVersion = bylawVersion
        self.inputs = inputs
        self.asOf = asOf
        self.ruleSets = ruleSets
    }
}

/// Where a batch report writes: bytes go out as they are produced so memory stays bounded.
public protocol ReportSink {
    mutating func write(_ text: String)
    /// Text already encoded as UTF-8 (a report rendered as bytes on the worker threads); a sink that keeps bytes
    /// takes them as they are, without making a `String` of them.
    mutating func write(utf8 bytes: [UInt8])
}

extension ReportSink {
    public mutating func write(utf8 bytes: [UInt8]) { write(String(decoding: bytes, as: UTF8.self)) }
}

/// A report on a batch run. Items arrive in input order; `finish` is called once after the last one.
/// A reporter keeps only what its summary needs (counts, and for the formats that list them the
/// non-compliant records), never every result.
public protocol BatchReporter {
    mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink)
    mutating func add(_ item: BatchItem, to sink: inout some ReportSink)
    mutating func finish(to sink: inout some ReportSink)

    /// The part of the report for one record that needs nothing but that record, for the caller to render on
    /// its worker threads and hand to `add(_:rendered:to:)`; nil (the default) when there is none.
    var perRecord: (@Sendable (BatchItem) -> String)? { get }

    /// Adds a record whose `perRecord` text is `rendered`. By default, `add(_:to:)`.
    mutating func add(_ item: BatchItem, rendered: String, to sink: inout some ReportSink)

    /// The rows read but not checked because they are not records (`SummaryRow`). Told before `finish`, once,
    /// when there were any. By default, not reported.
    mutating func skipped(_ rows: SkippedRows)
}

extension BatchReporter {
    public var perRecord: (@Sendable (BatchItem) -> String)? { nil }

    public mutating func add(_ item: BatchItem, rendered: String, to sink: inout some ReportSink) {
        add(item, to: &sink)
    }

    public mutating func skipped(_ rows: SkippedRows) {}
}
