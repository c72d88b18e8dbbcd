extension HTMLParts {
    /// When most records are invalid, the page opens by saying so, with the likely cause and its fix.
    static func headline(_ tally: BatchTally) -> String {
        guard InvalidReasons.mostInvalid(tally) else { return "" }
        let (summary, cause, fix) = InvalidReasons.headline(tally)
        var out = "<section class=\"panel notice\" id=\"most-invalid\">\n<h2>\(text(summary))</h2>\n"
        if let cause { out += "<p>\(text(cause))</p>\n" }
        if let fix { out += "<p><strong>Fix:</strong> \(text(fix))</p>\n" }
        return out + "</section>\n"
    }

    /// The most frequent reasons records are invalid, with a sample record each.
    static func invalidReasons(_ reasons: InvalidReasons) -> String {
        let all = reasons.mostFrequent
        guard !all.isEmpty else { return "" }
        var out = "<section class=\"panel\" id=\"invalid-reasons\"><h2>Why records are invalid</h2>\n"
        out += "<table class=\"grid\"><thead><tr><th class=\"num\">records</th><th>reason</th><th>column or field</th>"
        out += "<th>first record</th><th>fix</th></tr></thead><tbody>\n"
        for r in all.prefix(BatchReports.invalidReasonLimit) {
            out += "<tr><td class=\"num\">\(grouped(r.records))</td><td class=\"key\">\(text(r.code))</td>"
            out += "<td>\(text(r.subject ?? ""))</td><td>\(text(r.sampleSource))<br>\(text(r.sampleMessage))</td>"
            out += "<td>\(text(r.help ?? ""))</td></tr>\n"
        }
        out += "</tbody></table>"
        if all.count > BatchReports.invalidReasonLimit {
            out += "<p class=\"muted\">And \(all.count - BatchReports.invalidReasonLimit) other reasons.</p>"
        }
        return out + "</section>\n"
    }
}
