import ArgumentParser

struct LintCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check rule sets for errors and likely mistakes.")
    @Argument(help: "Rule-set folders or files.") var paths: [String] = []
}
