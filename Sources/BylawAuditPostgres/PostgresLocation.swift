import BylawAudit
import Foundation
import PostgresNIO

/// Where a PostgreSQL trail lives: `postgres://user[:password]@host[:port]/database[?sslmode=…]`, as
/// `--audit` or `$BYLAW_AUDIT` name it. The password, when not in the URL, comes from `$PGPASSWORD`; the
/// location is shown without it.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// `sslmode=require` or `verify-full`: TLS, with the server's certificate verified; `disable` (the
    /// default): none.
    public var tls: Bool

    /// Whether an audit location names a PostgreSQL trail rather than a SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses a location, or says what is wrong with it (`.refused`).
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(AuditStoreError)
    {
        func bad(_ why: String) -> AuditStoreError {
            AuditStoreError(.refused, id: "store.pg.bad-location", Self.redacted(text), why)
        }
        guard Self.isPostgres(text), let url = URLComponents(string: text) else {
            throw bad("write postgres://user@host:port/database")
        }
        guard let host = url.host, !host.isEmpty else { throw bad("it names no host") }
        guard let user = url.user, !user.isEmpty else { throw bad("it names no user") }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw bad("it names no database") }
        if let port = url.port, !(1...65535).contains(port) { throw bad("the port is out of range") }
        var tls = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"): tls = false
            case ("sslmode", "require"), ("sslmode", "verify-full"): tls = true
            case ("sslmode", let mode): throw bad("sslmode `\(mode)` is not one of disable, require, verify-full")
            case (let name, _): throw bad("the parameter `\(name)` is not known")
            }
        }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.password = url.password ?? environment["PGPASSWORD"]
        self.database = database
        self.tls = tls
    }

    /// The location without its password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// A location as the user wrote it, with any password replaced.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? "postgres://…"
    }

    func configuration() throws(AuditStoreError) -> PostgresConnection.Configuration {
        var tlsMode = PostgresConnection.Configuration.TLS.disable
        if tls {
            do {
                tlsMode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            } catch {
                throw AuditStoreError(.other, id: "store.pg.tls", "\(self)", "\(error)")
            }
        }
        var config = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tlsMode)
        config.options.connectTimeout = .seconds(10)
        config.options.additionalStartupParameters = [("application_name", "bylaw")]
        return config
    }
}
