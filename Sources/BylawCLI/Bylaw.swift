import ArgumentParser
import Bylaw
import Foundation

@main
struct BylawCommand: ParsableCommand {
    /// Runs the command line, mapping usage errors to exit code 2 as documented (ArgumentParser's default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandleOutput.writeStderr(fullMessage(for: error) + "\n")
                FileHandleOutput.writeStderr("Usage: see `bylaw help`.\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "bylaw",
        abstract: "Check governance decisions against regulations written as YAML rule sets.",
        discussion: """
            Rule sets live under ./rules (or --rules DIR). A decision is a YAML or JSON file with \
            `kind`, `id`, `date` and `unit`; bylaw applies the rule sets for its kind in force on its date.

            EXIT CODES
              0  compliant (or the command succeeded)
              1  not compliant, needs review, or a failed test
              2  invalid input, a rule-set error, a usage error, or an audit-trail failure
            """,
        version: BylawVersion.current,
        subcommands: [
            CheckCommand.self, AuditCommand.self, LogCommand.self, LintCommand.self, TestCommand.self,
            ExplainCommand.self, EvalCommand.self, DocCommand.self, NewCommand.self, SchemaCommand.self,
            MapCommand.self, DiffCommand.self, FmtCommand.self, ServeCommand.self,
        ]
    )
}
