import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("bylaw serve, the process")
struct ServeCommandTests {
    @Test("a configuration that cannot be used exits 2 with the reason")
    func badConfiguration() throws {
        let dir = Scratch.root.appendingPathComponent("serve-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("serve.json").path
        try #"{"listen": "127.0.0.1:0", "audt": "x"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let typo = try Run.bylaw(["serve", "--config", file])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("unknown setting `audt`"))
        let missing = try Run.bylaw(["serve", "--config", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the config file"))
        let noRules = try Run.bylaw(["serve", "--rules", dir.path, "--listen", "127.0.0.1:0"])
        #expect(noRules.status == 2)
        // In Chinese, as the rest of the tool speaks: the setting and its bounds, the account and what it lacks.
        let zh = try Run.bylaw(["serve", "--config", file, "--lang", "zh"])
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("`\(file)`：没有名为 `audt` 的设置项"), "\(zh.stderr)")
        try #"{"max_batch": 0}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let range = try Run.bylaw(["serve", "--config", file, "--lang", "zh"])
        #expect(range.status == 2 && range.stderr.contains("max_batch 应在 1 到 100000 之间"), "\(range.stderr)")
        try #"{"accounts": [{"name": "审计员", "roles": ["auditor"]}]}"#.write(
            toFile: file, atomically: true, encoding: .utf8)
        let account = try Run.bylaw(["serve", "--config", file, "--lang", "zh"])
        #expect(account.status == 2 && account.stderr.contains("账户 `审计员` 既没有 token_sha256，也没有 password"))
        try #"{"max_batch": "x", "accounts": []}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let type = try Run.bylaw(["serve", "--config", file, "--lang", "zh"])
        #expect(type.status == 2 && type.stderr.contains("`max_batch` 的值类型不对"), "\(type.stderr)")
        #expect(!type.stderr.contains("expected to decode"))
    }

    @Test("`--lang zh` makes Chinese the language of refusals; a request's Accept-Language still wins")
    func language() async throws {
        let s = try ServeShutdownTests.start(["--lang", "zh"], trail: false)
        defer { if s.process.isRunning { s.process.terminate() } }
        #expect(try await s.logged("listening"))
        let port = try #require(s.port, "\(s.text)")
        // The anonymous account may check, not audit: 403 `auth.forbidden`.
        let chinese = try RawHTTP.exchange(port: port, method: "GET", path: "/v1/audits/x", headers: [:], body: nil)
        #expect(chinese.status == 403, "\(chinese.text)")
        #expect(chinese.text.contains(#""code":"auth.forbidden""#))
        #expect(chinese.text.contains("账户 `anonymous` 无权执行 `audits`，需要 audit-admin 或 auditor 角色"), "\(chinese.text)")
        let english = try RawHTTP.exchange(
            port: port, method: "GET", path: "/v1/audits/x", headers: ["Accept-Language": "en-GB"], body: nil)
        #expect(english.text.contains(#""code":"auth.forbidden""#))
        #expect(
            english.text.contains("account `anonymous` may not audits: it needs the role audit-admin or auditor"),
            "\(english.text)")
    }

    /// A page's upload that trickles in is let go at the service's request deadline (408), as the API's is: a
    /// connection cannot be held open for ever by sending a byte now and then.
    @Test("a trickled web upload is answered 408 at request_timeout_seconds")
    func trickledWebUpload() async throws {
        let s = try ServeShutdownTests.start(trail: false, settings: #""request_timeout_seconds": 1"#)
        defer { if s.process.isRunning { s.process.terminate() } }
        #expect(try await s.logged("listening"))
        let port = try #require(s.port, "\(s.text)")
        let fd = try RawHTTP.connected(port: port, timeoutSeconds: 20)
        defer { close(fd) }
        let head = Array(
            ("POST /ui/signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 4096\r\n\r\nname=wang").utf8)
        let sent = Date()
        _ = head.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let reply = try RawHTTP.parse(RawHTTP.received(fd) { String(decoding: $0, as: UTF8.self).contains("</html>") })
        let waited = Date().timeIntervalSince(sent)
        #expect(reply.status == 408, "\(reply.text.prefix(300))")
        #expect(waited >= 0.9 && waited < 15, "\(waited) s")
    }

    @Test("SIGHUP reloads the rules (a broken library is refused), SIGTERM stops the process with 0")
    func signals() async throws {
        let bin = try #require(Run.binary, "the bylaw binary was not built beside the tests")
        let fm = FileManager.default
        let dir = Scratch.root.appendingPathComponent("serve-signals-\(UUID().uuidString)")
        let rules = dir.appendingPathComponent("rules")
        try fm.createDirectory(at: rules, withIntermediateDirectories: true)
        for name in ["union-funds", "calendars"] {
            try fm.copyItem(atPath: Run.repository + "/rules/" + name, toPath: rules.appendingPathComponent(name).path)
        }
        let log = dir.appendingPathComponent("serve.log")
        #expect(fm.createFile(atPath: log.path, contents: nil))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["serve", "--rules", rules.path, "--listen", "127.0.0.1:0", "--log-level", "notice"]
        p.environment = ProcessInfo.processInfo.environment.merging([
            "BYLAW_AUDIT": dir.appendingPathComponent("t.sqlite").path
        ]) { _, new in new }
        p.standardError = try FileHandle(forWritingTo: log)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        func logged(_ text: String) async throws -> Bool {
            for _ in 0..<600 {
                if String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self).contains(text) {
                    return true
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }
        #expect(try await logged("listening"))
        let file = rules.appendingPathComponent("union-funds/ruleset.yaml")
        let good = try String(contentsOf: file, encoding: .utf8)
        try (good + "\nbroken: [\n").write(to: file, atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        #expect(try await logged("rules not reloaded"))
        try good.write(to: file, atomically: true, encoding: .utf8)
        kill(p.processIdentifier, SIGHUP)
        #expect(try await logged("generation=2"))
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(try await logged("stopped"))
    }
}
