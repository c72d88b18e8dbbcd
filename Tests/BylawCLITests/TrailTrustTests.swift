import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The trail proving itself to an outsider, through the built binary: signed checkpoints exported and checked
/// with only the public key, receipts, read-only log commands, backups, and refusals.
@Suite(.serialized) struct TrailTrustTests {
    let rules = Run.fixtures + "/rules"

    func temp() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    @Test func signedCheckpointsAndReceipts() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        let keygen = try Run.bylaw(["log", "checkpoint", "keygen", "--out", dir + "/trail"])
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/trail.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = try Run.bylaw(["log", "checkpoint", "keygen", "--out", dir + "/trail"])
        #expect(again.status == 2, "a key is never overwritten")

        let check = try Run.bylaw([
            "check", "--rules", rules, "--audit", store, "--signing-key", dir + "/trail.key", "--format", "json",
            Run.fixtures + "/ok.yaml",
        ])
        #expect(check.status == 0, "\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let decision = try #require((object["decisions"] as? [[String: Any]])?.first)
        let receipt = try #require(decision["receipt"] as? [String: Any])
        #expect(receipt["seq"] as? Int == 1)
        let text = "\(receipt["seq"] ?? 0):\(receipt["leaf_hash"] ?? ""):\(receipt["chain_hash"] ?? "")"

        let export = try Run.bylaw(["log", "checkpoint", "export", "--audit", store])
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count == 1)
        try export.stdout.write(toFile: dir + "/cp.jsonl", atomically: true, encoding: .utf8)

        let verify = try Run.bylaw([
            "log", "verify", "--audit", store, "--checkpoints", dir + "/cp.jsonl", "--public-key", dir + "/trail.pub",
            "--receipt", text,
        ])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("1 signed checkpoint holds; receipt of record 1 holds"))

        // A key of someone else: the checkpoints do not vouch for anything.
        _ = try Run.bylaw(["log", "checkpoint", "keygen", "--out", dir + "/other"])
        let other = try Run.bylaw([
            "log", "verify", "--audit", store, "--checkpoints", dir + "/cp.jsonl", "--public-key", dir + "/other.pub",
        ])
        #expect(other.status == 1)
        #expect(other.stdout.contains("not signed by the given public key"))

        // The text report shows the receipt too.
        let textCheck = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        #expect(textCheck.stdout.contains("recorded: audit record 2 · receipt 2:"))
        let bad = try Run.bylaw(["log", "verify", "--audit", store, "--receipt", "2:abc:def"])
        #expect(bad.status == 2)
        let needsKey = try Run.bylaw(["log", "verify", "--audit", store, "--checkpoints", dir + "/cp.jsonl"])
        #expect(needsKey.status == 2)
    }

    @Test func logCommandsNeverCreateAStore() throws {
        let dir = try temp()
        for args in [["list"], ["head"], ["verify"], ["export"], ["checkpoint", "export"]] {
            let r = try Run.bylaw(["log"] + args + ["--audit", dir + "/missing.sqlite"])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("there is no audit store at"), "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/missing.sqlite"))
    }

    /// The audit store's own refusals are said in the reader's language, not English inside a Chinese frame.
    @Test func storeRefusalsAreSaidInChinese() throws {
        let dir = try temp()
        let missing = try Run.bylaw(["log", "list", "--audit", dir + "/missing.sqlite", "--lang", "zh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("处没有审计库"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("there is no audit store"), "\(missing.stderr)")
        let junk = dir + "/junk.sqlite"
        try Data("this is not a database, it is a note".utf8).write(to: URL(fileURLWithPath: junk))
        let damaged = try Run.bylaw([
            "check", "--rules", rules, "--audit", junk, "--lang", "zh", Run.fixtures + "/ok.yaml",
        ])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("已损坏，或不是审计库"), "\(damaged.stderr)")
        #expect(!damaged.stderr.contains("is damaged"), "\(damaged.stderr)")
        let actor = try Run.bylaw([
            "check", "--rules", rules, "--audit", dir + "/t.sqlite", "--actor", "", "--lang", "zh",
            Run.fixtures + "/ok.yaml",
        ])
        #expect(actor.status == 2)
        #expect(actor.stderr.contains("操作人为空"), "\(actor.stderr)")
        // English stays as it was.
        let english = try Run.bylaw(["log", "list", "--audit", dir + "/missing.sqlite", "--lang", "en"])
        #expect(english.stderr.contains("there is no audit store at"), "\(english.stderr)")
    }

    @Test func anEmptyActorIsRefusedBeforeAnythingIsChecked() throws {
        let dir = try temp()
        let r = try Run.bylaw([
            "check", "--rules", rules, "--audit", dir + "/t.sqlite", "--actor", "", Run.fixtures + "/ok.yaml",
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the actor is empty"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.sqlite"))
        let wait = try Run.bylaw([
            "check", "--rules", rules, "--lock-wait", "-1", "--no-audit", Run.fixtures + "/ok.yaml",
        ])
        #expect(wait.status == 2)
    }

    @Test func aBackupVerifiesOnItsOwn() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        _ = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        let backup = try Run.bylaw(["log", "backup", "--audit", store, dir + "/copy.sqlite"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.hasPrefix("✓ backed up to"))
        let verify = try Run.bylaw(["log", "verify", "--audit", dir + "/copy.sqlite"])
        #expect(verify.stdout.hasPrefix("✓ 1 records verified"))
        let twice = try Run.bylaw(["log", "backup", "--audit", store, dir + "/copy.sqlite"])
        #expect(twice.status == 2)
    }

    /// One SQLite trail copied into another: the count, the records already there and the head, in the reader's
    /// language; the copy verifies.
    @Test func aMigrationSaysWhatItCopiedInChinese() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        _ = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        let first = try Run.bylaw(["log", "migrate", "--from", store, "--to", dir + "/copy.sqlite", "--lang", "zh"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("✓ 已复制 1 条记录（另有 0 条目标中原已存在）；链头 1:"), "\(first.stdout)")
        let again = try Run.bylaw(["log", "migrate", "--from", store, "--to", dir + "/copy.sqlite", "--lang", "en"])
        #expect(again.stdout.hasPrefix("✓ copied 0 records (1 were already there); head 1:"), "\(again.stdout)")
        let verify = try Run.bylaw(["log", "verify", "--audit", dir + "/copy.sqlite"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("✓ 1 records verified"), "\(verify.stdout)")
    }

    @Test func pruneIsRefusedWithoutAKeyOrForYoungRecords() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        _ = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        _ = try Run.bylaw(["log", "checkpoint", "keygen", "--out", dir + "/k"])
        let unsigned = try Run.bylaw(["log", "prune", "--audit", store, "--before", "2020-01-01"])
        #expect(unsigned.status == 2)
        #expect(unsigned.stderr.contains("needs --signing-key"))
        let young = try Run.bylaw([
            "log", "prune", "--audit", store, "--before", "2099-01-01", "--signing-key", dir + "/k.key",
        ])
        #expect(young.status == 2)
        #expect(young.stderr.contains("younger than 184 days are kept"))
        let nothing = try Run.bylaw([
            "log", "prune", "--audit", store, "--before", "2020-01-01", "--signing-key", dir + "/k.key",
        ])
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("nothing removed"))
        #expect(try Run.bylaw(["log", "verify", "--audit", store]).stdout.hasPrefix("✓ 1 records verified"))
    }

    /// A store on a really read-only file system (a tmpfs remounted read-only) is listed and verified. Needs
    /// root and mount rights, which CI's machine gives; elsewhere the test says why it skips.
    @Test func aStoreOnReadOnlyMediaVerifies() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        _ = try Run.bylaw(["check", "--rules", rules, "--audit", store, Run.fixtures + "/ok.yaml"])
        let media = dir + "/media"
        try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
        func run(_ args: [String]) -> Int32 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/mount")
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            guard (try? p.run()) != nil else { return -1 }
            p.waitUntilExit()
            return p.terminationStatus
        }
        guard run(["-t", "tmpfs", "-o", "size=8m", "tmpfs", media]) == 0 else {
            print("TrailTrustTests: skipping the read-only media test: cannot mount a tmpfs here (needs root)")
            return
        }
        defer {
            let u = Process()
            u.executableURL = URL(fileURLWithPath: "/bin/umount")
            u.arguments = [media]
            try? u.run()
            u.waitUntilExit()
        }
        // Only the database file, as a copy on a disc or a read-only share would hold it: no log beside it.
        try FileManager.default.copyItem(atPath: store, toPath: media + "/trail.sqlite")
        #expect(run(["-o", "remount,ro", media]) == 0)
        let verify = try Run.bylaw(["log", "verify", "--audit", media + "/trail.sqlite"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("✓ 1 records verified"))
        let list = try Run.bylaw(["log", "list", "--audit", media + "/trail.sqlite"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("AD-2017-001"))
        let write = try Run.bylaw([
            "check", "--rules", rules, "--audit", media + "/trail.sqlite", Run.fixtures + "/ok.yaml",
        ])
        #expect(write.status == 2, "a store on read-only media fails closed")
    }

    @Test func aSymbolicLinkForTheStoreIsRefused() throws {
        let dir = try temp()
        try FileManager.default.createSymbolicLink(
            atPath: dir + "/link.sqlite", withDestinationPath: dir + "/elsewhere")
        let r = try Run.bylaw(["check", "--rules", rules, "--audit", dir + "/link.sqlite", Run.fixtures + "/ok.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a symbolic link"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/elsewhere"))
    }

    /// A batch killed mid-run is marked in the chain when the next run starts.
    @Test func aKilledAuditRunIsMarkedByTheNextRun() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        let line =
            #"{"kind":"asset_disposal","id":"AD-N","date":"2017-10-20","unit":"acftu/finance","#
            + #""asset":{"category":"vehicle","book_value":"650000.00","appraised":"600000.00"},"method":"auction","#
            + #""price":"540000.00","approvals":[{"body":"finance","date":"2017-09-01"},"#
            + #"{"body":"party_group","date":"2017-09-02"}],"buyer_related":false,"quantity":1}"#
        let lines = (1...60_000).map { line.replacingOccurrences(of: "AD-N", with: "AD-\($0)") }
        try (lines.joined(separator: "\n") + "\n").write(toFile: dir + "/big.jsonl", atomically: true, encoding: .utf8)
        try (lines.prefix(3).joined(separator: "\n") + "\n").write(
            toFile: dir + "/small.jsonl", atomically: true, encoding: .utf8)
        let bin = try #require(Run.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["audit", "--rules", rules, "--audit", store, "--format", "json", dir + "/big.jsonl"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Killed once its first records are in the store.
        var waited = 0.0
        while waited < 30 {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 0.1
            let head = try Run.bylaw(["log", "head", "--audit", store])
            if head.status == 0, !head.stdout.hasPrefix("0:") { break }
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let next = try Run.bylaw(["audit", "--rules", rules, "--audit", store, dir + "/small.jsonl"])
        #expect(next.status != 2, "\(next.stderr)")
        let list = try Run.bylaw(["log", "list", "--audit", store, "--limit", "10", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let events = rows.compactMap { $0["event"] as? String }
        #expect(events.prefix(5) == ["audit-run", "audit", "audit", "audit", "audit-interrupted"], "\(events)")
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
