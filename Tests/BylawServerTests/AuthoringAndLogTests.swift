import BylawAudit
import BylawServer
import BylawTestSupport
import Foundation
import Testing

@Suite("bylaw serve: explain, authoring, rule sets, the log, reload")
struct AuthoringAndLogTests {
    static let folder = TestServer.repository.appendingPathComponent("rules/union-funds")

    static func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    /// The union-funds rule set with its tests and examples, as an authoring tool submits it.
    static func submission(ruleSet: String? = nil) throws -> Data {
        let fm = FileManager.default
        var tests: [String: String] = [:]
        for name in try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("tests").path) {
            tests[name] = try read("tests/" + name)
        }
        var examples: [String: String] = [:]
        for name in try fm.contentsOfDirectory(atPath: folder.appendingPathComponent("examples").path) {
            examples[name] = try read("examples/" + name)
        }
        let object: [String: Any] = [
            "ruleset": try ruleSet ?? read("ruleset.yaml"), "tests": tests, "examples": examples,
        ]
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("explain answers with every rule's trace; a decision with nothing to explain is a 422 with diagnostics")
    func explain() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let body = try TestServer.example("asset-management/examples/non-compliant-organ-investment.yaml")
            let r = try await s.call("POST", "/v1/explain", body: body, as: "checker")
            #expect(r.status == 200)
            let rules = r.object["rules"] as? [Any] ?? []
            #expect(!rules.isEmpty)
            let one = try await s.call("POST", "/v1/explain?rule=NO-SUCH-RULE", body: body, as: "checker")
            #expect(one.status == 422)
            let diagnostics = (one.object["error"] as? [String: Any])?["diagnostics"] as? [Any] ?? []
            #expect(!diagnostics.isEmpty)
        }
    }

    @Test("lint and test take a rule set in the body and name its files as submitted")
    func lintAndTest() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let yaml = try Self.read("ruleset.yaml")
            let lint = try await s.call("POST", "/v1/lint", text: yaml, as: "author", contentType: "application/yaml")
            #expect(lint.status == 200)
            #expect(lint.object["files"] as? [String] == ["ruleset.yaml"])
            #expect((lint.object["summary"] as? [String: Any])?["errors"] as? Int == 0)
            #expect(!lint.text.contains("bylaw-submitted-"))
            let broken = try await s.call(
                "POST", "/v1/lint", text: yaml.replacingOccurrences(of: "cite:", with: "cyte:"), as: "author",
                contentType: "application/yaml")
            #expect(broken.status == 200)
            #expect(((broken.object["summary"] as? [String: Any])?["errors"] as? Int ?? 0) > 0)
            let test = try await s.call(
                "POST", "/v1/test", body: try Self.submission(), as: "author",
                headers: ["Content-Type": "application/json"])
            #expect(test.status == 200, "\(test.text)")
            #expect(test.text.contains("\"passed\":true"))
            #expect(!test.text.contains("\"passed\":false"))
            #expect(!test.text.contains("bylaw-submitted-"))
            let escape = try JSONSerialization.data(withJSONObject: [
                "ruleset": yaml, "tests": ["../../etc/x.yaml": "a: 1"],
            ])
            let refused = try await s.call(
                "POST", "/v1/test", body: escape, as: "author", headers: ["Content-Type": "application/json"])
            #expect(refused.status == 400)
        }
    }

    @Test("rule sets in force on a date, with hashes; a rule book per rule set")
    func ruleSets() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let all = try await s.call("GET", "/v1/rulesets", as: "checker")
            #expect(all.status == 200)
            let sets = all.object["rule_sets"] as? [[String: Any]] ?? []
            #expect(sets.contains { $0["id"] as? String == "asset-management" })
            #expect(sets.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
            let early = try await s.call("GET", "/v1/rulesets?date=2000-01-01", as: "checker")
            #expect((early.object["rule_sets"] as? [Any])?.count ?? -1 < sets.count)
            let book = try await s.call("GET", "/v1/rulesets/union-funds/book", as: "author")
            #expect(book.status == 200)
            #expect(book.headers["content-type"]?.hasPrefix("text/markdown") == true)
            #expect(!book.text.isEmpty)
            let html = try await s.call("GET", "/v1/rulesets/union-funds/book?format=html", as: "author")
            #expect(html.text.contains("<html"))
            let missing = try await s.call("GET", "/v1/rulesets/no-such-set/book", as: "author")
            #expect(missing.status == 404)
        }
    }

    @Test("the log: list, show, head, verify and export read the trail the checks wrote")
    func log() async throws {
        let store = TestServer.freshStore()
        try await TestServer.with(TestServer.configuration(audit: store)) { s in
            let check = try await s.call(
                "POST", "/v1/check",
                body: try TestServer.example("asset-management/examples/compliant-vehicle-auction.yaml"),
                as: "checker")
            let receipt = ((check.object["decisions"] as? [[String: Any]])?.first?["receipt"] as? [String: Any]) ?? [:]
            let head = try await s.call("GET", "/v1/log/head", as: "auditor")
            #expect(head.object["seq"] as? Int == 1)
            #expect(head.object["chain_hash"] as? String == receipt["chain_hash"] as? String)
            let record = try await s.call("GET", "/v1/log/1", as: "auditor")
            #expect(record.status == 200)
            #expect(record.object["actor"] as? String == "svc-checker")
            let none = try await s.call("GET", "/v1/log/99", as: "auditor")
            #expect(none.status == 404)
            let headText = "\(head.object["seq"] as? Int ?? 0):\(head.object["chain_hash"] as? String ?? "")"
            let receiptText =
                "1:\(receipt["leaf_hash"] as? String ?? ""):\(receipt["chain_hash"] as? String ?? "")"
            let verify = try await s.call(
                "POST", "/v1/log/verify",
                body: try JSONSerialization.data(withJSONObject: ["expect_head": headText, "receipt": receiptText]),
                as: "auditor")
            #expect(verify.object["ok"] as? Bool == true, "\(verify.text)")
            #expect(verify.object["records"] as? Int == 1)
            let wrongHead = try await s.call(
                "POST", "/v1/log/verify",
                body: try JSONSerialization.data(withJSONObject: [
                    "expect_head": "1:" + String(repeating: "0", count: 64)
                ]),
                as: "auditor")
            #expect(wrongHead.object["ok"] as? Bool == false)
            // A head that is not SEQ:64-hex is refused, not read loosely (a negative sequence was passed over and
            // the chain reported whole).
            for malformed in [
                "-5:abc", "-1:" + String(repeating: "0", count: 64), "1:abc", "1:" + String(repeating: "g", count: 64),
            ] {
                let bad = try await s.call(
                    "POST", "/v1/log/verify",
                    body: try JSONSerialization.data(withJSONObject: ["expect_head": malformed]),
                    as: "auditor")
                #expect(bad.status == 400, "\(malformed): \(bad.text)")
                #expect(bad.text.contains("body.bad-head"))
            }
            // A misspelt key is refused: read loosely, it would verify without the check it asked for.
            let misspelt = try await s.call(
                "POST", "/v1/log/verify",
                body: try JSONSerialization.data(withJSONObject: ["expected_head": headText]), as: "auditor")
            #expect(misspelt.status == 400, "\(misspelt.text)")
            #expect(misspelt.text.contains("body.unknown-key") && misspelt.text.contains("expected_head"))
            let export = try await s.call("GET", "/v1/log/export", as: "audit-admin")
            #expect(export.text.split(separator: "\n").count == 1)
            let filtered = try await s.call("GET", "/v1/log?verdict=non_compliant", as: "auditor")
            #expect((filtered.json as? [Any])?.count == 0)
            let badLimit = try await s.call("GET", "/v1/log?limit=0", as: "auditor")
            #expect(badLimit.status == 400)
            // A misspelt verdict is refused, not answered with an empty list.
            let badVerdict = try await s.call("GET", "/v1/log?verdict=noncompliant", as: "auditor")
            #expect(badVerdict.status == 400 && badVerdict.text.contains("query.bad-verdict"), "\(badVerdict.text)")
            // The trail's own words are verdicts too: refused requests, records about the trail.
            for word in ["refused", "none", "non_compliant"] {
                let listed = try await s.call("GET", "/v1/log?verdict=\(word)", as: "auditor")
                #expect(listed.status == 200, "\(word): \(listed.text)")
            }
        }
    }

    @Test("concurrent checks are committed together and the chain stays whole")
    func groupCommit() async throws {
        let store = TestServer.freshStore()
        try await TestServer.with(TestServer.configuration(audit: store)) { s in
            let body = try TestServer.example("asset-management/examples/compliant-vehicle-auction.yaml")
            let seqs = try await withThrowingTaskGroup(of: Int?.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        let r = try await s.call("POST", "/v1/check", body: body, as: "checker")
                        return ((r.object["decisions"] as? [[String: Any]])?.first?["receipt"] as? [String: Any])?[
                            "seq"]
                            as? Int
                    }
                }
                var out: [Int] = []
                for try await seq in group { if let seq { out.append(seq) } }
                return out
            }
            #expect(seqs.sorted() == Array(1...24))
            let report = try AuditStore(readingAt: store).verify()
            #expect(report.ok)
            #expect(report.records == 24)
            let metrics = try await s.call("GET", "/metrics")
            let commits = metrics.text.split(separator: "\n").first { $0.hasPrefix("bylaw_audit_commits_total ") }
            let count = commits.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            #expect((1...24).contains(count))
        }
    }

    @Test("a reload puts a library that loads in force at once, and refuses one that does not")
    func reload() async throws {
        let root = try TestServer.copyOfRules()
        try await TestServer.with(TestServer.configuration(rules: root.path, audit: nil)) { s in
            let before = try await s.call("GET", "/v1/rulesets", as: "checker")
            #expect(before.object["generation"] as? Int == 1)
            let file = root.appendingPathComponent("union-funds/ruleset.yaml")
            let good = try String(contentsOf: file, encoding: .utf8)
            try (good + "\nthis is: [not valid\n").write(to: file, atomically: true, encoding: .utf8)
            guard case .refused(let diagnostics) = s.service.reloadRules() else {
                Issue.record("a library that does not load was put in force")
                return
            }
            #expect(!diagnostics.isEmpty)
            let still = try await s.call("GET", "/v1/rulesets", as: "checker")
            #expect(still.object["generation"] as? Int == 1)
            #expect((still.object["rule_sets"] as? [Any])?.count == 1)
            try good.replacingOccurrences(of: "version: ", with: "version: 9").write(
                to: file, atomically: true, encoding: .utf8)
            guard case .loaded(let generation) = s.service.reloadRules() else {
                Issue.record("a library that loads was refused")
                return
            }
            #expect(generation == 2)
            let after = try await s.call("GET", "/v1/rulesets", as: "checker")
            #expect(after.object["generation"] as? Int == 2)
            let metrics = try await s.call("GET", "/metrics")
            #expect(metrics.text.contains("bylaw_rule_reloads_total{outcome=\"refused\"} 1"))
        }
    }
}
