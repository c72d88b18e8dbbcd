import ArgumentParser

struct TestCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the test cases of rule sets.")
    @Argument(help: "Rule-set folders.") var paths: [String] = []
}
