import ArgumentParser

struct DocCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "doc", abstract: "Write a readable rule book for reviewers.")
}
