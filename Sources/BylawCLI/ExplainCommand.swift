import ArgumentParser

struct ExplainCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show why each rule passed or failed, value by value.")
    @Argument(help: "A decision file.") var decision: String?
}
