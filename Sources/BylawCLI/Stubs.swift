import ArgumentParser

struct CheckCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check decision files against the rule sets for their kind.")
    @Argument(help: "Decision files (YAML or JSON).") var decisions: [String] = []
}

struct AuditCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check many decisions (CSV, JSON Lines, YAML stream, folder) and report.")
    @Argument(help: "Input files or folders.") var inputs: [String] = []
}

struct LogCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List, show, export and verify the audit trail.")
}

struct LintCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check rule sets for errors and likely mistakes.")
    @Argument(help: "Rule-set folders or files.") var paths: [String] = []
}

struct TestCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the test cases of rule sets.")
    @Argument(help: "Rule-set folders.") var paths: [String] = []
}

struct ExplainCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show why each rule passed or failed, value by value.")
    @Argument(help: "A decision file.") var decision: String?
}

struct EvalCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate one CEL expression.")
    @Argument(help: "The expression.") var expression: String?
}

struct DocCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "doc", abstract: "Write a readable rule book for reviewers.")
}

struct NewCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Scaffold a new rule set.")
    @Argument(help: "The rule set's name.") var name: String?
}

struct SchemaCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print JSON Schemas for rule sets, tests and decisions.")
}
