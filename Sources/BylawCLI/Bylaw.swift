import ArgumentParser
import Bylaw
import BylawLocale
import Foundation

@main
struct BylawCommand: ParsableCommand {
    /// Runs the command line, mapping usage errors to exit code 2 as documented (ArgumentParser's default is 64).
    static func main() {
        // The language is chosen before parsing, so that help and every message are in it (LanguageArgument).
        let arguments = LanguageArgument.choose(Array(CommandLine.arguments.dropFirst()))
        // `bylaw help nosuch` would print the overview and succeed: a name that is no subcommand is a usage error.
        if arguments.first == "help", let name = arguments.dropFirst().first, !name.hasPrefix("-") {
            let names = configuration.subcommands.map { $0._commandName }
            if !names.contains(name) {
                FileHandleOutput.writeStderr(
                    Language.current.text("usage.no-subcommand", name, names.joined(separator: ", ")) + "\n")
                Foundation.exit(2)
            }
        }
        var parsed = false
        do {
            var command = try parseAsRoot(arguments)
            parsed = true
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // A problem the command found once its arguments had parsed (a folder that is not one, a date
                // that is no date): the parser would give the root's usage, so the command's own help is named.
                if parsed {
                    FileHandleOutput.writeStderr(
                        HelpChrome.translateError("Error: " + message(for: error), Language.current) + "\n"
                            + Language.current.help("help.usage-hint-command", commandPath(arguments)) + "\n")
                    Foundation.exit(2)
                }
                let said = HelpChrome.translateError(fullMessage(for: error), Language.current)
                FileHandleOutput.writeStderr(said + "\n")
                // The parser's message usually ends by naming the command's `--help`; the general hint is for
                // when it does not.
                if !said.contains("--help") {
                    FileHandleOutput.writeStderr(Language.current.help("help.usage-hint") + "\n")
                }
                Foundation.exit(2)
            }
            // Help (a clean exit) in the chosen language, the parser's own words included.
            if code == .success {
                // Asked of the parser unbroken, so that its notes (`(default: x)`) are whole to translate, then
                // broken here by terminal columns, which the parser does not count.
                let columns = HelpChrome.terminalColumns()
                let help = HelpChrome.unbroken { fullMessage(for: error) }
                FileHandleOutput.writeText(
                    Language.wrapHelpScreen(HelpChrome.translate(help, Language.current), columns: columns) + "\n")
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }

    /// `bylaw test`, `bylaw log verify`: the subcommands the arguments name, from their start.
    static func commandPath(_ arguments: [String]) -> String {
        var path = "bylaw"
        var commands = configuration.subcommands
        for argument in arguments {
            guard let next = commands.first(where: { $0._commandName == argument }) else { break }
            path += " " + argument
            commands = next.configuration.subcommands
        }
        return path
    }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bylaw",
            abstract: Language.current.help("help.bylaw.abstract"),
            discussion: Language.current.help("help.bylaw.discussion"),
            version: BylawVersion.current,
            subcommands: [
                CheckCommand.self, AuditCommand.self, LogCommand.self, LintCommand.self, TestCommand.self,
                ExplainCommand.self, EvalCommand.self, DocCommand.self, NewCommand.self, SchemaCommand.self,
                MapCommand.self, DiffCommand.self, FmtCommand.self, ReplCommand.self, ReplayCommand.self,
                ServeCommand.self,
            ]
        )
    }
}
