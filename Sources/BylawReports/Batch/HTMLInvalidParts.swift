import BylawLocale

extension HTMLParts {
    /// When most records are invalid, the page opens by saying so, with the likely cause and its fix.
    static func headline(_ tally: BatchTally, _ l: Language = .english) -> String {
        guard InvalidReasons.mostInvalid(tally) else { return "" }
        let (summary, cause, fix) = InvalidReasons.headline(tally, l)
        var out = "<section class=\"panel notice\" id=\"most-invalid\">\n<h2>\(text(summary))</h2>\n"
        if let cause { out += "<p>\(text(cause))</p>\n" }
        if let fix { out += "<p><strong>\(text(l.text("html.fix")))</strong> \(text(fix))</p>\n" }
        return out + "</section>\n"
    }

    /// The most frequent reasons records are invalid, with a sample record each.
    static func invalidReasons(_ reasons: InvalidReasons, _ l: Language = .english) -> String {
        let all = reasons.mostFrequent
        guard !all.isEmpty else { return "" }
        var out = "<section class=\"panel\" id=\"invalid-reasons\"><h2>\(text(l.text("html.why-invalid")))</h2>\n"
        out += "<table class=\"grid\"><thead><tr><th class=\"num\">\(text(l.text("html.col.records")))</th>"
        for id in ["html.col.reason", "html.col.subject", "html.col.first", "html.col.fix"] {
            out += "<th>\(text(l.text(id)))</th>"
        }
        out += "</tr></thead><tbody>\n"
        for r in all.prefix(BatchReports.invalidReasonLimit) {
            out += "<tr><td class=\"num\">\(grouped(r.records))</td><td class=\"key\">\(text(r.code))</td>"
            out +=
                "<td>\(text(r.subject ?? ""))</td><td>\(text(r.sampleSource))<br>\(text(l == .english ? r.sampleMessage : DiagnosticWording.message(code: r.code, english: r.sampleMessage, l)))</td>"
            out += "<td>\(text(r.help.map { DiagnosticWording.help($0, l) } ?? ""))</td></tr>\n"
        }
        out += "</tbody></table>"
        if all.count > BatchReports.invalidReasonLimit {
            out +=
                "<p class=\"muted\">\(text(l.text("html.other-reasons", String(all.count - BatchReports.invalidReasonLimit))))</p>"
        }
        return out + "</section>\n"
    }
}
