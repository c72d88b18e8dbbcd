import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawLocale
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Language.current.help("help.new.abstract"),
        discussion: """
            Creates the folder DIR/NAME (DIR is --rules, default ./rules) holding:
              ruleset.yaml                         every section explained
              examples/compliant-example.yaml      a decision that passes
              examples/non-compliant-example.yaml  a decision that fails the rule
              tests/cases.yaml                     one case per rule

            `bylaw test DIR/NAME` passes on it at once, with every rule covered. Replace the TODO texts, then \
            grow the input, the rules, the examples and the cases together. The rule-set and test files start \
            with a `# yaml-language-server: $schema=` line, so editors complete and check them.

            NAME is kebab-case (travel-expenses); it becomes the rule set's id and the rule ids' prefix (TE-01). \
            An existing folder is never overwritten.

            EXAMPLES
              bylaw new travel-expenses --kind travel_claim
              bylaw test rules/travel-expenses
              bylaw new pilot-rules --kind proposal --rules ./my-rules

            EXIT CODES
              0  the folder was created
              2  NAME or KIND is malformed, the folder exists, a file cannot be written,
                 or the command line is wrong
            """)

    @Argument(help: "The rule set's id, kebab-case, such as travel-expenses.")
    var name: String

    @Option(help: ArgumentHelp("The decision kind the rule set applies to, such as travel_claim.", valueName: "kind"))
    var kind: String

    @Option(name: .customLong("rules"), help: ArgumentHelp("The rule library folder.", valueName: "dir"))
    var directory: String = "rules"

    func validate() throws {
        guard RuleSetScaffold.isKebab(name) else {
            throw ValidationError(
                "`\(name)` is not kebab-case: use lowercase ASCII letters and digits joined by single hyphens, "
                    + "such as travel-expenses")
        }
        guard RuleSetScaffold.isKind(kind) else {
            throw ValidationError(
                "`\(kind)` is not a decision kind: use lowercase ASCII letters, digits and `_`, such as travel_claim")
        }
    }

    func run() throws {
        let fm = FileManager.default
        let folder = directory + "/" + name
        if fm.fileExists(atPath: folder) {
            printError(
                "bylaw: `\(folder)` already exists; `bylaw new` never overwrites. Choose another name or remove it.")
            throw Exit.invalid
        }
        do {
            for (path, contents) in RuleSetScaffold.files(name: name, kind: kind) {
                let full = folder + "/" + path
                try fm.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try contents.write(toFile: full, atomically: true, encoding: .utf8)
                print("created \(full)")
            }
        } catch {
            printError("bylaw: cannot write `\(folder)`: \(error.localizedDescription)")
            throw Exit.invalid
        }
        print("next: replace the TODO texts, then run `bylaw test \(folder)`")
    }
}
