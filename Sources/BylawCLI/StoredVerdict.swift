import Bylaw
import BylawLocale

extension Language {
    /// A verdict word as the trail stores it (`non_compliant`), in this language; the trail's other words
    /// (`refused`, `none`) as they are.
    func storedVerdict(_ word: String) -> String {
        Verdict(rawValue: word) == nil ? word : text("verdict." + word)
    }
}
