import BylawAudit
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuditPostgres

/// The built `bylaw` against a PostgreSQL trail: check, log and migrate, several processes at once.
@Suite struct PostgresCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = repository + "/Tests/BylawTests/Fixtures"

    /// Starts `bylaw args…`; the output goes to files, read by `finish`.
    final class Started {
        let process = Process()
        let out: URL
        let err: URL

        init(_ args: [String], environment: [String: String] = [:]) throws {
            let bin = try #require(BylawBinary.path, "the bylaw binary was not built beside the tests")
            let dir = Scratch.root.appendingPathComponent("cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            out = dir.appendingPathComponent("out")
            err = dir.appendingPathComponent("err")
            #expect(FileManager.default.createFile(atPath: out.path, contents: nil))
            #expect(FileManager.default.createFile(atPath: err.path, contents: nil))
            process.executableURL = URL(fileURLWithPath: bin)
            process.arguments = args
            process.currentDirectoryURL = URL(fileURLWithPath: PostgresCLITests.repository)
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func finish() throws -> (status: Int32, stdout: String, stderr: String) {
            process.waitUntilExit()
            return (
                process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
                try String(contentsOf: err, encoding: .utf8)
            )
        }
    }

    static func bylaw(_ args: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        try Started(args, environment: environment).finish()
    }

    /// The URL of a test database as `--audit` takes it.
    static func url(_ db: PostgresLocation) -> String { "postgres://\(db.user)@\(db.host):\(db.port)/\(db.database)" }

    @Test func threeProcessesCheckingAtOnceMakeOneChain() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = Self.url(db)
        let rounds = 6
        var verdicts = 0
        var started: [Started] = []
        for p in 0..<3 {
            // Each process checks the fixture `rounds` times in one run: one record per decision.
            let files = Array(repeating: Self.fixtures + "/ok.yaml", count: rounds)
            started.append(
                try Started(
                    [
                        "check", "--rules", Self.fixtures + "/rules", "--audit", url, "--actor", "p\(p)", "--lock-wait",
                        "30",
                    ]
                        + files))
        }
        for s in started {
            let r = try s.finish()
            #expect(r.status == 0, "\(r.stderr)")
            verdicts += r.stdout.components(separatedBy: "\n").filter { $0.contains("compliant") }.count
        }
        #expect(verdicts >= 3)
        let verify = try Self.bylaw(["log", "verify", "--audit", url])
        #expect(verify.status == 0, "\(verify.stderr)")
        let head = try Self.bylaw(["log", "head", "--audit", url])
        let seq = head.stdout.split(separator: ":").first.map(String.init)
        #expect(seq == String(3 * rounds), "\(head.stdout)\(head.stderr)")
        #expect(verify.stdout.contains("\(3 * rounds) records verified"))
        let expect = try Self.bylaw([
            "log", "verify", "--audit", url, "--expect-head",
            head.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
        ])
        #expect(expect.status == 0, "\(expect.stderr)")
        let list = try Self.bylaw(["log", "list", "--audit", url, "--actor", "p1", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == rounds)
        let show = try Self.bylaw(["log", "show", "--audit", url, "1"])
        #expect(show.stdout.contains("\"seq\":1"))
    }

    /// A NUL character in a decision's id (JSON's `\u0000`) stopped a whole audit: PostgreSQL refuses it in the
    /// trail's text columns. The decision is now invalid, saying why, and every record of the batch is recorded.
    @Test func aNULInADecisionIsRefusedAndTheBatchGoesOn() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = Self.url(db)
        let ok = try String(contentsOfFile: Self.fixtures + "/ok.yaml", encoding: .utf8)
        let dir = Scratch.root.appendingPathComponent("nul-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = [
            #"{"kind":"asset_disposal","id":"AD-1\u0000X","date":"2017-10-20","unit":"acftu/finance"}"#,
            #"{"kind":"asset_disposal","id":"AD-2","date":"2017-10-20","unit":"acftu/finance\u0000"}"#,
        ]
        let batch = dir.appendingPathComponent("b.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: batch, atomically: true, encoding: .utf8)
        let yaml = dir.appendingPathComponent("ok.yaml")
        try ok.write(to: yaml, atomically: true, encoding: .utf8)
        let audit = try Self.bylaw([
            "audit", batch.path, yaml.path, "--rules", Self.fixtures + "/rules", "--audit", url, "--format", "jsonl",
        ])
        #expect(audit.status == 1, "\(audit.stderr)")
        #expect(!audit.stderr.contains("cannot record"), "\(audit.stderr)")
        let reported = audit.stdout.split(separator: "\n").filter { $0.contains("\"verdict\"") }
        #expect(reported.count == 3, "\(audit.stdout)")
        #expect(reported.filter { $0.contains("decision.nul-character") }.count == 2)
        #expect(reported.contains { $0.contains("AD-1\u{FFFD}X") })
        let verify = try Self.bylaw(["log", "verify", "--audit", url])
        #expect(verify.status == 0, "\(verify.stderr)")
        // The three decisions and the run's own record.
        #expect(verify.stdout.contains("4 records verified"), "\(verify.stdout)")
    }

    @Test func migrateCopiesThenContinuesThenRefuses() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = Self.url(db)
        let dir = Scratch.root.appendingPathComponent("cli-migrate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let sqlite = dir + "/trail.sqlite"
        let check = try Self.bylaw(
            [
                "check", "--rules", Self.fixtures + "/rules", "--audit", sqlite, Self.fixtures + "/ok.yaml",
                Self.fixtures + "/ok.yaml",
            ])
        #expect(check.status == 0, "\(check.stderr)")
        let first = try Self.bylaw(["log", "migrate", "--from", sqlite, "--to", url])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("copied 2 records"))
        let again = try Self.bylaw(["log", "migrate", "--from", sqlite, "--to", url])
        #expect(again.stdout.contains("copied 0 records (2 were already there)"), "\(again.stdout)\(again.stderr)")
        let sqliteHead = try Self.bylaw(["log", "head", "--audit", sqlite])
        let pgHead = try Self.bylaw(["log", "head", "--audit", url])
        #expect(!sqliteHead.stdout.isEmpty)
        #expect(sqliteHead.stdout == pgHead.stdout)
        // Records only the PostgreSQL trail has: the SQLite file is no longer its prefix the other way round.
        let more = try Self.bylaw([
            "check", "--rules", Self.fixtures + "/rules", "--audit", url, Self.fixtures + "/ok.yaml",
        ])
        #expect(more.status == 0, "\(more.stderr)")
        let other = dir + "/other.sqlite"
        _ = try Self.bylaw(["check", "--rules", Self.fixtures + "/rules", "--audit", other, Self.fixtures + "/ok.yaml"])
        let refused = try Self.bylaw(["log", "migrate", "--from", url, "--to", other])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not a prefix"), "\(refused.stderr)")
    }

    @Test func badLocationsExitTwoWithAMessage() throws {
        let cases: [(String, String)] = [
            ("postgres://nobody@127.0.0.1:1/db", "cannot connect"),
            ("postgres://@127.0.0.1/db", "names no user"),
        ]
        for (url, message) in cases {
            let r = try Self.bylaw(["log", "verify", "--audit", url])
            #expect(r.status == 2, "\(url)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
        guard let db = try PostgresTestServer.database() else { return }
        let r = try Self.bylaw(["log", "head", "--audit", Self.url(db)])
        #expect(r.status == 2)
        #expect(r.stderr.contains("holds no bylaw audit trail"), "\(r.stderr)")
        let c = try Self.bylaw(
            [
                "check", "--rules", Self.fixtures + "/rules", "--audit", "postgres://nobody@127.0.0.1:1/db",
                Self.fixtures + "/ok.yaml",
            ])
        #expect(c.status == 2)
        #expect(c.stderr.contains("no verdict is reported"), "\(c.stderr)")
    }

    /// What a PostgreSQL trail does not have is refused with exit 2 and a reason, in the user's language; nothing
    /// is silently skipped or half done.
    @Test func sqliteOnlyCommandsAreRefusedSayingWhy() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = Self.url(db)
        try PostgresTrail(db).append(PostgresTestServer.drafts(3), actor: "auditor", at: nil, batchSize: 3)
        let key = Scratch.root.appendingPathComponent("pg-\(UUID().uuidString)").path
        #expect(try Self.bylaw(["log", "checkpoint", "keygen", "--out", key]).status == 0)
        let cases: [([String], String, String)] = [
            (["log", "prune", "--before", "2030-01-01"], "refuse DELETE", "触发器拒绝 DELETE"),
            (["log", "backup", key + ".sqlite"], "back a PostgreSQL trail up with the database", "pg_dump"),
        ]
        for (args, english, chinese) in cases {
            for (language, expected) in [("en", english), ("zh-Hans", chinese)] {
                let r = try Self.bylaw(args + ["--audit", url], environment: ["BYLAW_LANG": language])
                #expect(r.status == 2, "\(args) \(language): \(r.stdout)")
                #expect(r.stderr.contains(expected), "\(args) \(language): \(r.stderr)")
            }
        }
        // Nothing was written or removed by the refused commands.
        let head = try PostgresTrail(readingAt: db).head()
        #expect(head.seq == 3)
    }

    /// A receipt is checked against a PostgreSQL trail as against a SQLite store: the receipt a check was given
    /// holds once the chain verifies; one whose hashes differ, or of a record that is not there, breaks it.
    @Test func receiptsAreCheckedOnPostgres() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = Self.url(db)
        let trail = try PostgresTrail(db)
        try trail.append(PostgresTestServer.drafts(4), actor: "auditor", at: nil, batchSize: 2)
        let receipt = try #require(try trail.receipt(seq: 3))
        let good = try Self.bylaw(["log", "verify", "--audit", url, "--receipt", receipt.text])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("4 records verified") && good.stdout.contains("receipt of record 3 holds"))
        let zero = String(repeating: "0", count: 64)
        let forged = "3:\(receipt.leafHash):\(zero)"
        let bad = try Self.bylaw(["log", "verify", "--audit", url, "--receipt", forged])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("record 3 is not the one the receipt was given for"), "\(bad.stdout)")
        let missing = try Self.bylaw(
            ["log", "verify", "--audit", url, "--receipt", "9:\(zero):\(zero)"], environment: ["BYLAW_LANG": "zh"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("第 9 条记录处断裂"), "\(missing.stdout)")
    }
}

/// Signed checkpoints on a PostgreSQL trail, as on a SQLite store: written as records are appended and at the
/// end of a run, exported, and checked with the public key; one of another key is a problem, never skipped.
@Suite struct PostgresCheckpointTests {
    @Test func appendsWriteCheckpointsThatTheKeyVerifies() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let key = CheckpointKey.Private()
        let trail = try PostgresTrail(db)
        trail.signer = key
        try trail.append(PostgresTestServer.drafts(2_500), actor: "auditor", at: nil, batchSize: 500)
        // Due after each 1,000 records: the transactions ending at 1,000 and 2,000; the run's end signs the head.
        #expect(try trail.checkpoints().map(\.seq) == [1_000, 2_000])
        try trail.signCheckpointIfConfigured()
        try trail.signCheckpointIfConfigured()  // the head is vouched for already: nothing more
        let checkpoints = try trail.checkpoints()
        #expect(checkpoints.map(\.seq) == [1_000, 2_000, 2_500])
        #expect(checkpoints.allSatisfy { $0.isSigned(by: key.publicKey) })
        #expect(checkpoints.last?.chainHash == AuditHex.encode(try trail.head().chainHash))
        let reader = try PostgresTrail(readingAt: db)
        let good = try reader.verify(publicKey: key.publicKey, receipt: nil)
        #expect(good.ok && good.checkpoints == 3, "\(String(describing: good.problem))")
        let other = try reader.verify(publicKey: CheckpointKey.Private().publicKey, receipt: nil)
        #expect(other.problem?.seq == 1_000)
        #expect(other.problem?.reason.contains("not signed by the given public key") == true)
        // A checkpoint exported elsewhere that vouches for more records than the trail holds: records were removed.
        var ahead = checkpoints[2]
        ahead.seq = 2_600
        let forged = try reader.verify(checkpoints: [ahead], publicKey: key.publicKey, receipt: nil)
        #expect(forged.problem != nil)
    }

    /// Two writers on one trail each remember the newest checkpoint they know of and ask the trail only when
    /// one may be due: together they sign the same checkpoints one writer would, none missed and none twice.
    @Test func twoWritersSignEachCheckpointOnce() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let key = CheckpointKey.Private()
        let first = try PostgresTrail(db)
        let second = try PostgresTrail(db)
        first.signer = key
        second.signer = key
        let drafts = PostgresTestServer.drafts(3_600)
        // In turns, 300 records at a time: each writer's own appends are 600 records apart.
        for (k, start) in stride(from: 0, to: drafts.count, by: 300).enumerated() {
            let writer = k % 2 == 0 ? first : second
            try writer.append(Array(drafts[start..<start + 300]), actor: "auditor", at: nil, batchSize: 300)
        }
        #expect(try first.checkpoints().map(\.seq) == [1_200, 2_400, 3_600])
        let reader = try PostgresTrail(readingAt: db)
        let report = try reader.verify(publicKey: key.publicKey, receipt: nil)
        #expect(report.ok && report.checkpoints == 3, "\(String(describing: report.problem))")
    }

    /// End to end: `check --signing-key` on PostgreSQL signs, `log checkpoint export` lists the checkpoints and
    /// `log verify --public-key` checks them; another key's public half breaks the verification (exit 1).
    @Test func theCommandsSignExportAndVerify() throws {
        guard let db = try PostgresTestServer.database() else { return }
        let url = PostgresCLITests.url(db)
        let key = Scratch.root.appendingPathComponent("pg-ck-\(UUID().uuidString)").path
        let stranger = key + "-other"
        #expect(try PostgresCLITests.bylaw(["log", "checkpoint", "keygen", "--out", key]).status == 0)
        #expect(try PostgresCLITests.bylaw(["log", "checkpoint", "keygen", "--out", stranger]).status == 0)
        let check = try PostgresCLITests.bylaw(
            [
                "check", "--rules", PostgresCLITests.fixtures + "/rules", "--audit", url, "--signing-key",
                key + ".key", PostgresCLITests.fixtures + "/ok.yaml",
            ])
        #expect(check.status == 0, "\(check.stderr)")
        let exported = try PostgresCLITests.bylaw(["log", "checkpoint", "export", "--audit", url])
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = exported.stdout.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("\"seq\":1,"))
        let verified = try PostgresCLITests.bylaw(["log", "verify", "--audit", url, "--public-key", key + ".pub"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("1 records verified"), "\(verified.stdout)")
        let refused = try PostgresCLITests.bylaw(
            ["log", "verify", "--audit", url, "--public-key", stranger + ".pub"], environment: ["BYLAW_LANG": "zh"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("断裂"), "\(refused.stdout)")
    }
}
