import Synchronization

/// The language bylaw speaks to people in: Simplified Chinese or English.
///
/// Machine formats (JSON keys, codes, CSV column names a program reads) never depend on it.
public enum Language: String, Sendable, CaseIterable {
    /// Simplified Chinese, as a personnel officer writes it.
    case chinese = "zh-Hans"
    /// English, the default when nothing asks for Chinese.
    case english = "en"

    /// The language a `--lang` value or a locale name asks for: `zh*` is Chinese, `en*`, `C` and `POSIX`
    /// are English, anything else is nil.
    public init?(tag: String) {
        let t = tag.lowercased()
        if t.hasPrefix("zh") {
            self = .chinese
        } else if t.hasPrefix("en") || t == "c" || t == "posix" || t.hasPrefix("c.") {
            self = .english
        } else {
            return nil
        }
    }

    /// The language for a run: `--lang` first, then `BYLAW_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, the first one set and not empty), else English. An unrecognised `BYLAW_LANG` or locale is
    /// passed over, as if unset.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let chosen = Language(tag: flag) { return chosen }
        if let value = environment["BYLAW_LANG"], !value.isEmpty, let chosen = Language(tag: value) {
            return chosen
        }
        return locale(environment)
    }

    /// The language of the locale alone (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set and not empty):
    /// Chinese for `zh*`, else English.
    public static func locale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first locale variable that is set decides, as the C library does.
            return value.lowercased().hasPrefix("zh") ? .chinese : .english
        }
        return .english
    }

    /// The value of the HTML `lang` attribute.
    public var htmlTag: String { rawValue }

    private static let chosen = Mutex(Language.english)

    /// The language of this process, set once by the command line before it parses its arguments; English
    /// until then. Library renderers take a language explicitly and default to English, so tests that run in
    /// one process never depend on it.
    public static var current: Language {
        get { chosen.withLock { $0 } }
        set { chosen.withLock { $0 = newValue } }
    }
}
