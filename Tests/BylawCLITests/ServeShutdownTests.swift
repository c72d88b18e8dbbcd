import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `bylaw serve` as a process: signals at awkward moments.
@Suite("bylaw serve, signals while starting and while busy")
struct ServeShutdownTests {
    /// The process, its log, and a way to wait for a line in it.
    struct Served {
        let process: Process
        let log: URL
        let dir: URL

        var text: String { String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self) }

        func logged(_ line: String) async throws -> Bool {
            for _ in 0..<1200 {
                if text.contains(line) { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }

        /// The port from the `listening` line (`address=[IPv4]127.0.0.1/127.0.0.1:PORT`).
        var port: Int? {
            guard let line = text.split(separator: "\n").first(where: { $0.contains("listening") }),
                let range = line.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression)
            else { return nil }
            return Int(line[range].split(separator: ":").last ?? "")
        }
    }

    /// - Parameter settings: more members of the config file, written as JSON members (`"a": 1, "b": 2`).
    static func start(
        _ arguments: [String] = [], trail: Bool, anonymous: [String] = ["checker"], settings: String = ""
    ) throws -> Served {
        let bin = try #require(Run.binary, "the bylaw binary was not built beside the tests")
        let dir = Scratch.root.appendingPathComponent("serve-shutdown-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let log = dir.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments =
            ["serve", "--rules", Run.repository + "/rules", "--listen", "127.0.0.1:0", "--log-level", "notice"]
            + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["BYLAW_AUDIT"] = trail ? dir.appendingPathComponent("trail.sqlite").path : nil
        environment["BYLAW_SERVE_CONFIG"] = nil
        let config = dir.appendingPathComponent("serve.json")
        let roles = anonymous.map { "\"\($0)\"" }.joined(separator: ", ")
        let more = settings.isEmpty ? "" : ", " + settings
        try #"{"anonymous": {"roles": [\#(roles)]}, "watch_rules": false\#(more)}"#.write(
            to: config, atomically: true, encoding: .utf8)
        p.arguments? += ["--config", config.path]
        p.environment = environment
        p.standardError = try FileHandle(forWritingTo: log)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return Served(process: p, log: log, dir: dir)
    }

    @Test("a SIGHUP while the library loads does not end the process; the rules are reloaded once it serves")
    func hangupWhileStarting() async throws {
        let s = try Self.start(trail: false)
        defer { if s.process.isRunning { s.process.terminate() } }
        #expect(try await s.logged("starting"))
        kill(s.process.processIdentifier, SIGHUP)
        #expect(try await s.logged("listening"), "\(s.text)")
        #expect(s.process.isRunning)
        #expect(try await s.logged("generation=2"), "the hangup held during the start was not handled")
        kill(s.process.processIdentifier, SIGTERM)
        s.process.waitUntilExit()
        #expect(s.process.terminationStatus == 0)
    }

    /// The sequence numbers of the checks answered 200, gathered from the client threads as they come.
    final class Answered: @unchecked Sendable {
        // INVARIANT: `seqs` is read and written only under `lock`.
        private let lock = NSLock()
        private var seqs: [Int] = []
        func add(_ seq: Int) { lock.withLock { seqs.append(seq) } }
        var all: [Int] { lock.withLock { seqs } }
    }

    /// Sends checks one after another until the server stops answering (or 30 s), noting the receipt's sequence
    /// number of each check answered 200.
    static func checkUntilRefused(port: Int, body: Data, into answered: Answered) {
        let stop = Date().addingTimeInterval(30)
        while Date() < stop {
            guard
                let r = try? RawHTTP.exchange(
                    port: port, method: "POST", path: "/v1/check", headers: ["Content-Type": "application/yaml"],
                    body: body)
            else { break }
            guard r.status == 200 else { continue }
            let text = r.text
            if let range = text.range(of: #""seq":[0-9]+"#, options: .regularExpression),
                let seq = Int(text[range].dropFirst(6))
            {
                answered.add(seq)
            }
        }
    }

    @Test("SIGTERM with checks in flight: every check answered 200 is in the trail, and the process exits 0")
    func shutdownWithRequestsInFlight() async throws {
        let s = try Self.start(trail: true)
        defer { if s.process.isRunning { s.process.terminate() } }
        #expect(try await s.logged("listening"))
        let port = try #require(s.port, "\(s.text)")
        let decision = try Data(
            contentsOf: URL(
                fileURLWithPath: Run.repository + "/rules/asset-management/examples/compliant-vehicle-auction.yaml"))
        // Eight clients on threads of their own, each checking until the server stops answering. The signal
        // goes once checks are being answered; the waits block this thread rather than sleep on the cooperative
        // pool, which other tests may hold for seconds.
        let answered = Answered()
        let clients = DispatchGroup()
        for _ in 0..<8 {
            clients.enter()
            Thread.detachNewThread {
                Self.checkUntilRefused(port: port, body: decision, into: answered)
                clients.leave()
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while answered.all.count < 20, Date() < deadline { usleep(10_000) }
        kill(s.process.processIdentifier, SIGTERM)
        clients.wait()
        let seqs = answered.all
        s.process.waitUntilExit()
        #expect(s.process.terminationStatus == 0, "\(s.text)")
        #expect(!seqs.isEmpty)
        let listed = try Run.bylaw([
            "log", "list", "--audit", s.dir.appendingPathComponent("trail.sqlite").path, "--format", "json",
            "--limit", "1000000",
        ])
        #expect(listed.status == 0, "\(listed.stderr)")
        var recorded = Set<Int>()
        var rest = Substring(listed.stdout)
        while let range = rest.range(of: #""seq":[0-9]+"#, options: .regularExpression) {
            if let seq = Int(rest[range].dropFirst(6)) { recorded.insert(seq) }
            rest = rest[range.upperBound...]
        }
        let missing = Set(seqs).subtracting(recorded)
        #expect(missing.isEmpty, "answered but not in the trail: \(missing.sorted().prefix(5))")
    }

    @Test("SIGTERM with a batch audit running: the run ends in the trail as cancelled, the trail verifies, exit 0")
    func shutdownWithAnAuditRunning() async throws {
        let s = try Self.start(trail: true, anonymous: ["auditor"])
        defer { if s.process.isRunning { s.process.terminate() } }
        #expect(try await s.logged("listening"))
        let port = try #require(s.port, "\(s.text)")
        let decision = try String(
            contentsOfFile: Run.repository + "/rules/asset-management/examples/compliant-vehicle-auction.yaml",
            encoding: .utf8)
        let stream = Data(String(repeating: "---\n" + decision + "\n", count: 15_000).utf8)
        let started = try RawHTTP.exchange(
            port: port, method: "POST", path: "/v1/audits?kind=asset_disposal",
            headers: ["Content-Type": "application/yaml"], body: stream)
        #expect(started.status == 202, "\(started.text)")
        let id = try #require(
            started.text.range(of: #"[0-9a-f]{24}"#, options: .regularExpression).map { String(started.text[$0]) })
        // SIGTERM once the run has judged some records and is still going.
        var judged = false
        for _ in 0..<1200 where !judged {
            let r = try RawHTTP.exchange(port: port, method: "GET", path: "/v1/audits/\(id)", headers: [:], body: nil)
            #expect(r.text.contains(#""state":"running""#), "the run ended before the signal: \(r.text)")
            judged = !r.text.contains(#""records_judged":0,"#)
            // A blocking pause: waking from `Task.sleep` needs the test process's cooperative pool, which other
            // tests may hold for seconds while the server goes on judging.
            if !judged { usleep(20_000) }
        }
        kill(s.process.processIdentifier, SIGTERM)
        s.process.waitUntilExit()
        #expect(s.process.terminationStatus == 0, "\(s.text)")
        #expect(s.text.contains("batch audits stopped"), "\(s.text)")
        let trail = s.dir.appendingPathComponent("trail.sqlite").path
        let verified = try Run.bylaw(["log", "verify", "--audit", trail])
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
        let last = try Run.bylaw(["log", "list", "--audit", trail, "--format", "json", "--limit", "1"])
        #expect(last.stdout.contains(#""event":"audit-cancelled""#), "\(last.stdout)")
    }
}
