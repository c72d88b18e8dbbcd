import ArgumentParser

struct EvalCommand: NotYetAvailable {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Evaluate one CEL expression.")
    @Argument(help: "The expression.") var expression: String?
}
