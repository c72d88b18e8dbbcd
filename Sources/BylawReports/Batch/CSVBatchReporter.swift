import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// The CSV audit report: one row per failed rule, rule in error, or (for an invalid record) error diagnostic,
/// written as the records arrive. RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or
/// line break), UTF-8 with a byte order mark so spreadsheet programs read Chinese, and every cell passed
/// through `CSVCell.neutralised` so no cell is taken for a formula.
///
/// With `CSVColumns.labels` in Chinese the header row and the verdict, severity and outcome cells are the
/// catalogue's Chinese words, for a personnel officer's spreadsheet. In English, and with `CSVColumns.machine`
/// in any language, they are the machine names (`record_id`, `non_compliant`, `violation`, `failed`), exactly as
/// bylaw has always written them: programs and existing users parse the English file, so it never changes.
public struct CSVBatchReporter: BatchReporter {
    /// The header row's machine names, in column order.
    public static let columns = [
        "source", "record_id", "kind", "unit", "date", "verdict", "rule_set", "rule_id", "title", "severity",
        "outcome", "cite", "message", "evidence",
    ]

    /// The language of the rules' titles and messages: in English, the author's English where given; nil keeps
    /// the rule sets' own text.
    let language: Language?
    /// The language of the header and of the verdict, severity and outcome cells; nil for the machine names.
    let words: Language?

    public init(language: Language? = nil, columns: CSVColumns = .labels) {
        self.language = language
        words = columns == .labels && language == .chinese ? .chinese : nil
    }

    /// The header row: the machine names, or their labels in `words`.
    public static func header(_ words: Language? = nil) -> [String] {
        guard let words else { return columns }
        return columns.map { words.text("audit.csv." + $0) }
    }

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        sink.write("\u{FEFF}" + Self.row(Self.header(words)))
    }

    /// A verdict, outcome or severity cell: the machine name, or the catalogue's word for `group.name`.
    private func word(_ group: String, _ name: String) -> String {
        words.map { $0.text(group + "." + name) } ?? name
    }

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        let r = item.result
        let verdict = word("verdict", r.verdict.rawValue)
        let head = [
            words.map { BatchReports.place(item.source, $0) } ?? item.source.description, r.id ?? "", r.kind ?? "",
            r.unit ?? "", r.date ?? "", verdict,
        ]
        var out = ""
        if r.verdict == .invalid {
            let errors = r.diagnostics.sortedForOutput().filter { $0.severity == .error }
            let invalid = ["", "", "", word("diag.severity", "error"), word("verdict", "invalid"), ""]
            for d in errors { out += Self.row(head + invalid + [d.description(in: words ?? .english), ""]) }
            if errors.isEmpty {
                out += Self.row(head + invalid + [words?.text("audit.csv.invalid-record") ?? "invalid record", ""])
            }
        }
        for f in BatchReports.findings(r, in: language) {
            let evidence = f.evidence.map { "\($0.path)=\(ValueText.literal($0.value))" }.joined(separator: "; ")
            out += Self.row(
                head + [
                    f.ruleSet, f.ruleID, f.title, word("severity", f.severity.rawValue),
                    word("outcome", f.outcome.rawValue), f.cite,
                    f.message ?? f.error ?? f.provisional?.message(language ?? .english) ?? "", evidence,
                ])
        }
        if !out.isEmpty { sink.write(out) }
    }

    public mutating func finish(to sink: inout some ReportSink) {}

    static func row(_ cells: [String]) -> String {
        cells.map { CSVCell.quoted(CSVCell.neutralised($0)) }.joined(separator: ",") + "\r\n"
    }
}

/// One CSV cell: defused against spreadsheet formula injection, then quoted per RFC 4180.
public enum CSVCell {
    /// `cell`, with an apostrophe put in front when a spreadsheet could read it as a formula: when its first
    /// character, after any spaces, is `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed, or one of
    /// the fullwidth `＝ ＋ － ＠` that some East Asian spreadsheet settings read as those. The apostrophe is
    /// what spreadsheets themselves use to mark "text, not formula"; it shows in other tools, which is the
    /// price of safety.
    ///
    /// A plain signed decimal number (`-12`, `-0.50`, `+3`) is left alone: it has no cell reference or
    /// function a spreadsheet could run, so it is read as the number it is, and amounts stay usable.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first(where: { $0 != " " }) else { return cell }
        switch first {
        case "=", "@", "\t", "\r", "\n", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}":
            return "'" + cell
        case "+", "-":
            return isSignedDecimal(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// `cell` quoted when it holds a comma, a double quote, a carriage return or a line feed; double quotes
    /// inside are doubled.
    public static func quoted(_ cell: String) -> String {
        let needs = cell.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needs else { return cell }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(cell.utf8.count + 8)
        for b in cell.utf8 {
            out.append(b)
            if b == 0x22 { out.append(b) }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// `-12`, `+3`, `-0.50`: a sign, ASCII digits, optionally a point and more digits, nothing else.
    static func isSignedDecimal(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+") else { return false }
        var i = 1
        func digits() -> Bool {
            let start = i
            while i < u.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) { i += 1 }
            return i > start
        }
        guard digits() else { return false }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() else { return false }
        }
        return i == u.count
    }
}
