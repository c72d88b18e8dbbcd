import ArgumentParser

struct SchemaCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print JSON Schemas for rule sets, tests and decisions.")
}
