import ArgumentParser
import Bylaw
import BylawCEL

#if canImport(Glibc)
    import Glibc
#endif

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "An interactive CEL prompt with a rule set's declarations and a decision in scope.",
        discussion: """
            Reads one line at a time from standard input: an expression prints its value and type, as \
            `bylaw eval` does, and a command starting with `:` changes the scope. With --set ID the scope is \
            what rule set ID's expressions see (`bylaw eval --set`): typed fields, params, lets and tables. \
            An error is printed and the prompt goes on. Standard input may be a pipe, so a session can be \
            scripted; the prompt `bylaw> ` is shown only on a terminal.

            COMMANDS
              EXPR               evaluate EXPR: value  (type)
              :type EXPR         the type the checker gives EXPR, without evaluating it
              :let NAME = EXPR   evaluate EXPR and call its value NAME from now on
              :load FILE         take FILE as the decision (typed by the rule sets)
              :set ID            take rule set ID's scope (:set - leaves it)
              :scope             what is in scope: the set, the decision, the names
              :help, :quit

            EXAMPLES
              bylaw repl --set asset-management \\
                --input rules/asset-management/examples/compliant-vehicle-auction.yaml
              printf 'params.min_price_ratio\\n:quit\\n' | bylaw repl --set asset-management

            EXIT CODES
              0  the input ended or :quit
              2  the rules do not load, or --input or --set cannot be used
            """)

    @OptionGroup var rules: RulesOption

    @Option(name: .customLong("set"), help: ArgumentHelp("Start in this rule set's scope.", valueName: "ruleset-id"))
    var ruleSet: String?

    @Option(help: ArgumentHelp("Start with this decision file.", valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("The value of `today` (YYYY-MM-DD).", valueName: "date"))
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
