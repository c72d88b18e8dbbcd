import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The audit trail as `bylaw check` and `bylaw log` use it: recorded before the verdict, fail-closed,
/// one unbroken chain under concurrent writers, a whole prefix after a crash, sensitive values masked.
@Suite(.serialized) struct AuditTrailTests {
    let rules = Run.fixtures + "/rules"

    func temp() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-trail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// `n` decision files, the fixture with distinct ids, in `dir`.
    func decisions(_ n: Int, in dir: String, prefix: String = "AD") throws -> [String] {
        let base = try String(contentsOfFile: Run.fixtures + "/ok.yaml", encoding: .utf8)
        return try (1...n).map { i in
            let path = dir + "/\(prefix)-\(String(format: "%05d", i)).yaml"
            try base.replacingOccurrences(of: "id: AD-2017-001", with: "id: \(prefix)-\(i)").write(
                toFile: path, atomically: false, encoding: .utf8)
            return path
        }
    }

    @Test func checkRecordsThenLogShowsAndVerifies() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        let r = try Run.bylaw(["check", "--rules", rules, "--audit", store, "--actor", "张三", Run.fixtures + "/ok.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try Run.bylaw(["log", "list", "--audit", store, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["actor"] as? String == "张三")
        #expect(rows.first?["id"] as? String == "AD-2017-001")
        #expect(rows.first?["verdict"] as? String == "compliant")
        let show = try Run.bylaw(["log", "show", "--audit", store, "1"])
        #expect(show.stdout.contains("\"rule_sets\":[{\"file\":"))
        #expect(show.stdout.contains("\"sha256_raw\":"))
        let head = try Run.bylaw(["log", "head", "--audit", store])
        #expect(head.stdout.hasPrefix("1:"))
        let verify = try Run.bylaw([
            "log", "verify", "--audit", store, "--expect-head",
            head.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
        ])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("✓ 1 records verified"))
        let misspelt = try Run.bylaw(["log", "list", "--audit", store, "--verdict", "noncompliant"])
        #expect(
            misspelt.status == 2 && misspelt.stderr.contains("`noncompliant` is not a verdict"), "\(misspelt.stderr)")
        let export = try Run.bylaw(["log", "export", "--audit", store])
        #expect(export.stdout.split(separator: "\n").count == 1)
    }

    @Test func noAuditWritesNothing() throws {
        let dir = try temp()
        let r = try Run.bylaw([
            "check", "--rules", rules, "--no-audit", "--audit", dir + "/t.sqlite", Run.fixtures + "/ok.yaml",
        ])
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.sqlite"))
    }

    @Test func readOnlyStoreFailsClosed() throws {
        let dir = try temp()
        let store = dir + "/ro.sqlite"
        _ = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        _ = try Run.bylaw(["log", "verify", "--audit", store])
        chmod(store, 0o444)
        chmod(dir, 0o555)
        defer {
            chmod(dir, 0o755)
            chmod(store, 0o644)
        }
        if getuid() == 0 {
            // root ignores file modes; make the store unopenable instead.
            chmod(dir, 0o755)
            try FileManager.default.removeItem(atPath: store)
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        }
        let r = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty, "no verdict is reported when it cannot be recorded")
        #expect(r.stderr.contains("audit trail: cannot record"))
        #expect(r.stderr.contains("no verdict is reported"))
    }

    @Test func twoWritersNeverForkTheChain() throws {
        let dir = try temp()
        let store = dir + "/c.sqlite"
        let a = try decisions(300, in: dir, prefix: "A")
        let b = try decisions(300, in: dir, prefix: "B")
        let bin = try #require(Run.binary)
        func start(_ files: [String]) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["check", "--quiet", "--rules", rules, "--audit", store] + files
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        // Many small invocations from two processes at once.
        var procs: [Process] = []
        for i in stride(from: 0, to: 300, by: 30) {
            procs.append(try start(Array(a[i..<i + 30])))
            procs.append(try start(Array(b[i..<i + 30])))
        }
        for p in procs { p.waitUntilExit() }
        #expect(procs.allSatisfy { $0.terminationStatus == 0 })
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.hasPrefix("✓ 600 records verified"))
    }

    /// A kept head that is not a whole hash (abbreviated as a page prints it, mistyped) is a usage error, not a
    /// rewritten chain: the store is not accused on the strength of a typo.
    @Test(arguments: [
        "1:abc", "1:18bd98b1…", "1:" + String(repeating: "g", count: 64), "x:" + String(repeating: "0", count: 64),
        "1:" + String(repeating: "0", count: 63),
    ])
    func aMalformedKeptHeadIsAUsageError(head: String) throws {
        let dir = try temp()
        let store = dir + "/head.sqlite"
        let files = try decisions(1, in: dir)
        #expect(try Run.bylaw(["check", "--rules", Run.fixtures + "/rules", "--audit", store] + files).status == 0)
        let verify = try Run.bylaw(["log", "verify", "--audit", store, "--expect-head", head, "--lang", "zh"])
        #expect(verify.status == 2, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stderr.contains("--expect-head 的格式为 SEQ:HASH"), "\(verify.stderr)")
        #expect(!verify.stdout.contains("断裂"), "\(verify.stdout)")
    }

    /// A broken verification says why in the reader's language: the reason, not only the frame around it.
    @Test func aBrokenVerificationSaysWhyInChinese() throws {
        let dir = try temp()
        let store = dir + "/zh.sqlite"
        let files = try decisions(2, in: dir)
        #expect(try Run.bylaw(["check", "--rules", Run.fixtures + "/rules", "--audit", store] + files).status == 0)
        let zero = String(repeating: "0", count: 64)
        let head = try Run.bylaw(["log", "verify", "--audit", store, "--expect-head", "5:\(zero)", "--lang", "zh"])
        #expect(head.status == 1)
        #expect(head.stdout.contains("审计库止于第 2 条，而另存的链头为第 5 条：有记录被删除"), "\(head.stdout)")
        let receipt = try Run.bylaw(
            ["log", "verify", "--audit", store, "--receipt", "9:\(zero):\(zero)", "--lang", "zh"])
        #expect(receipt.status == 1)
        #expect(receipt.stdout.contains("已核验的链止于第 2 条，其中没有第 9 条记录"), "\(receipt.stdout)")
    }

    @Test(arguments: [0.35, 0.7, 1.1])
    func killedMidBatchLeavesAWholePrefix(after seconds: Double) throws {
        let dir = try temp()
        let store = dir + "/k.sqlite"
        let files = try decisions(4000, in: dir)
        let bin = try #require(Run.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["check", "--quiet", "--rules", rules, "--audit", store] + files
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: seconds)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        guard FileManager.default.fileExists(atPath: store) else { return }  // killed before the store was created
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let list = try Run.bylaw(["log", "list", "--audit", store, "--limit", "5000", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count % 1000 == 0, "records are written in transactions of 1000: \(rows.count)")
        let ids = rows.reversed().compactMap { $0["id"] as? String }
        #expect(ids == (0..<rows.count).map { "AD-\($0 + 1)" }, "the records are a prefix of the batch, in order")
    }

    @Test func sensitiveValuesNeverReachTheDatabaseFile() throws {
        let dir = try temp()
        // A rule set that declares the buyer's ID-card number sensitive and reads it in a rule.
        let set = dir + "/rules/buyer"
        try FileManager.default.createDirectory(atPath: set, withIntermediateDirectories: true)
        try """
        ruleset: buyer
        title: 买受人
        version: 1.0.0
        source: {title: t}
        applies_to: sale
        sensitive: [buyer.id_number]
        input:
          buyer: {name: string, id_number: string}
        rules:
          - {id: B-1, title: 身份证号18位, cite: 第一条, require: size(buyer.id_number) == 18, message: '号码 {buyer.id_number} 不是18位'}
        """.write(toFile: set + "/ruleset.yaml", atomically: true, encoding: .utf8)
        let secret = "11010519491231002X1"  // 19 characters: the rule fails and reads it as evidence
        try "kind: sale\nid: S-1\ndate: 2020-01-01\nunit: u\nbuyer: {name: 李四, id_number: \"\(secret)\"}\n".write(
            toFile: dir + "/d.yaml", atomically: true, encoding: .utf8)
        try Data("key-for-tests".utf8).write(to: URL(fileURLWithPath: dir + "/key"))
        let store = dir + "/m.sqlite"
        let r = try Run.bylaw([
            "check", "--rules", dir + "/rules", "--audit", store, "--audit-key-file", dir + "/key", dir + "/d.yaml",
        ])
        #expect(r.status == 1)
        let show = try Run.bylaw(["log", "show", "--audit", store, "1"])
        #expect(show.stdout.contains("\"masked_paths\":[\"buyer.id_number\"]"))
        #expect(show.stdout.contains("hmac-sha256:"))
        // A batch of such decisions: its records are compressed against a dictionary trained on them, and
        // neither may hold the number.
        let lines = (1...60).map { i in
            #"{"kind":"sale","id":"S-\#(i)","date":"2020-01-01","unit":"u","buyer":{"name":"李四","id_number":"\#(secret)"}}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/d.jsonl", atomically: true, encoding: .utf8)
        let batch = try Run.bylaw([
            "audit", "--quiet", "--rules", dir + "/rules", "--audit", store, "--audit-key-file", dir + "/key",
            dir + "/d.jsonl",
        ])
        #expect(batch.status == 1, "\(batch.stderr)")
        let tenth = try Run.bylaw(["log", "show", "--audit", store, "11"])
        #expect(tenth.stdout.contains("\"id\":\"S-10\"") && tenth.stdout.contains("hmac-sha256:"))
        #expect(!tenth.stdout.contains(secret))
        for file in [store, store + "-wal", store + "-shm"] {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(file) holds the ID number")
        }
    }
}
