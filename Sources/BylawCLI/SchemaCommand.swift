import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawJSON
import BylawLocale

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: Language.current.help("help.schema.abstract"),
        discussion: Language.current.help("help.schema.discussion"))

    @Flag(help: ArgumentHelp(Language.current.help("help.schema.ruleset")))
    var ruleset = false

    @Flag(help: ArgumentHelp(Language.current.help("help.schema.test")))
    var test = false

    @Option(
        help: ArgumentHelp(Language.current.help("help.schema.decision"), valueName: "kind"))
    var decision: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if [ruleset, test, decision != nil].filter({ $0 }).count > 1 {
            throw ValidationError(Language.current.text("usage.one-schema"))
        }
    }

    func run() throws {
        let schema: OrderedJSON
        if let decision {
            let library = try rules.loadLibrary()
            let l = Language.current
            let words: JSONSchemaWriter.DecisionWords = { key, arguments in
                l.text("decision-schema." + key, arguments: arguments)
            }
            guard let s = JSONSchemaWriter.decision(kind: decision, in: library, words: words) else {
                let kinds = library.kinds
                printError(
                    "bylaw: " + Language.current.text("op.schema-no-kind", rules.directory, decision)
                        + (kinds.isEmpty ? "" : Language.current.text("op.known-kinds", kinds.joined(separator: ", "))))
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
