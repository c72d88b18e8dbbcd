import BylawAudit
import BylawServer
import BylawTestSupport
import Foundation
import Testing

@Suite("bylaw serve, end to end over HTTP")
struct ServerTests {
    let compliant = "asset-management/examples/compliant-vehicle-auction.yaml"
    let nonCompliant = "asset-management/examples/non-compliant-organ-investment.yaml"

    @Test("probes, metrics and the OpenAPI document need no account")
    func openRoutes() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            let health = try await s.call("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.object["status"] as? String == "ok")
            let ready = try await s.call("GET", "/readyz")
            #expect(ready.status == 200)
            #expect(ready.object["trail"] as? String == "ok")
            let openapi = try await s.call("GET", "/openapi.json")
            #expect(openapi.object["openapi"] as? String == "3.1.0")
            _ = try await s.call("POST", "/v1/check", body: try TestServer.example(compliant), as: "checker")
            let metrics = try await s.call("GET", "/metrics")
            #expect(metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains("bylaw_audit_appends_total 1"))
            #expect(metrics.text.contains("bylaw_verdicts_total{kind=\"asset_disposal\",verdict=\"compliant\"} 1"))
            #expect(metrics.text.contains("route=\"/v1/check\",status=\"200\""))
        }
    }

    @Test("a check is recorded before it is answered, with its receipt, and the actor is the account")
    func checkRecordsTheAccount() async throws {
        let store = TestServer.freshStore()
        try await TestServer.with(TestServer.configuration(audit: store)) { s in
            let r = try await s.call(
                "POST", "/v1/check", body: try TestServer.example(nonCompliant), as: "checker",
                headers: ["X-Actor": "mallory", "X-Forwarded-User": "mallory"])
            #expect(r.status == 200)
            #expect(r.object["verdict"] as? String == "non_compliant")
            let decision = (r.object["decisions"] as? [[String: Any]])?.first
            let receipt = decision?["receipt"] as? [String: Any]
            #expect(receipt?["seq"] as? Int == 1)
            #expect((receipt?["chain_hash"] as? String)?.count == 64)
            // The record is in the store, written by the account that signed in, whatever the headers said.
            let rows = try AuditStore(readingAt: store).list(RecordFilter())
            #expect(rows.map(\.actor) == ["svc-checker"])
            #expect(rows.first?.verdict == "non_compliant")
            let log = try await s.call("GET", "/v1/log", as: "auditor")
            #expect((log.json as? [[String: Any]])?.first?["actor"] as? String == "svc-checker")
        }
    }

    @Test("HTTP basic signs in with a hashed password; a wrong one is refused")
    func basicAuthentication() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            let good = Data("alice:s3cret pass".utf8).base64EncodedString()
            let bad = Data("alice:guess".utf8).base64EncodedString()
            let body = try TestServer.example(compliant)
            let ok = try await s.call("POST", "/v1/check", body: body, headers: ["Authorization": "Basic \(good)"])
            #expect(ok.status == 200)
            let refused = try await s.call("POST", "/v1/check", body: body, headers: ["Authorization": "Basic \(bad)"])
            #expect(refused.status == 401)
            #expect((refused.object["error"] as? [String: Any])?["code"] as? String == "auth.invalid")
            #expect(refused.headers["www-authenticate"]?.contains("Bearer") == true)
        }
    }

    /// Each protected route, the role that may call it, and one that may not.
    static let guarded: [(method: String, path: String, allowed: String, refused: String)] = [
        ("POST", "/v1/check", "checker", "auditor"),
        ("POST", "/v1/check:batch", "checker", "author"),
        ("POST", "/v1/explain", "checker", "audit-admin"),
        ("POST", "/v1/lint", "author", "checker"),
        ("POST", "/v1/test", "author", "auditor"),
        ("GET", "/v1/rulesets/asset-management/book", "author", "checker"),
        ("GET", "/v1/log", "auditor", "checker"),
        ("GET", "/v1/log/head", "audit-admin", "author"),
        ("GET", "/v1/log/1", "auditor", "checker"),
        ("POST", "/v1/log/verify", "auditor", "checker"),
        ("GET", "/v1/log/export", "audit-admin", "auditor"),
    ]

    @Test("every protected route: 401 without credentials, 403 for the wrong role, served for the right one")
    func roles() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            let decision = try TestServer.example(compliant)
            _ = try await s.call("POST", "/v1/check", body: decision, as: "checker")
            for route in Self.guarded {
                let body: Data? =
                    route.method == "POST" ? (route.path.contains("batch") ? Data("[]".utf8) : decision) : nil
                let anonymous = try await s.call(route.method, route.path, body: body)
                #expect(anonymous.status == 401, "\(route.path) without credentials")
                let wrong = try await s.call(route.method, route.path, body: body, as: route.refused)
                #expect(wrong.status == 403, "\(route.path) as \(route.refused)")
                let right = try await s.call(route.method, route.path, body: body, as: route.allowed)
                #expect(![401, 403].contains(right.status), "\(route.path) as \(route.allowed): \(right.status)")
                #expect(right.status < 500, "\(route.path) as \(route.allowed): \(right.text)")
            }
            let forged = try await s.call("GET", "/v1/log", headers: ["Authorization": "Bearer not-a-token"])
            #expect(forged.status == 401)
            let metrics = try await s.call("GET", "/metrics")
            #expect(metrics.text.contains("bylaw_refused_requests_total{reason=\"role\"}"))
            // Each 403 is in the trail under the account refused; a 401 is not (no account to name).
            let refusals = try await s.call("GET", "/v1/log?verdict=refused&limit=100", as: "audit-admin")
            let rows = refusals.json as? [[String: Any]] ?? []
            #expect(rows.count == Self.guarded.count)
            #expect(Set(rows.compactMap { $0["actor"] as? String }) == Set(Self.guarded.map { "svc-\($0.refused)" }))
            // A refusal's record holds its verdict as its column does: the chain through them verifies.
            let verified = try await s.call("POST", "/v1/log/verify", as: "auditor")
            #expect(verified.object["ok"] as? Bool == true, "\(verified.text)")
        }
    }

    @Test("anonymous use only when configured, with the roles configured")
    func anonymous() async throws {
        var c = TestServer.configuration(audit: TestServer.freshStore())
        c.anonymousRoles = [.checker]
        try await TestServer.with(c) { s in
            let r = try await s.call("POST", "/v1/check", body: try TestServer.example(compliant))
            #expect(r.status == 200)
            let log = try await s.call("GET", "/v1/log")
            #expect(log.status == 403)
        }
    }

    @Test("fail closed: a trail that cannot be written gives 503 and no verdict")
    func failClosed() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil), trail: FailingTrail()) { s in
            let r = try await s.call("POST", "/v1/check", body: try TestServer.example(nonCompliant), as: "checker")
            #expect(r.status == 503)
            #expect((r.object["error"] as? [String: Any])?["code"] as? String == "trail.unavailable")
            #expect(!r.text.contains("non_compliant"))
            #expect(r.object["decisions"] == nil)
            let batch = try await s.call(
                "POST", "/v1/check:batch",
                text: "[" + String(decoding: try TestServer.example(compliant), as: UTF8.self) + "]",
                as: "checker", contentType: "application/json")
            #expect(batch.status != 200)
        }
    }

    @Test("a client that sends its whole body before reading gets the refusal, not a stalled connection")
    func refusalsReadTheRestOfTheBody() async throws {
        var c = TestServer.configuration(audit: TestServer.freshStore())
        c.maxBodyBytes = 4096
        try await TestServer.with(c) { s in
            // Larger than the loopback socket's buffers: unless the server reads it, the client cannot send it.
            let big = Data(repeating: UInt8(ascii: "a"), count: 24 << 20)
            let token = "Bearer " + (TestServer.tokens["checker"] ?? "")
            let cases: [(path: String, headers: [String: String], status: Int, code: String)] = [
                ("/v1/check", ["Authorization": token], 413, "body.too-large"),
                ("/v1/check", [:], 401, "auth.missing"),
                ("/v1/nothing", ["Authorization": token], 404, "route.not-found"),
            ]
            for c in cases {
                let port = s.port
                let reply = try await withCheckedThrowingContinuation { continuation in
                    DispatchQueue.global().async {
                        continuation.resume(
                            with: Result {
                                try RawHTTP.sendAllThenRead(
                                    port: port, method: "POST", path: c.path, headers: c.headers, body: big,
                                    sendTimeoutSeconds: 10)
                            })
                    }
                }
                #expect(reply.status == c.status, "\(c.path): \(reply.status) \(reply.text)")
                #expect(reply.text.contains(c.code), "\(c.path): \(reply.text)")
            }
        }
    }

    @Test(
        "a refusal is written before the rest of the body is read, and a client waiting for 100 Continue is not waited for"
    )
    func refusalsAreNotHeldBackByTheDrain() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            let port = s.port
            // Each client declares 10 MB and sends at most 1 KB of it, then waits 5 s for the answer.
            for expect in [false, true] {
                let reply = try await withCheckedThrowingContinuation { continuation in
                    DispatchQueue.global().async {
                        continuation.resume(
                            with: Result {
                                let fd = try RawHTTP.connected(port: port, timeoutSeconds: 5)
                                defer { close(fd) }
                                var head =
                                    "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 10000000\r\n"
                                if expect { head += "Expect: 100-continue\r\n" }
                                var bytes = Array((head + "\r\n").utf8)
                                if !expect { bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 1024) }
                                _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                                let got = RawHTTP.received(fd) { $0.count > 12 }
                                return try RawHTTP.parse(got + Array("\r\n\r\n".utf8))
                            })
                    }
                }
                #expect(reply.status == 401, "expect 100-continue \(expect): \(reply.status)")
            }
        }
    }

    @Test("HEAD is answered as GET is, with the same status and length and no body")
    func headIsAnsweredAsGet() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            for (path, role, status) in [
                ("/healthz", nil, 200), ("/openapi.json", nil, 200), ("/v1/log", "auditor", 200),
                ("/v1/log", nil, 401), ("/v1/log", "checker", 403), ("/v1/nothing", "auditor", 404),
            ] as [(String, String?, Int)] {
                let get = try await s.call("GET", path, as: role)
                let head = try await s.call("HEAD", path, as: role)
                #expect(get.status == status, "GET \(path): \(get.status)")
                #expect(head.status == status, "HEAD \(path): \(head.status)")
                #expect(head.body.isEmpty, "HEAD \(path) sent a body: \(head.text.prefix(80))")
                #expect(head.headers["content-type"] == get.headers["content-type"], "HEAD \(path)")
                // The same length as GET's body; a refusal's message names the method asked, so only an answer.
                if status == 200, let length = get.headers["content-length"] {
                    #expect(head.headers["content-length"] == length, "HEAD \(path): \(head.headers)")
                }
            }
        }
    }

    @Test("oversize and malformed bodies get a 4xx with a JSON diagnostic, never a 5xx")
    func hostileBodies() async throws {
        var c = TestServer.configuration(audit: TestServer.freshStore())
        c.maxBodyBytes = 4096
        try await TestServer.with(c) { s in
            let big = Data(repeating: UInt8(ascii: "a"), count: 10_000)
            let oversize = try await s.call("POST", "/v1/check", body: big, as: "checker")
            #expect(oversize.status == 413)
            #expect((oversize.object["error"] as? [String: Any])?["code"] as? String == "body.too-large")
            let cases: [(String, String, String)] = [
                ("/v1/check", "kind: [unclosed", "application/yaml"),
                ("/v1/check", "{\"kind\": ", "application/json"),
                ("/v1/check", "\u{FEFF}\u{0}\u{1}", "application/yaml"),
                ("/v1/check", "a: &a [*a, *a]\nb: *a", "application/yaml"),
                ("/v1/check:batch", "[{\"kind\": 1},", "application/json"),
                ("/v1/check:batch", "not an array", "application/json"),
                ("/v1/check:batch", "[]", "application/json"),
                ("/v1/explain", "- a list", "application/yaml"),
            ]
            for (path, text, type) in cases {
                let r = try await s.call("POST", path, text: text, as: "checker", contentType: type)
                #expect((400..<500).contains(r.status), "\(path) \(text.debugDescription): \(r.status) \(r.text)")
                #expect(r.headers["content-type"]?.hasPrefix("application/json") == true)
                #expect(r.json != nil, "\(path) \(text.debugDescription) answered JSON")
            }
            let unknown = try await s.call("GET", "/v1/nothing", as: "checker")
            #expect(unknown.status == 404)
            #expect((unknown.object["error"] as? [String: Any])?["code"] as? String == "route.not-found")
            // A path of ours asked with a method it does not take: 405, with the methods it takes.
            for (method, path, allowed) in [
                ("GET", "/v1/check", "POST"), ("DELETE", "/v1/log", "GET, HEAD"),
                ("POST", "/v1/audits/abc", "GET, HEAD, DELETE"), ("PUT", "/v1/log/7", "GET, HEAD"),
                ("HEAD", "/v1/check", "POST"),
            ] {
                let wrong = try await s.call(method, path, as: "auditor")
                #expect(wrong.status == 405, "\(method) \(path): \(wrong.text)")
                #expect(wrong.headers["allow"] == allowed, "\(method) \(path): \(wrong.headers)")
                // An answer to HEAD has no body to read the code from.
                if method != "HEAD" {
                    #expect((wrong.object["error"] as? [String: Any])?["code"] as? String == "route.method")
                }
            }
            let badDate = try await s.call("POST", "/v1/check?as_of=2017-13-45", body: Data("{}".utf8), as: "checker")
            #expect(badDate.status == 400)
            // An invalid decision's diagnostics speak the request's language; the codes stay as they are.
            let invalid = "kind: asset_disposal\nid: X\ndate: 2022-03-01\nunit: acftu/a\n"
            for (lang, words) in [("zh", "缺少必填字段"), ("en", "required field")] {
                let r = try await s.call(
                    "POST", "/v1/check?lang=\(lang)", text: invalid, as: "checker", contentType: "application/yaml")
                #expect(r.status == 422, "\(r.text)")
                #expect(r.headers["content-language"] == (lang == "zh" ? "zh-Hans" : "en"))
                #expect(r.text.contains(words) && r.text.contains("\"code\":\"decision.missing-field\""), "\(r.text)")
            }
        }
    }

    @Test("a batch is checked and recorded in order, each decision with its receipt")
    func batch() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            // JSON twins of two shipped examples, each put on one line (newlines are whitespace in JSON).
            let lines = try ["example-compliant-2018-furniture-scrap", "example-non-compliant-early-scrap-vehicle"].map
            {
                let url = TestServer.repository.appendingPathComponent("Fuzz/Corpus/json/\($0).json")
                return String(decoding: try Data(contentsOf: url), as: UTF8.self).replacingOccurrences(
                    of: "\n", with: " ")
            }
            let ndjson = try await s.call(
                "POST", "/v1/check:batch", text: lines.joined(separator: "\n") + "\n", as: "checker",
                contentType: "application/x-ndjson")
            #expect(ndjson.status == 200, "\(ndjson.text)")
            let decisions = ndjson.object["decisions"] as? [[String: Any]] ?? []
            #expect(decisions.map { $0["verdict"] as? String } == ["compliant", "non_compliant"])
            let seqs = decisions.compactMap { ($0["receipt"] as? [String: Any])?["seq"] as? Int }
            #expect(seqs == [1, 2])
            let array = try await s.call(
                "POST", "/v1/check:batch", text: "[" + lines.joined(separator: ",") + "]", as: "checker",
                contentType: "application/json")
            let again = array.object["decisions"] as? [[String: Any]] ?? []
            #expect(again.map { $0["verdict"] as? String } == ["compliant", "non_compliant"])
            #expect(again.compactMap { ($0["receipt"] as? [String: Any])?["seq"] as? Int } == [3, 4])
        }
    }

    @Test("max_batch: a batch with more decisions is refused with 413")
    func batchLimit() async throws {
        var c = TestServer.configuration(audit: TestServer.freshStore())
        c.maxBatch = 2
        try await TestServer.with(c) { s in
            let r = try await s.call(
                "POST", "/v1/check:batch", text: "[{}, {}, {}]", as: "checker", contentType: "application/json")
            #expect(r.status == 413)
            #expect((r.object["error"] as? [String: Any])?["code"] as? String == "batch.too-many")
        }
    }

    @Test("a web page of another site cannot post to the API; programs and the service's own pages can")
    func crossSitePostsAreRefused() async throws {
        let store = TestServer.freshStore()
        try await TestServer.with(TestServer.configuration(audit: store)) { s in
            let body = try TestServer.example("asset-management/examples/compliant-vehicle-auction.yaml")
            let own = "http://127.0.0.1:\(s.port)"
            let cases: [([String: String], Int)] = [
                (["Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"], 403),
                (["Sec-Fetch-Site": "same-site"], 403),
                (["Origin": "https://elsewhere.example"], 403),
                (["Origin": "http://127.0.0.1:1"], 403),
                (["Origin": "null"], 403),
                // A browser's own-origin request, a typed address, an old browser on the same origin (however it
                // writes it), a program.
                (["Sec-Fetch-Site": "same-origin", "Origin": own], 200),
                (["Sec-Fetch-Site": "none"], 200),
                (["Origin": own.uppercased()], 200),
                (["Origin": own + "/"], 200),
                ([:], 200),
            ]
            var recorded = 0
            for (headers, status) in cases {
                let r = try await s.call(
                    "POST", "/v1/check", body: body, as: "checker",
                    headers: headers.merging(["Content-Type": "application/yaml"]) { a, _ in a })
                #expect(r.status == status, "\(headers): \(r.status) \(r.text)")
                if status == 403 {
                    #expect((r.object["error"] as? [String: Any])?["code"] as? String == "request.cross-site")
                } else {
                    recorded += 1
                }
            }
            // Refused before the credentials are read: nothing of them reaches the trail.
            let log = try await s.call("GET", "/v1/log?limit=100", as: "auditor")
            #expect((log.json as? [Any])?.count == recorded, "\(log.text.prefix(300))")
            // Reading is not changing: a GET is answered whoever's page asks (no CORS: the page cannot read it).
            let get = try await s.call("GET", "/v1/log", as: "auditor", headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(get.status == 200)
            // But a GET the account may not make, asked by another site's page (an image anywhere), is refused
            // without a record: it would grow the trail in the signed-in browser's name.
            let image = try await s.call(
                "GET", "/v1/log/export", as: "checker", headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(image.status == 403)
            let after = try await s.call("GET", "/v1/log?limit=100", as: "auditor")
            #expect((after.json as? [Any])?.count == recorded, "\(after.text.prefix(300))")
            // The same refusal from the service's own page or a program is recorded, as before.
            let own403 = try await s.call("GET", "/v1/log/export", as: "checker")
            #expect(own403.status == 403)
            let recordedRefusal = try await s.call("GET", "/v1/log?limit=100", as: "auditor")
            #expect((recordedRefusal.json as? [Any])?.count == recorded + 1)
            let zh = try await s.call(
                "POST", "/v1/check?lang=zh", body: body, as: "checker", headers: ["Origin": "https://elsewhere.example"]
            )
            #expect(zh.status == 403)
            #expect(((zh.object["error"] as? [String: Any])?["message"] as? String)?.contains("其他网站") == true)
        }
    }

    @Test("a decision or rule set sent as a form is refused with 415, before its body is read")
    func formsAreRefused() async throws {
        try await TestServer.with(TestServer.configuration(audit: TestServer.freshStore())) { s in
            let body = try TestServer.example("asset-management/examples/compliant-vehicle-auction.yaml")
            for (path, role) in [
                ("/v1/check", "checker"), ("/v1/check:batch", "checker"), ("/v1/explain", "checker"),
                ("/v1/lint", "author"), ("/v1/test", "author"),
            ] {
                for type in ["application/x-www-form-urlencoded", "Multipart/Form-Data; boundary=x"] {
                    let r = try await s.call("POST", path, body: body, as: role, headers: ["Content-Type": type])
                    #expect(r.status == 415, "\(path) \(type): \(r.status) \(r.text)")
                    #expect((r.object["error"] as? [String: Any])?["code"] as? String == "body.media-type")
                }
            }
            // The same decision sent as what it is, or with no type at all, is checked.
            for type in ["application/yaml", "text/plain", nil] as [String?] {
                let r = try await s.call(
                    "POST", "/v1/check", body: body, as: "checker", headers: type.map { ["Content-Type": $0] } ?? [:])
                #expect(r.status == 200, "\(type ?? "no type"): \(r.text.prefix(200))")
            }
        }
    }
}
