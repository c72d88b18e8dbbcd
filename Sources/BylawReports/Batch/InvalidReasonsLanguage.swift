import BylawDiagnostics
import BylawLocale

extension InvalidReasons {
    /// `headline(_:)` in `language`: how reports open when most records are invalid.
    public static func headline(_ tally: BatchTally, _ language: Language) -> (
        summary: String, cause: String?, fix: String?
    ) {
        guard language != .english else { return headline(tally) }
        let invalid = tally.count(.invalid)
        let judged = tally.records - invalid
        let share = Ratio(part: invalid, whole: tally.records).percent
        let summary =
            judged == 0
            ? language.text("audit.most-invalid-none", String(tally.records), String(invalid), share)
            : language.text("audit.most-invalid-some", String(tally.records), String(invalid), share, String(judged))
        guard let top = tally.invalidReasons.mostFrequent.first else { return (summary, nil, nil) }
        let cause = language.text(
            "audit.most-frequent-reason", String(top.records),
            DiagnosticWording.message(code: top.code, english: top.sampleMessage, language), top.code)
        return (summary, cause, top.help.map { DiagnosticWording.help($0, language) })
    }
}

extension BatchTally.UnitCount {
    /// How a report in `language` names the row: the unit, or the words for other units or no unit.
    public func label(in language: Language) -> String {
        unit ?? (isOtherUnits ? language.text("audit.other-units") : language.text("audit.no-unit"))
    }
}
