import BylawAudit
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuditPostgres

/// Two `bylaw serve` replicas on one PostgreSQL trail: every check either answers is in one unbroken chain.
@Suite struct ServeReplicasTests {
    /// The sample configuration's checker token (`examples/serve/serve.json`).
    static let token = "a-long-random-token"
    static let examples = [
        "rules/asset-management/examples/compliant-vehicle-auction.yaml",
        "rules/cadre-selection/examples/non-compliant-2025-skip-single-signature.yaml",
    ]

    /// The port a replica logged on its `listening` line, once it has.
    static func port(in log: URL) async throws -> Int? {
        for _ in 0..<600 {
            let text = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains("listening") }),
                let range = line.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression)
            {
                return Int(line[range].split(separator: ":").last ?? "")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// An auditor's token for the log routes, in the test's own configuration, and its SHA-256.
    static let auditorToken = "an-auditor-token-for-the-replicas-test"
    static let auditorTokenHash = "6ef771d49c14a71cfc938daf394666f7c25e2a1a7257d39a9708cb53a86731a8"

    /// The sample configuration's rules and checker, with an auditor added (its token stored as SHA-256).
    static func configuration() throws -> String {
        let text = """
            {"rules": "\(PostgresCLITests.repository)/rules", "listen": "127.0.0.1:0",
             "accounts": [
               {"name": "hr-system", "roles": ["checker"],
                "token_sha256": "b780ec04f0ac941421b556e74f31ff207f799c4ad119ea0178a81054b373b34b"},
               {"name": "auditor", "roles": ["auditor"], "token_sha256": "\(auditorTokenHash)"}]}
            """
        let path = Scratch.root.appendingPathComponent("replicas-\(UUID().uuidString).json")
        try text.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func twoReplicasAppendToOneChain() async throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = PostgresCLITests.url(db)
        var replicas: [PostgresCLITests.Started] = []
        defer { for r in replicas where r.process.isRunning { r.process.terminate() } }
        var ports: [Int] = []
        let config = try Self.configuration()
        for _ in 0..<2 {
            let r = try PostgresCLITests.Started(
                ["serve", "--config", config, "--listen", "127.0.0.1:0", "--log-level", "notice"],
                environment: ["BYLAW_AUDIT": url])
            replicas.append(r)
            ports.append(try #require(try await Self.port(in: r.err), "a replica did not start"))
        }
        let bodies = try Self.examples.map {
            try Data(contentsOf: URL(fileURLWithPath: PostgresCLITests.repository + "/" + $0))
        }
        let rounds = 10
        let seqs = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for k in 0..<(rounds * 2 * bodies.count) {
                let port = ports[k % 2]
                let body = bodies[(k / 2) % bodies.count]
                group.addTask {
                    let reply = try RawHTTP.exchange(
                        port: port, method: "POST", path: "/v1/check",
                        headers: ["Authorization": "Bearer \(Self.token)", "Content-Type": "application/yaml"],
                        body: body)
                    guard reply.status == 200,
                        let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
                        let decision = (object["decisions"] as? [[String: Any]])?.first,
                        let receipt = decision["receipt"] as? [String: Any],
                        let seq = receipt["seq"] as? Int
                    else { return nil }
                    return Int64(seq)
                }
            }
            var all: [Int64?] = []
            for try await s in group { all.append(s) }
            return all
        }
        // Either replica reads the whole chain back, through its kept reading connections (several requests, so
        // a connection given back is lent again), and checks a receipt the other replica gave.
        let trail = try PostgresTrail(readingAt: db)
        let receipt = try #require(try trail.receipt(seq: 1)).text
        for (k, port) in (ports + ports).enumerated() {
            let reply = try RawHTTP.exchange(
                port: port, method: "POST", path: "/v1/log/verify",
                headers: ["Authorization": "Bearer \(Self.auditorToken)", "Content-Type": "application/json"],
                body: Data(#"{"receipt": "\#(receipt)"}"#.utf8))
            #expect(reply.status == 200, "request \(k)")
            let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
            #expect(object?["ok"] as? Bool == true, "request \(k): \(String(decoding: reply.body, as: UTF8.self))")
            #expect(object?["records"] as? Int == seqs.count)
        }
        let wrong = try RawHTTP.exchange(
            port: ports[0], method: "POST", path: "/v1/log/verify",
            headers: ["Authorization": "Bearer \(Self.auditorToken)", "Content-Type": "application/json"],
            body: Data(
                #"{"receipt": "1:\#(String(repeating: "0", count: 64)):\#(String(repeating: "0", count: 64))"}"#.utf8))
        #expect(wrong.status == 200)
        let refuted = try JSONSerialization.jsonObject(with: wrong.body) as? [String: Any]
        #expect(refuted?["ok"] as? Bool == false)
        for r in replicas { r.process.terminate() }
        for r in replicas { r.process.waitUntilExit() }
        // Every answer carries a receipt, and the receipts are the sequence numbers 1…n, each once.
        #expect(seqs.allSatisfy { $0 != nil }, "some checks got no receipt")
        #expect(Set(seqs.compactMap { $0 }) == Set(1...Int64(seqs.count)))
        #expect(try trail.head().seq == Int64(seqs.count))
        let report = try trail.verify()
        #expect(report.records == Int64(seqs.count))
    }
}
