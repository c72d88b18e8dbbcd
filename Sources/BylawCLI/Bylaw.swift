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
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.writeStderr(fullMessage(for: error) + "\n")
                FileHandleOutput.writeStderr(Language.current.text("help.usage-hint") + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "bylaw",
            abstract: Language.current.text("help.bylaw.abstract"),
            discussion: Language.current.text("help.bylaw.discussion"),
            version: BylawVersion.current,
            subcommands: [
                CheckCommand.self, AuditCommand.self, LogCommand.self, LintCommand.self, TestCommand.self,
                ExplainCommand.self, EvalCommand.self, DocCommand.self, NewCommand.self, SchemaCommand.self,
                MapCommand.self, DiffCommand.self, FmtCommand.self,
            ]
        )
    }
}
