import Foundation
import Testing

@testable import Bylaw
@testable import BylawWeb

@Suite("sign-in, CSRF, roles and headers")
struct SecurityTests {
    @Test("a page without a session sends the browser to sign in, keeping where it was going")
    func signInFirst() {
        let h = WebHarness()
        var c = WebClient(app: h.app)
        let r = c.get("/trail")
        #expect(r.status == 303)
        #expect(r.header("Location") == "/ui/signin?next=%2Ftrail")
        #expect(c.post("/check", [("kind", "x")]).status == 403)
    }

    @Test("a wrong password is refused; a sign-in without its form's token is refused")
    func signIn() {
        let h = WebHarness()
        var c = WebClient(app: h.app)
        let form = c.get("/signin")
        let token = WebClient.csrf(in: form.text) ?? ""
        #expect(!token.isEmpty)
        let wrong = c.post("/signin", ["csrf": token, "name": "checker1", "password": "nope"])
        #expect(wrong.status == 401)
        #expect(wrong.header("Set-Cookie")?.contains("bylaw_session") != true)
        var forged = WebClient(app: h.app)
        let r = forged.post("/signin", ["csrf": token, "name": "checker1", "password": WebHarness.password])
        #expect(r.status == 403)
        #expect(forged.cookies["bylaw_session"] == nil)
        let ok = c.post(
            "/signin", ["csrf": c.csrf, "name": "checker1", "password": WebHarness.password, "next": "/library"])
        #expect(ok.status == 303)
        #expect(ok.header("Location") == "/ui/library")
        #expect(ok.header("Set-Cookie")?.contains("HttpOnly; SameSite=Strict") == true)
    }

    @Test(
        "sign-in never sends the browser to another host",
        arguments: ["//evil.example/x", "https://evil.example", "/\\evil", "check"])
    func openRedirect(next: String) {
        #expect(SignInPage.safeNext(next) == "/")
    }

    @Test("a form posted without the session's CSRF token is refused; the refusal is recorded, the decision is not")
    func csrfRefusal() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        for token in ["", "0000", String(repeating: "a", count: 64)] {
            let r = c.post(
                "/check", [("csrf", token)],
                files: [UploadedFile(field: "file", filename: "d.yaml", bytes: Examples.bytes(Examples.compliant))])
            #expect(r.status == 403)
            #expect(r.text.contains("请求被拒绝"))
        }
        #expect(h.refusals().map(\.actor) == ["checker1", "checker1", "checker1"])
        #expect(h.records() == 3)
        let signout = c.post("/signout", [("csrf", "wrong")])
        #expect(signout.status == 403)
        #expect(h.records() == 4)
        #expect(c.get("/check").status == 200)
    }

    @Test(
        "each role sees only what it may do",
        arguments: [
            ("checker1", true, false), ("auditor1", false, true), ("admin1", false, true), ("author1", false, false),
        ])
    func roleHiding(name: String, check: Bool, trail: Bool) {
        let h = WebHarness()
        var c = h.client(name)
        let page = c.get("/library").text
        #expect(page.contains("href=\"/ui/trail\"") == trail)
        #expect(page.contains("href=\"/ui/batch\"") == trail)
        #expect(page.contains("href=\"/ui/check\"") == check)
        #expect(page.contains("href=\"/ui/library\""))
        #expect(page.contains(name))
        #expect(c.get("/check").status == (check ? 200 : 403))
        #expect(c.get("/batch").status == (trail ? 200 : 403))
        let r = c.get("/trail")
        #expect(r.status == (trail ? 200 : 403))
        #expect(r.text.contains("校验整条日志链") == trail)
        #expect(c.post("/trail/verify", [("csrf", c.csrf)]).status == (trail ? 303 : 403))
        // Each refusal for the role is in the trail, by the account refused.
        let refused = h.refusals()
        #expect(refused.count == (check ? 0 : 1) + (trail ? 0 : 3))
        #expect(refused.allSatisfy { $0.actor == name })
    }

    @Test("every page carries a CSP that allows nothing from another host and no inline script")
    func headers() {
        let h = WebHarness()
        var c = h.client("checker1")
        for path in ["/check", "/library", "/signin", "/nowhere"] {
            let r = c.get(path)
            let csp = r.header("Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'none'"), "\(path)")
            #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "\(path)")
            #expect(!r.text.contains("<script>"), "\(path)")
            #expect(!r.text.contains("http://") && !r.text.contains("https://"), "\(path)")
        }
    }

    @Test("signing out ends the session")
    func signOut() {
        let h = WebHarness()
        var c = h.client("auditor1")
        let old = c.cookies
        _ = c.get("/library")
        #expect(c.post("/signout", [("csrf", c.csrf)]).status == 303)
        c.cookies = old
        #expect(c.get("/library").status == 303)
    }

    @Test("the language follows ?lang= and stays")
    func language() {
        let h = WebHarness()
        var c = h.client("checker1")
        #expect(c.get("/check").text.contains("<html lang=\"zh-Hans\""))
        let en = c.get("/check?lang=en").text
        #expect(en.contains("<html lang=\"en\"") && en.contains("Check a decision"))
        #expect(c.get("/library").text.contains("Rule library"))
    }

    @Test("forms parse: urlencoded and multipart, with files; malformed bodies give empty forms")
    func parsing() {
        let u = FormFields(urlencoded: "a=1+2&b=%E4%B8%AD&c=%zz&a=3")
        #expect(u["a"] == "1 2" && u.all("a") == ["1 2", "3"] && u["b"] == "中" && u["c"] == "%zz")
        let body = Array(
            ("--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n"
                + "Content-Type: text/yaml\r\n\r\nkind: x\r\n\r\n--XyZ--\r\n").utf8)
        let r = WebRequest.parse(
            method: "POST", path: "/check", query: "", contentType: "multipart/form-data; boundary=XyZ", body: body,
            cookieHeader: "a=1; bylaw_session=s")
        #expect(r?.form["csrf"] == "tok")
        #expect(r?.files.first?.filename == "a.yaml")
        #expect(r?.files.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "kind: x\r\n")
        #expect(r?.cookies["bylaw_session"] == "s")
        let junk = WebRequest.parse(
            method: "POST", path: "/check", query: "", contentType: "multipart/form-data; boundary=Q",
            body: [0xFF, 0x2D],
            cookieHeader: nil)
        #expect(junk?.form.pairs.isEmpty == true)
        #expect(
            WebRequest.parse(method: "TRACE", path: "/", query: "", contentType: nil, body: [], cookieHeader: nil)
                == nil)
    }
}
