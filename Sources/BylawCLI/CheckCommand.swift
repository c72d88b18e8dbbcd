import ArgumentParser

struct CheckCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check decision files against the rule sets for their kind.")
    @Argument(help: "Decision files (YAML or JSON).") var decisions: [String] = []
}
