import ArgumentParser

struct AuditCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check many decisions (CSV, JSON Lines, YAML stream, folder) and report.")
    @Argument(help: "Input files or folders.") var inputs: [String] = []
}
