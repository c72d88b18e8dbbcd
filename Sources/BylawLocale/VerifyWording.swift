/// The reasons and notes of an audit-trail verification in the reader's language. The verifier writes them in
/// English (they are also the machine's `problem.reason`); each catalogue entry `verify.*` gives the English
/// form with `{0}`, `{1}` where the verifier puts a value, and its Chinese. A reason no entry matches is shown
/// as it is.
public enum VerifyWording {
    public static func text(_ english: String, _ language: Language) -> String {
        guard language == .chinese else { return english }
        for entry in entries {
            if let values = Catalogue.match(entry.english, english) { return Catalogue.fill(entry.chinese, values) }
        }
        return english
    }

    static let entries = Catalogue.entries.filter { $0.id.hasPrefix("verify.") }
}
