import Bylaw
import BylawLocale

extension ProvisionalCalendarNote {
    /// The note in `language` for the reports a person reads; JSON keeps `message`, the English.
    package func message(_ language: Language) -> String {
        language == .english
            ? message : language.text("report.provisional-note", String(day.year), calendar, file)
    }
}
