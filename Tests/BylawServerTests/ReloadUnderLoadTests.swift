import BylawServer
import BylawTestSupport
import Foundation
import Testing

/// Rules reloaded when their files change, while checks keep coming.
@Suite("reload when the rules change, under load")
struct ReloadUnderLoadTests {
    /// A copy of the union-funds rule set and the calendars; `marked` adds, as version 9.0.0, a rule that always
    /// fails, so a check's verdict tells which library judged it.
    static func library() throws -> (root: URL, file: URL, original: String, marked: String) {
        let root = try TestServer.copyOfRules()
        let file = root.appendingPathComponent("union-funds/ruleset.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let marker = """
            rules:
              - id: FN-00
                title: reload marker
                cite: test
                severity: violation
                require: "false"
                message: judged by version 2
            """
        let marked = original.replacingOccurrences(
            of: "\nversion: \(shippedVersion(original))\n", with: "\nversion: 9.0.0\n"
        )
        .replacingOccurrences(of: "\nrules:", with: "\n" + marker)
        return (root, file, original, marked)
    }

    /// The `version:` of a rule-set file's text.
    static func shippedVersion(_ text: String) -> String {
        let line = text.split(separator: "\n").first { $0.hasPrefix("version: ") }
        return line.map { String($0.dropFirst("version: ".count)) } ?? "?"
    }

    /// One check: its status, the version of the rule set that judged it, and the verdict.
    static func check(_ s: TestServer, _ decision: Data) async throws -> (Int, String, String) {
        let r = try await s.call(
            "POST", "/v1/check", body: decision, as: "checker", headers: ["Content-Type": "application/yaml"])
        let d = (r.object["decisions"] as? [[String: Any]])?.first ?? [:]
        let version = ((d["rule_sets"] as? [[String: Any]])?.first?["version"] as? String) ?? "?"
        return (r.status, version, d["verdict"] as? String ?? "?")
    }

    @Test("a change on disk is put in force while checks run: none fails, each is judged by one library whole")
    func reloadUnderLoad() async throws {
        let (root, file, original, marked) = try Self.library()
        let shipped = Self.shippedVersion(original)
        #expect(marked.contains("version: 9.0.0") && shipped != "?" && shipped != "9.0.0")
        #expect(marked != original)
        let decision = try TestServer.example("union-funds/examples/compliant-acftu-2017.yaml")
        var c = TestServer.configuration(rules: root.path, audit: TestServer.freshStore())
        c.watchRules = true
        try await TestServer.with(c) { s in
            let watch = s.service.watchRules(every: 0.2)
            defer { watch.stop() }
            let clients = 8
            let perClient = 60
            let answers = try await withThrowingTaskGroup(of: [(Int, String, String)].self) { group in
                for k in 0..<clients {
                    group.addTask {
                        var out: [(Int, String, String)] = []
                        for n in 0..<perClient {
                            // One client changes the file a third of the way through.
                            if k == 0, n == perClient / 3 {
                                try marked.write(to: file, atomically: true, encoding: .utf8)
                            }
                            out.append(try await Self.check(s, decision))
                        }
                        guard k == 0 else { return out }
                        // Then, once the change is in force, a few more: the new library judges them.
                        for _ in 0..<300 {
                            let r = try await s.call("GET", "/v1/rulesets", as: "checker")
                            if r.object["generation"] as? Int == 2 { break }
                            try await Task.sleep(for: .milliseconds(100))
                        }
                        for _ in 0..<10 {
                            out.append(try await Self.check(s, decision))
                        }
                        return out
                    }
                }
                var all: [(Int, String, String)] = []
                for try await part in group { all += part }
                return all
            }
            #expect(answers.count == clients * perClient + 10)
            #expect(answers.allSatisfy { $0.0 == 200 }, "\(answers.filter { $0.0 != 200 }.prefix(3))")
            let mixed = answers.filter {
                !(($0.1 == shipped && $0.2 == "compliant") || ($0.1 == "9.0.0" && $0.2 == "non_compliant"))
            }
            #expect(mixed.isEmpty, "\(mixed.prefix(3))")
            #expect(answers.contains { $0.1 == shipped })
            #expect(answers.contains { $0.1 == "9.0.0" }, "the change on disk was not put in force")
        }
    }

    @Test("a broken library written to disk is refused with its diagnostics; the old one keeps serving")
    func brokenChange() async throws {
        let (root, file, original, _) = try Self.library()
        let decision = try TestServer.example("union-funds/examples/compliant-acftu-2017.yaml")
        try await TestServer.with(TestServer.configuration(rules: root.path, audit: nil)) { s in
            let watch = s.service.watchRules(every: 0.2)
            defer { watch.stop() }
            try (original + "\nbroken: [\n").write(to: file, atomically: true, encoding: .utf8)
            var refused = false
            for _ in 0..<300 where !refused {
                try await Task.sleep(for: .milliseconds(100))
                let metrics = try await s.call("GET", "/metrics")
                refused = metrics.text.contains("bylaw_rule_reloads_total{outcome=\"refused\"} 1")
            }
            #expect(refused)
            let r = try await s.call(
                "POST", "/v1/check", body: decision, as: "checker", headers: ["Content-Type": "application/yaml"])
            #expect(r.status == 200 && r.text.contains("\"verdict\":\"compliant\""))
            let rulesets = try await s.call("GET", "/v1/rulesets", as: "checker")
            #expect(rulesets.object["generation"] as? Int == 1)
        }
    }
}
