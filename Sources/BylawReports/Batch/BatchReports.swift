import Bylaw
import BylawBatch
import BylawLocale

/// The report formats of `bylaw audit` that this library writes, and the one place that makes a reporter for
/// a format name, so the command line only parses `--format` and passes a sink.
public enum BatchReportFormat: String, Sendable, CaseIterable {
    /// A summary for people, then every record that is not compliant.
    case text
    /// One documented JSON object (docs/audit-reports.md).
    case json
    /// One row per failed rule, for spreadsheets.
    case csv
    /// JUnit XML, for CI dashboards.
    case junit
    /// One self-contained HTML page with charts and a sortable table.
    case html
}

/// How the CSV report names its columns and writes its verdict, severity and outcome cells (`--columns`).
public enum CSVColumns: String, Sendable, CaseIterable {
    /// For people: in Chinese, the catalogue's Chinese header and words; in English, the machine names and
    /// values, which programs and existing users already parse and which therefore never change.
    case labels
    /// The machine names and values (`record_id`, `non_compliant`, `violation`, `failed`) in every language,
    /// for programs.
    case machine
}

/// Choices a caller may make about a batch report.
public struct BatchReportOptions: Sendable {
    /// Colour the text report with ANSI escapes; set it only when the sink is a terminal.
    public var colour: Bool
    /// Bytes of held-back listing a reporter keeps in memory before spilling to a temporary file.
    public var spillThreshold: Int
    /// The most units a report lists by name (`BatchTally.maxUnits`); later units are counted as `(other units)`.
    public var maxUnits: Int
    /// The language of the words of the text, HTML and JUnit reports, and of the CSV report's header and
    /// verdict, severity and outcome cells when `csvColumns` is `.labels` (JSON never changes).
    public var language: Language
    /// Whether the CSV report's header and words follow `language` or stay the machine names.
    public var csvColumns: CSVColumns

    public init(
        colour: Bool = false, spillThreshold: Int = 1 << 20, maxUnits: Int = BatchTally.maxUnits,
        language: Language = .english, csvColumns: CSVColumns = .labels
    ) {
        self.colour = colour
        self.language = language
        self.csvColumns = csvColumns
        self.spillThreshold = spillThreshold
        self.maxUnits = maxUnits
    }
}

/// Makes batch reporters.
public enum BatchReports {
    /// The most reasons a report's "why records are invalid" table shows.
    public static let invalidReasonLimit = 10

    /// Where a record came from, as a reader of `language` names it: `ledger.csv 第 6 行` / `ledger.csv:row 6`;
    /// a line (`dump.jsonl:3`) and a whole file are named the same in both.
    public static func place(_ source: RecordSource, _ language: Language) -> String {
        guard case .row(let n) = source.position else { return source.description }
        return language.text("audit.source-row", source.file, String(n))
    }

    /// The catalogue entry that says why a row was not checked.
    public static func skippedTextID(_ kind: SummaryRow) -> String {
        switch kind {
        case .totals: "audit.skipped.totals"
        case .signature: "audit.skipped.signature"
        case .note: "audit.skipped.note"
        case .endMark: "audit.skipped.end-mark"
        }
    }

    /// The reporter for `format`, or nil when the name is not one of `BatchReportFormat`'s (the caller handles
    /// its own formats, such as `jsonl`, and reports unknown names).
    public static func reporter(format: String, options: BatchReportOptions = .init()) -> (any BatchReporter)? {
        BatchReportFormat(rawValue: format).map { reporter(format: $0, options: options) }
    }

    /// The reporter for `format`.
    public static func reporter(format: BatchReportFormat, options: BatchReportOptions = .init()) -> any BatchReporter {
        switch format {
        case .text: TextBatchReporter(options: options)
        case .json: JSONBatchReporter(options: options)
        case .csv: CSVBatchReporter(language: options.language, columns: options.csvColumns)
        case .junit: JUnitBatchReporter(options: options)
        case .html: HTMLBatchReporter(options: options)
        }
    }

    /// The order in which reports count verdicts: compliant first, then the ones an auditor acts on.
    public static let verdictOrder: [Verdict] = [.compliant, .nonCompliant, .needsReview, .invalid, .error]

    /// Whether a record is listed in the reports that list records: every record that is not compliant.
    static func isListed(_ r: DecisionResult) -> Bool { r.verdict != .compliant }

    /// The rule results a listed record shows: those that failed or were in error, and those resting on a
    /// provisional calendar period, in rule order; for an English reader with the author's English titles and
    /// messages where the rule set gives them (machine formats pass no language and keep the originals).
    static func findings(_ r: DecisionResult, in language: Language? = nil) -> [RuleResult] {
        let found = r.results.filter { $0.outcome == .failed || $0.outcome == .error || $0.provisional != nil }
        return language == .english ? found.map { $0.inEnglish() } : found
    }
}
