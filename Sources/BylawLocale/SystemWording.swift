/// The words of the system's own errors (SQLite's messages, the C library's `strerror`), which bylaw passes on
/// inside its sentences, in the reader's language when the catalogue has them (`system.*`).
public enum SystemWording {
    /// `text` in `language`: the catalogue's Chinese for a system message it knows (compared without case), else
    /// `text` as it is.
    public static func text(_ text: String, _ language: Language) -> String {
        guard language == .chinese else { return text }
        return chinese[text.lowercased()] ?? text
    }

    static let chinese: [String: String] = {
        var table: [String: String] = [:]
        for e in Catalogue.entries where e.id.hasPrefix("system.") { table[e.english.lowercased()] = e.chinese }
        return table
    }()
}
