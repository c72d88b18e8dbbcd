import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawLocale

/// The HTML audit report: one self-contained page (inline CSS, inline SVG, inline script; nothing fetched)
/// with summary figures, bar charts of failures by rule and of non-compliant records by unit, tables of both,
/// and a table of every record that is not compliant with its failed rules, messages and evidence.
///
/// Every value is escaped with `MarkupText`, so a `<script>` typed into a spreadsheet cell shows as text.
/// Without JavaScript the page is complete and the table readable; the script only adds sorting by column,
/// a text filter, verdict and rule filters, and chart bars that filter the table. The table rows are written
/// as records arrive into a `SpillBuffer` and streamed out after the charts by `finish`. The table lists the
/// first `HTMLPaging.limit` such records, so the page stays light at any size; the others go to the paging's
/// companion file, which the page links to.
public struct HTMLBatchReporter: BatchReporter {
    private var run: BatchRunInfo?
    private var tally: BatchTally
    private let rows: SpillBuffer
    private let paging: HTMLPaging
    private var inPage = 0
    private var beyond = 0
    /// Writes the records beyond the page to the companion file.
    private var rest = CSVBatchReporter()
    private let language: Language
    private var skipped = SkippedRows()

    /// Bars shown per chart; the tables below the charts list every rule and unit.
    static let chartLimit = 30

    /// The text of the page's one `<script>` element, the same in every report: a server that sends the page
    /// with a content security policy allows exactly it by its hash (`script-src 'sha256-…'`).
    public static var scriptText: String { "\n" + HTMLParts.script }

    /// How every page ends: the main part closed, the script whose text is `scriptText`, the document closed.
    private static var ending: String { "</main>\n<script>" + scriptText + "</script>\n</body>\n</html>\n" }

    public init(options: BatchReportOptions = .init(), paging: HTMLPaging = .init()) {
        rows = SpillBuffer(memoryLimit: options.spillThreshold)
        self.paging = paging
        tally = BatchTally(maxUnits: options.maxUnits)
        language = options.language
    }

    public mutating func begin(_ run: BatchRunInfo, to sink: inout some ReportSink) {
        self.run = run
    }

    public mutating func add(_ item: BatchItem, to sink: inout some ReportSink) {
        tally.add(item.result, source: item.source)
        guard BatchReports.isListed(item.result) else { return }
        guard inPage < paging.limit else {
            beyond += 1
            if var companion = paging.companion {
                if companion.records == 0, let run { rest.begin(run, to: &companion) }
                companion.records += 1
                rest.add(item, to: &companion)
            }
            return
        }
        inPage += 1
        let unit = item.result.unit
        let key = tally.countsSeparately(unit) ? HTMLParts.unitKey(unit) : HTMLParts.unitKey(nil, others: true)
        rows.write(HTMLParts.row(item, unitKey: key, language: language))
    }

    public mutating func skipped(_ rows: SkippedRows) { skipped = rows }

    public mutating func finish(to sink: inout some ReportSink) {
        let run = run ?? BatchRunInfo(bylawVersion: BylawVersion.current, inputs: [], asOf: nil, ruleSets: [])
        let listed = tally.records - tally.count(.compliant)
        paging.companion?.close()
        let l = language
        var out = HTMLParts.head(run, l) + HTMLParts.headline(tally, l) + HTMLParts.figures(tally, l)
        out += HTMLParts.skippedRows(skipped, l)
        out += HTMLParts.invalidReasons(tally.invalidReasons, l)
        out += "<section class=\"charts\">\n" + ruleChart() + unitChart() + "</section>\n"
        out += HTMLParts.ruleTable(tally.byRule, l) + HTMLParts.unitTable(tally, l)
        let (some, all) = (HTMLParts.grouped(listed), HTMLParts.grouped(tally.records))
        out += "<section class=\"panel\" id=\"records\">\n<h2>" + HTMLParts.label("span", l, id: "html.listed") + " "
        out += HTMLParts.label("span", l, " class=\"muted\"") { $0.text("html.listed-count", some, all) } + "</h2>\n"
        if listed == 0 {
            out += HTMLParts.label("p", l, " class=\"empty\"", id: "html.all-compliant") + "\n</section>\n"
            sink.write(out + Self.ending)
            return
        }
        if beyond > 0 { out += HTMLPaging.note(inPage: inPage, beyond: beyond, companion: paging.companion, l) }
        out += HTMLParts.controls(tally.byRule, tally.byUnit, listed: inPage, l) + HTMLParts.tableHead(l)
        sink.write(out)
        rows.drain(to: &sink)
        sink.write("</tbody>\n</table>\n</div>\n</section>\n" + Self.ending)
    }

    private func ruleChart() -> String {
        let rules = tally.byRule.filter { $0.failed > 0 }
        let bars = rules.prefix(Self.chartLimit).map {
            SVGBarChart.Bar(
                key: $0.ruleID, label: $0.title(language), note: $0.cite, value: $0.failed, tone: $0.severity.rawValue,
                filter: ("data-rule-filter", $0.ruleSet + "/" + $0.ruleID))
        }
        let l = language
        let chart = SVGBarChart(id: "chart-rules", title: "html.by-rule", language: l, bars: Array(bars))
        return HTMLParts.chartPanel(
            "html.by-rule", { $0.text("html.by-rule-note") }, chart: chart, shown: bars.count, of: rules.count,
            empty: "html.no-rule-failed", l)
    }

    private func unitChart() -> String {
        let units = tally.byUnit.filter { $0.count(.nonCompliant) > 0 }
        func note(_ u: BatchTally.UnitCount, _ l: Language) -> String {
            l.text(
                u.records == 1 ? "html.unit-bar-note-one" : "html.unit-bar-note", HTMLParts.grouped(u.records),
                u.nonCompliantShare.percent)
        }
        let bars = units.prefix(Self.chartLimit).map { u in
            SVGBarChart.Bar(
                key: u.label(in: language), label: "", note: note(u, language), value: u.count(.nonCompliant),
                tone: "unit", filter: ("data-unit-filter", HTMLParts.unitKey(u)),
                other: (u.label(in: language.other), note(u, language.other)))
        }
        let chart = SVGBarChart(id: "chart-units", title: "html.by-unit", language: language, bars: Array(bars))
        return HTMLParts.chartPanel(
            "html.by-unit",
            { l in
                l.text("html.by-unit-note")
                    + (tally.unitsCapped ? (l == .chinese ? "；" : "; ") + TextBatchReporter.capNote(tally, l) : "")
            }, chart: chart, shown: bars.count, of: units.count, empty: "html.no-unit", language)
    }
}
