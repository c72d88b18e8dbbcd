import ArgumentParser
import Bylaw
import BylawServer
import BylawWebHost
import Dispatch
import Foundation
import Logging

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve check, explain, lint, test, rule books and the audit trail over HTTP.",
        discussion: """
            JSON over HTTP/1.1; the API is described by the OpenAPI document at /openapi.json (also \
            docs/openapi.json) and in docs/serve.md. Every check is recorded in the audit trail before it is \
            answered; when the trail cannot be written the answer is 503 with no verdict.

            CONFIGURATION
              Flags win over environment variables, which win over the config file (--config FILE or
              $BYLAW_SERVE_CONFIG, JSON), which wins over the defaults. Environment: BYLAW_RULES,
              BYLAW_SERVE_LISTEN, BYLAW_AUDIT, BYLAW_AUDIT_KEY_FILE. Accounts and roles come from the
              config file only; without an account or `anonymous`, every API request is refused.

            SIGNALS
              SIGHUP   reload the rules: the new library is put in force at once if it loads, else its
                       diagnostics are logged and the old one keeps serving
              SIGTERM, SIGINT  stop accepting connections, finish the requests in flight, exit

            EXAMPLES
              bylaw serve --config /etc/bylaw/serve.json
              bylaw serve --rules rules --listen 127.0.0.1:8080 --config serve.json

            EXIT CODES
              0  the service stopped after SIGTERM or SIGINT
              2  the configuration, the rules or the audit store cannot be used
            """)

    @Option(name: .customLong("rules"), help: ArgumentHelp("The rule library folder.", valueName: "dir"))
    var rules: String?

    @Option(help: ArgumentHelp("Where to listen (port 0: any free port).", valueName: "host:port"))
    var listen: String?

    @Option(help: ArgumentHelp("The configuration file (JSON).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error.", valueName: "level"))
    var logLevel: String = "info"

    func run() throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("`\(logLevel)` is not a log level")
        }
        let configuration = try resolvedConfiguration()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let service: BylawService
        do {
            service = try BylawService(configuration: configuration)
        } catch let e as LibraryLoadError {
            printDiagnostics(e.diagnostics)
            throw Exit.invalid
        } catch let e as ConfigurationError {
            printError("bylaw: serve: \(e.message)")
            throw Exit.invalid
        } catch {
            printError("bylaw: serve: \(error)")
            throw Exit.invalid
        }
        try ServiceRunner.run(service, extraRoutes: ServicePages.routes())
    }

    /// Defaults, then the file, then the environment, then the flags.
    func resolvedConfiguration() throws -> ServerConfiguration {
        var c = ServerConfiguration()
        let env = ProcessInfo.processInfo.environment
        do {
            if let file = config ?? env["BYLAW_SERVE_CONFIG"] {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ConfigurationError("cannot read the config file `\(file)`")
                }
                try c.apply(file: data, name: file)
            }
            try c.apply(environment: env)
            if let rules { c.rules = rules }
            if let listen { c.listen = listen }
            try c.validate()
        } catch let e as ConfigurationError {
            printError("bylaw: serve: \(e.message)")
            throw Exit.invalid
        }
        return c
    }
}
