import BylawLocale

extension Diagnostic {
    /// The message in `language`: as made in English, or in Chinese from the catalogue entry for the code.
    public func message(in language: Language) -> String {
        DiagnosticWording.message(code: code, english: message, language)
    }

    /// `path:line:col: error: message [code]` in `language`, without the source excerpt; in English the same
    /// as `description`.
    public func description(in language: Language) -> String {
        guard language != .english else { return description }
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(DiagnosticWording.severity(severity.rawValue, language)): \(message(in: language)) [\(code)]"
    }
}
