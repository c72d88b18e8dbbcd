import ArgumentParser

struct NewCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Scaffold a new rule set.")
    @Argument(help: "The rule set's name.") var name: String?
}
