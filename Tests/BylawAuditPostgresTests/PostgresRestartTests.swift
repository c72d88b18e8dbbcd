import BylawAudit
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuditPostgres

/// A PostgreSQL cluster of one test's own (initdb in a temporary folder, a free loopback port), so that
/// restarting it does not disturb the tests running beside it on the shared throwaway server.
final class PrivateCluster: Sendable {
    let directory: URL
    let port: Int
    private let bin: String
    /// `runuser -u bylaw-pg --` as root (initdb refuses root; scripts/with-postgres made the user).
    private let asOwner: [String]

    /// A started cluster, or nil (the test then says it skips; under CI it fails) without PostgreSQL.
    static func start(_ function: String = #function) throws -> PrivateCluster? {
        guard let bin = ProcessInfo.processInfo.environment["BYLAW_TEST_POSTGRES_BIN"] else {
            PostgresTestServer.skip(
                function, because: "BYLAW_TEST_POSTGRES_BIN is not set: run the tests through scripts/with-postgres")
            return nil
        }
        return try PrivateCluster(bin: bin)
    }

    private init(bin: String) throws {
        self.bin = bin
        directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("bylaw-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        asOwner = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "bylaw-pg", "--"] : []
        if getuid() == 0 { try Self.run(["/bin/chown", "bylaw-pg", directory.path]) }
        port = try Self.freePort()
        try Self.run(
            asOwner + [
                bin + "/initdb", "-D", directory.path + "/data", "-U", "bylaw", "--auth=trust", "-E", "UTF8",
                "--locale=C",
            ])
        try pgctl([
            "-o", "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c max_connections=50", "start",
        ])
    }

    deinit {
        try? pgctl(["-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The bootstrap superuser on a new database of this cluster.
    func database() throws -> PostgresLocation {
        let admin = try PostgresLocation("postgres://bylaw@127.0.0.1:\(port)/postgres")
        try PostgresSession(admin, lockWaitMillis: 10_000).execute("CREATE DATABASE trail")
        var location = admin
        location.database = "trail"
        return location
    }

    /// Restarts the server the way an operator would (`pg_ctl restart`, fast: connections are cut).
    func restart() throws { try pgctl(["-m", "fast", "restart"]) }

    func stop() throws { try pgctl(["-m", "fast", "stop"]) }

    func start() throws { try pgctl(["start"]) }

    private func pgctl(_ arguments: [String]) throws {
        try Self.run(
            asOwner + [
                bin + "/pg_ctl", "-D", directory.path + "/data", "-l", directory.path + "/server.log", "-w", "-t", "60",
            ]
                + arguments)
    }

    /// Runs a command to its end with posix_spawn and waitpid (Foundation's `Process` was seen never to notice
    /// the end of `runuser … pg_ctl start`, whose server stays behind as a daemon).
    private static func run(_ command: [String]) throws {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        guard posix_spawn(&pid, command[0], &actions, nil, &argv, environ) == 0 else {
            throw AuditStoreError("cannot start `\(command[0])`")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exited normally with status 0 (the wait status holds the exit code in its second byte).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw AuditStoreError("`\(command.joined(separator: " "))` failed (wait status \(status))")
        }
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw AuditStoreError("no socket for a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw AuditStoreError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// PostgreSQL restarted under a batch audit and under `bylaw serve`: what was answered or reported is in the
/// chain, what was in flight fails closed, and the chain verifies after.
@Suite(.serialized) struct PostgresRestartTests {
    /// Waits until the trail at `db` holds at least `records` records (polling; a fresh connection each time).
    static func waitForRecords(_ db: PostgresLocation, _ records: Int64, within seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let trail = try? PostgresTrail(readingAt: db), let head = try? trail.head(), head.seq >= records {
                return true
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func aRestartDuringABatchAuditFailsClosedAndTheChainVerifies() async throws {
        guard let cluster = try PrivateCluster.start() else { return }
        let db = try cluster.database()
        let url = PostgresCLITests.url(db)
        let dir = Scratch.root.appendingPathComponent("restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let input = dir.appendingPathComponent("disposals.jsonl")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", PostgresCLITests.repository + "/scripts/gen-disposals.py", "60000"]
        #expect(FileManager.default.createFile(atPath: input.path, contents: nil))
        generator.standardOutput = try FileHandle(forWritingTo: input)
        try generator.run()
        generator.waitUntilExit()
        try #require(generator.terminationStatus == 0)
        let report = dir.appendingPathComponent("report.jsonl")
        let audit = try PostgresCLITests.Started([
            "audit", input.path, "--format", "jsonl", "--report", report.path, "--quiet", "--audit", url,
        ])
        // Some transactions are committed, more are to come: then the server restarts under the writer.
        try #require(try await Self.waitForRecords(db, 4_000, within: 300), "the audit recorded nothing")
        try cluster.restart()
        let result = try audit.finish()
        let reported = String(decoding: (try? Data(contentsOf: report)) ?? Data(), as: UTF8.self)
            .split(separator: "\n").count
        let trail = try PostgresTrail(readingAt: db)
        let verified = try trail.verify()
        #expect(verified.ok, "\(String(describing: verified.problem))")
        var all = RecordFilter()
        all.limit = 1_000_000
        let recorded = try trail.list(all).filter { $0.event == "audit" }.count
        if result.status == 2 {
            // Failed closed: it says so, and reported no record that is not in the chain.
            #expect(result.stderr.contains("PostgreSQL"), "\(result.stderr)")
            #expect(reported <= recorded, "reported \(reported), recorded \(recorded)")
            #expect(reported < 60_000)
            // The next batch run finds the interrupted one and marks it in the chain.
            let next = try PostgresTrail(db)
            #expect(try next.beginBatchMarking(actor: "auditor").marked.count == 1)
        } else {
            // It finished before the restart could touch it: then everything is reported and recorded.
            #expect(result.status <= 1, "\(result.stderr)")
            #expect(reported == 60_000 && recorded == 60_000, "reported \(reported), recorded \(recorded)")
        }
    }

    @Test func aRestartUnderServeLoadAnswers503AndResumes() async throws {
        guard let cluster = try PrivateCluster.start() else { return }
        let db = try cluster.database()
        let replica = try PostgresCLITests.Started(
            ["serve", "--config", "examples/serve/serve.json", "--listen", "127.0.0.1:0", "--log-level", "notice"],
            environment: ["BYLAW_AUDIT": PostgresCLITests.url(db)])
        defer { if replica.process.isRunning { replica.process.terminate() } }
        let port = try #require(try await ServeReplicasTests.port(in: replica.err), "the replica did not start")
        let body = try Data(
            contentsOf: URL(fileURLWithPath: PostgresCLITests.repository + "/" + ServeReplicasTests.examples[0]))
        /// One check: its status and, when answered 200, its receipt's sequence number and chain hash.
        @Sendable func check() -> (status: Int, seq: Int64?, chain: String?) {
            guard
                let reply = try? RawHTTP.exchange(
                    port: port, method: "POST", path: "/v1/check",
                    headers: [
                        "Authorization": "Bearer \(ServeReplicasTests.token)", "Content-Type": "application/yaml",
                    ], body: body)
            else { return (0, nil, nil) }
            guard reply.status == 200,
                let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
                let decision = (object["decisions"] as? [[String: Any]])?.first,
                let receipt = decision["receipt"] as? [String: Any], let seq = receipt["seq"] as? Int
            else { return (reply.status, nil, nil) }
            return (reply.status, Int64(seq), receipt["chain_hash"] as? String)
        }
        let restarted = ManagedFlag()
        let collected = AnswerBox()
        // Threads of their own, not tasks: four clients blocked in socket reads would take every thread of the
        // cooperative pool on a small machine, and the restart would wait behind them until they gave up.
        let done = DispatchGroup()
        for _ in 0..<4 {
            done.enter()
            Thread.detachNewThread {
                var mine: [(status: Int, seq: Int64?, chain: String?)] = []
                var afterRestart = 0
                // Until ten checks have been answered after the restart (or two minutes).
                let deadline = Date().addingTimeInterval(120)
                while afterRestart < 10, Date() < deadline {
                    let after = restarted.isSet
                    let answer = check()
                    mine.append(answer)
                    if after, answer.status == 200 { afterRestart += 1 }
                }
                collected.add(afterRestart > 0 ? mine + [(status: -1, seq: nil, chain: nil)] : mine)
                done.leave()
            }
        }
        try await Task.sleep(for: .seconds(2))
        try cluster.restart()
        restarted.set()
        await withCheckedContinuation { continuation in
            done.notify(queue: .global()) { continuation.resume() }
        }
        let answers = collected.all
        replica.process.terminate()
        replica.process.waitUntilExit()
        // Every answer is a verdict with a receipt or a 503 (fail closed); nothing else.
        // Appends resumed once the server was back: each client was answered with a verdict after the restart
        // (counted when it was sent after it), marked by a -1 entry.
        #expect(answers.filter { $0.status == -1 }.count == 4, "appends did not resume after the restart")
        let statuses = Set(answers.filter { $0.status != -1 }.map(\.status))
        #expect(statuses.isSubset(of: [200, 503]), "\(statuses)")
        #expect(answers.contains { $0.status == 200 })
        let answered = answers.filter { $0.status == 200 }
        #expect(answered.allSatisfy { $0.seq != nil }, "a verdict without a receipt")
        // Nothing answered is missing: each receipt names a record of the chain, with its chain hash.
        let trail = try PostgresTrail(readingAt: db)
        for answer in answered {
            guard let seq = answer.seq else { continue }
            let receipt = try trail.receipt(seq: seq)
            #expect(receipt != nil, "record \(seq) was answered and is not in the trail")
            if let chain = answer.chain { #expect(receipt?.chainHash == chain, "record \(seq)") }
        }
        #expect(Set(answered.compactMap(\.seq)).count == answered.count, "two answers share a record")
        let verified = try trail.verify()
        #expect(verified.ok, "\(String(describing: verified.problem))")
        #expect(verified.records >= Int64(answered.count))
    }
}

/// The answers of the client threads, gathered.
final class AnswerBox: @unchecked Sendable {
    // INVARIANT: `answers` is read and written only under `lock`.
    private let lock = NSLock()
    private var answers: [(status: Int, seq: Int64?, chain: String?)] = []
    var all: [(status: Int, seq: Int64?, chain: String?)] { lock.withLock { answers } }
    func add(_ more: [(status: Int, seq: Int64?, chain: String?)]) { lock.withLock { answers += more } }
}

/// A flag set once by one task and read by others.
final class ManagedFlag: @unchecked Sendable {
    // INVARIANT: `value` is read and written only under `lock`.
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
