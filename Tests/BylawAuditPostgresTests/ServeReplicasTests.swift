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

    @Test func twoReplicasAppendToOneChain() async throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = PostgresCLITests.url(db)
        var replicas: [PostgresCLITests.Started] = []
        defer { for r in replicas where r.process.isRunning { r.process.terminate() } }
        var ports: [Int] = []
        for _ in 0..<2 {
            let r = try PostgresCLITests.Started(
                [
                    "serve", "--config", "examples/serve/serve.json", "--listen", "127.0.0.1:0", "--log-level",
                    "notice",
                ], environment: ["BYLAW_AUDIT": url])
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
        for r in replicas { r.process.terminate() }
        for r in replicas { r.process.waitUntilExit() }
        // Every answer carries a receipt, and the receipts are the sequence numbers 1…n, each once.
        #expect(seqs.allSatisfy { $0 != nil }, "some checks got no receipt")
        #expect(Set(seqs.compactMap { $0 }) == Set(1...Int64(seqs.count)))
        let trail = try PostgresTrail(readingAt: db)
        #expect(try trail.head().seq == Int64(seqs.count))
        let report = try trail.verify()
        #expect(report.records == Int64(seqs.count))
    }
}
