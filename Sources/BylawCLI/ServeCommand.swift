import ArgumentParser
import Bylaw
import BylawAudit
import BylawLocale
import BylawServer
import BylawWebHost
import Dispatch
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve", abstract: Language.current.help("help.serve.abstract"),
            discussion: Language.current.help("help.serve.discussion"))
    }

    @Option(name: .customLong("rules"), help: ArgumentHelp(Language.current.help("help.rules"), valueName: "dir"))
    var rules: String?

    @Option(help: ArgumentHelp(Language.current.help("help.serve.listen"), valueName: "host:port"))
    var listen: String?

    @Option(help: ArgumentHelp(Language.current.help("help.serve.config"), valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp(Language.current.help("help.serve.log-level"), valueName: "level"))
    var logLevel: String = "info"

    func run() throws {
        // A SIGHUP while the library loads must not end the process: it is held, and handled once serving.
        ServiceRunner.holdHangups()
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("`\(logLevel)` is not a log level")
        }
        let configuration = try resolvedConfiguration()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        Logger(label: "bylaw.serve").notice("starting", metadata: ["rules": "\(configuration.rules)"])
        let service: BylawService
        do {
            if let postgres = try ServePostgres.trail(configuration.audit) {
                service = try BylawService(
                    configuration: configuration, trail: postgres.trail, openLog: postgres.openLog)
            } else {
                service = try BylawService(configuration: configuration)
            }
        } catch let e as AuditStoreError {
            printError("bylaw: serve: " + Language.current.text("op.trail-error", e.text(in: .current)))
            throw Exit.invalid
        } catch let e as LibraryLoadError {
            printDiagnostics(e.diagnostics)
            throw Exit.invalid
        } catch let e as ConfigurationError {
            printError("bylaw: serve: " + e.text(in: .current))
            throw Exit.invalid
        } catch {
            printError("bylaw: serve: \(error)")
            throw Exit.invalid
        }
        try ServiceRunner.run(service, extraRoutes: ServicePages.routes())
    }

    /// Defaults (the language from the locale), then the file, then the environment, then the flags.
    func resolvedConfiguration() throws -> ServerConfiguration {
        var c = ServerConfiguration()
        let env = ProcessInfo.processInfo.environment
        c.language = Language.locale(env)
        do {
            if let file = config ?? env["BYLAW_SERVE_CONFIG"] {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ConfigurationError("unreadable-config", file)
                }
                try c.apply(file: data, name: file)
            }
            try c.apply(environment: env)
            if let rules { c.rules = rules }
            if let listen { c.listen = listen }
            if let flag = LanguageArgument.flag { c.language = flag }
            try c.validate()
        } catch let e as ConfigurationError {
            printError("bylaw: serve: " + e.text(in: .current))
            throw Exit.invalid
        }
        return c
    }
}
