import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawJSON
import BylawLocale

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: Language.current.help("help.schema.abstract"),
        discussion: """
            Prints a JSON Schema (draft 2020-12) on standard output, for editors that complete and check YAML \
            (VS Code with the YAML extension, JetBrains IDEs, Neovim with yaml-language-server). Point a file \
            at a schema with a comment on its first line:

              # yaml-language-server: $schema=../../schemas/ruleset.schema.json

            The rule-set and test schemas are committed in schemas/; the shipped rule sets and tests already \
            carry the comment line. A decision's schema depends on the rule sets, so generate it for your \
            library: it holds the fields of every rule set for the kind (every version, on any date), with \
            kind, id, date and unit required. Decimals are plain numbers such as 650000.00.

            EXAMPLES
              bylaw schema --ruleset > schemas/ruleset.schema.json
              bylaw schema --test > schemas/test.schema.json
              bylaw schema --decision asset_disposal > asset_disposal.schema.json
              bylaw schema --decision cadre_promotion --rules ./my-rules

            EXIT CODES
              0  the schema was printed
              2  no rule set applies to KIND, the rule sets do not load,
                 or the command line is wrong
            """)

    @Flag(help: "The rule-set format, ruleset*.yaml (the default).")
    var ruleset = false

    @Flag(help: "The test-case format, tests/*.yaml.")
    var test = false

    @Option(
        help: ArgumentHelp("The input of decisions of this kind, from the rule sets in --rules.", valueName: "kind"))
    var decision: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if [ruleset, test, decision != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give only one of --ruleset, --test and --decision KIND")
        }
    }

    func run() throws {
        let schema: OrderedJSON
        if let decision {
            let library = try rules.loadLibrary()
            guard let s = JSONSchemaWriter.decision(kind: decision, in: library) else {
                let kinds = library.kinds
                printError(
                    "bylaw: no rule set in `\(rules.directory)` applies to kind `\(decision)`"
                        + (kinds.isEmpty ? "" : "; known kinds: " + kinds.joined(separator: ", ")))
                throw Exit.invalid
            }
            schema = s
        } else if test {
            schema = JSONSchemaWriter.testFile
        } else {
            schema = JSONSchemaWriter.ruleSet
        }
        FileHandleOutput.writeAll(fd: 1, schema.text)
    }
}
