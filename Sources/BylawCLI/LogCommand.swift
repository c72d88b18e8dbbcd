import ArgumentParser

struct LogCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List, show, export and verify the audit trail.")
}
