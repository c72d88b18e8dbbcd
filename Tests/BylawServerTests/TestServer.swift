import BylawAudit
import BylawServer
import BylawTestSupport
import Foundation
import Hummingbird
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The real server on a free loopback port, called over HTTP.
struct TestServer {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let rules = repository.appendingPathComponent("rules").path

    /// Tokens of the test accounts, one per role, and one with every role.
    static let tokens: [String: String] = [
        "checker": "tok-checker-0123456789", "auditor": "tok-auditor-0123456789", "author": "tok-author-0123456789",
        "audit-admin": "tok-admin-0123456789",
    ]

    static func configuration(rules: String = TestServer.rules, audit: String?) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.rules = rules
        c.listen = "127.0.0.1:0"
        c.audit = audit
        c.accounts =
            tokens.map { role, token in
                Account(name: "svc-\(role)", roles: Role(rawValue: role).map { [$0] } ?? [], token: token)
            } + [Account(name: "alice", roles: [.checker], password: "s3cret pass", salt: "NaCl")]
        return c
    }

    /// A rules folder of its own, in the scratch folder, holding copies of the named folders of the library.
    static func copyOfRules(_ names: [String] = ["union-funds", "calendars"]) throws -> URL {
        let root = Scratch.root.appendingPathComponent("rules-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        for name in names {
            try fm.copyItem(
                at: repository.appendingPathComponent("rules/\(name)"), to: root.appendingPathComponent(name))
        }
        return root
    }

    /// A fresh SQLite trail in the scratch folder.
    static func freshStore() -> String {
        let dir = Scratch.root.appendingPathComponent("serve-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("trail.sqlite").path
    }

    let service: BylawService
    let port: Int

    /// Starts the server, runs `body` against it, stops it.
    static func with<T>(
        _ configuration: ServerConfiguration, trail: (any AuditTrail)? = nil,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "bylaw.serve.test")
        logger.logLevel = .critical
        let service = try BylawService(configuration: configuration, trail: trail, logger: logger)
        let bound = Mutex<Int?>(nil)
        let app = try service.application(onServerRunning: { channel in
            bound.withLock { $0 = channel.localAddress?.port }
        })
        let task = Task(executorPreference: ServerExecutor.shared) { try await app.run() }
        defer { task.cancel() }
        var port: Int?
        for _ in 0..<500 {
            port = bound.withLock { $0 }
            if port != nil { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard let port else { throw TestFailure("the server did not start") }
        let result = try await body(TestServer(service: service, port: port))
        task.cancel()
        _ = await task.result
        return result
    }

    typealias Reply = HTTPReply

    /// One request; `as role` signs in with that role's token. Sent over a plain socket rather than URLSession,
    /// which on Linux stalls on a 401 that offers authentication schemes.
    func call(
        _ method: String, _ path: String, body: Data? = nil, as role: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var fields = headers
        if let role, let token = Self.tokens[role] { fields["Authorization"] = "Bearer \(token)" }
        let port = port
        let sent = fields
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try RawHTTP.exchange(port: port, method: method, path: path, headers: sent, body: body)
                    })
            }
        }
    }

    func call(_ method: String, _ path: String, text: String, as role: String? = nil, contentType: String)
        async throws -> Reply
    {
        try await call(method, path, body: Data(text.utf8), as: role, headers: ["Content-Type": contentType])
    }

    static func example(_ path: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("rules").appendingPathComponent(path))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// A trail that cannot be written: every append fails, as a full disk or a lost database would.
final class FailingTrail: AuditTrail, @unchecked Sendable {
    func append(_ drafts: [RecordDraft], actor: String, at time: Date?, batchSize: Int) throws(AuditStoreError)
        -> [Int64]
    {
        throw AuditStoreError(.full, "the disk is full")
    }
    func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? { nil }
    func beginBatch(actor: String) throws(AuditStoreError) -> Int64 { throw AuditStoreError(.full, "the disk is full") }
    func endBatch(_ run: Int64) throws(AuditStoreError) {}
    func signCheckpointIfConfigured() throws(AuditStoreError) {}
}

extension HTTPReply {
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
}
