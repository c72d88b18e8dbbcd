import BylawLocale
import Foundation
import Synchronization

/// `--lang zh|en`, accepted anywhere on the command line. It is taken out of the arguments before they are
/// parsed, because help texts are made while parsing and must already be in the chosen language.
enum LanguageArgument {
    /// Sets `Language.current` from `--lang`, `BYLAW_LANG` or the locale, and returns the other arguments.
    /// An unknown `--lang` value is a usage error (exit 2). Arguments after `--` are left alone.
    static func choose(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        var rest: [String] = []
        var flag: String?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" {
                rest += arguments[i...]
                break
            }
            if a == "--lang" {
                guard i + 1 < arguments.count else {
                    usage(Language.resolve(flag: nil, environment: environment).text("usage.lang-value"))
                }
                flag = arguments[i + 1]
                i += 2
                continue
            }
            if a.hasPrefix("--lang=") {
                flag = String(a.dropFirst("--lang=".count))
                i += 1
                continue
            }
            rest.append(a)
            i += 1
        }
        if let flag, Language(tag: flag) == nil {
            usage(Language.resolve(flag: nil, environment: environment).text("usage.lang-bad", flag))
        }
        Language.current = Language.resolve(flag: flag, environment: environment)
        given.withLock { $0 = flag.flatMap(Language.init(tag:)) }
        return rest
    }

    /// The language `--lang` named, if it was given (`bylaw serve` puts it over its configuration's `lang`).
    static var flag: Language? { given.withLock { $0 } }
    private static let given = Mutex<Language?>(nil)

    private static func usage(_ message: String) -> Never {
        FileHandleOutput.writeStderr(message + "\n")
        exit(2)
    }
}
