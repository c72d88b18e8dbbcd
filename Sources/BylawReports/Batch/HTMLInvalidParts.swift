import BylawBatch
import BylawLocale

extension HTMLParts {
    /// When most records are invalid, the page opens by saying so, with the likely cause and its fix.
    static func headline(_ tally: BatchTally, _ l: Language = .english) -> String {
        guard InvalidReasons.mostInvalid(tally) else { return "" }
        // Worded once per language: each label below shows one and keeps the other for the switch.
        var worded: [Language: (summary: String, cause: String?, fix: String?)] = [:]
        for language in Language.allCases { worded[language] = InvalidReasons.headline(tally, language) }
        let (cause, fix) = (worded[l]?.cause, worded[l]?.fix)
        var out = "<section class=\"panel notice\" id=\"most-invalid\">\n"
        out += label("h2", l) { worded[$0]?.summary ?? "" } + "\n"
        if cause != nil { out += label("p", l) { worded[$0]?.cause ?? "" } + "\n" }
        if fix != nil {
            out += "<p>" + label("strong", l, id: "html.fix") + " "
            out += label("span", l) { worded[$0]?.fix ?? "" } + "</p>\n"
        }
        return out + "</section>\n"
    }

    /// The most frequent reasons records are invalid, with a sample record each.
    static func invalidReasons(_ reasons: InvalidReasons, _ l: Language = .english) -> String {
        let all = reasons.mostFrequent
        guard !all.isEmpty else { return "" }
        var out = "<section class=\"panel\" id=\"invalid-reasons\">" + label("h2", l, id: "html.why-invalid") + "\n"
        out += "<table class=\"grid\"><thead><tr>" + label("th", l, " class=\"num\"", id: "html.col.records")
        for id in ["html.col.reason", "html.col.subject", "html.col.first", "html.col.fix"] {
            out += label("th", l, id: id)
        }
        out += "</tr></thead><tbody>\n"
        for r in all.prefix(BatchReports.invalidReasonLimit) {
            out += "<tr><td class=\"num\">\(grouped(r.records))</td><td class=\"key\">\(text(r.code))</td>"
            out += "<td>\(text(r.subject ?? ""))</td><td>\(text(r.samplePlace(l)))<br>"
            out += label("span", l) {
                $0 == .english ? r.sampleMessage : DiagnosticWording.message(code: r.code, english: r.sampleMessage, $0)
            }
            out += "</td>" + label("td", l) { l in r.help.map { DiagnosticWording.help($0, l) } ?? "" } + "</tr>\n"
        }
        out += "</tbody></table>"
        if all.count > BatchReports.invalidReasonLimit {
            let others = String(all.count - BatchReports.invalidReasonLimit)
            out += label("p", l, " class=\"muted\"") { $0.text("html.other-reasons", others) }
        }
        return out + "</section>\n"
    }

    /// The rows not checked because they are not records (totals, signature lines, notes), each with its place
    /// and first cell.
    static func skippedRows(_ skipped: SkippedRows, _ l: Language = .english) -> String {
        guard skipped.count > 0 else { return "" }
        var out = "<section class=\"panel\" id=\"skipped-rows\">"
        out +=
            label("h2", l) { $0.text("audit.skipped-rows", grouped(skipped.count)) }
            + "\n<table class=\"grid\"><tbody>\n"
        for row in skipped.first {
            out += "<tr><td class=\"key\">\(text(BatchReports.place(row.source, l)))</td><td>\(text(row.text))</td>"
            out += label("td", l, id: BatchReports.skippedTextID(row.kind)) + "</tr>\n"
        }
        out += "</tbody></table>"
        if skipped.rest > 0 {
            out += label("p", l, " class=\"muted\"") { $0.text("audit.skipped-more", grouped(skipped.rest)) }
        }
        return out + "</section>\n"
    }
}
