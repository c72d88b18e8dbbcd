import ArgumentParser
import Bylaw
import BylawCEL
import BylawLocale

#if canImport(Glibc)
    import Glibc
#endif

struct ReplCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "repl", abstract: Language.current.help("help.repl.abstract"),
            discussion: Language.current.help("help.repl.discussion"))
    }

    @OptionGroup var rules: RulesOption

    @Option(
        name: .customLong("set"), help: ArgumentHelp(Language.current.help("help.repl.set"), valueName: "ruleset-id"))
    var ruleSet: String?

    @Option(help: ArgumentHelp(Language.current.help("help.repl.input"), valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp(Language.current.help("help.repl.as-of"), valueName: "date"))
    var asOf: String?

    func run() throws {
        var session = ReplSession(library: try rules.loadLibrary(), asOf: try asOf.map(parseDate))
        session.setID = ruleSet
        if let input, !session.load(input) { throw Exit.invalid }
        if input == nil, !session.rebuild() { throw Exit.invalid }
        let prompt = isatty(0) == 1
        while true {
            if prompt { FileHandleOutput.writeText("bylaw> ") }
            guard let line = readLine(strippingNewline: true) else { break }
            if !session.handle(line) { break }
        }
        if prompt { FileHandleOutput.writeText("\n") }
    }
}
