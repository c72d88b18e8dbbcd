import Foundation
import Testing

@testable import BylawAudit
@testable import BylawWeb

@Suite("trail export and verification, version changes, refusals recorded, ended sessions")
struct TrailDiffRefusalTests {
    @Test("an audit-admin downloads the export, one canonical record a line; an auditor may not and is recorded")
    func export() throws {
        let h = WebHarness()
        var checker = h.client("checker1")
        _ = checker.get("/check")
        _ = checker.check(file: "a.yaml", bytes: Examples.bytes(Examples.nonCompliant))
        _ = checker.check(file: "b.yaml", bytes: Examples.bytes(Examples.compliant))
        var admin = h.client("admin1")
        #expect(admin.get("/trail").text.contains("id=\"export\""))
        let r = admin.get("/trail/export")
        #expect(r.status == 200)
        #expect(r.header("Content-Type") == "application/x-ndjson; charset=utf-8")
        #expect(r.header("Content-Disposition")?.hasPrefix("attachment; filename=\"bylaw-trail-") == true)
        let lines = r.text.split(separator: "\n")
        #expect(lines.count == 2)
        let store = try AuditStore(path: h.trailPath)
        #expect(String(lines[0]) == String(decoding: try #require(try store.canonical(of: "1")), as: UTF8.self))
        #expect(lines[1].contains("HR-2025"))
        var auditor = h.client("auditor1")
        #expect(!auditor.get("/trail").text.contains("id=\"export\""))
        #expect(auditor.get("/trail/export").status == 403)
        let refused = h.refusals()
        #expect(refused.map(\.actor) == ["auditor1"])
        let record = h.record(try #require(refused.first).seq)
        #expect(record["route"] as? String == "GET /ui/trail/export")
        #expect(record["reason"] as? String == "role")
        // A refusal is a record like any other: the chain through it verifies.
        _ = auditor.get("/trail")
        #expect(auditor.verify().contains("校验通过：全部 3 条记录完整"))
    }

    @Test("verifying shows a progress bar that the script follows, then the result; runs are the account's own")
    func verifyWithProgress() {
        let h = WebHarness()
        var checker = h.client("checker1")
        _ = checker.get("/check")
        for _ in 0..<3 { _ = checker.check(file: "a.yaml", bytes: Examples.bytes(Examples.nonCompliant)) }
        var auditor = h.client("auditor1")
        _ = auditor.get("/trail")
        let started = auditor.post("/trail/verify", [("csrf", auditor.csrf)])
        #expect(started.status == 303)
        let location = started.header("Location") ?? ""
        #expect(location.hasPrefix("/ui/trail/verify?id="))
        let page = auditor.verify()
        #expect(page.contains("<progress id=\"verify-progress\" value=\"3\" max=\"3\""))
        #expect(page.contains("校验通过：全部 3 条记录完整"))
        #expect(page.contains("链头为第 3 条记录"))
        let head = (try? AuditStore(path: h.trailPath).head().chainHash) ?? []
        #expect(page.contains("哈希值 <code>\(head.map { String(format: "%02x", $0) }.joined())</code>"))
        #expect(!page.contains("data-poll"))
        #expect(page.contains("data-count-template=\"已校验至第 {0} 条，共 {1} 条\">已校验至第 3 条，共 3 条<"))
        let id = String(location.split(separator: "=").last ?? "")
        let status = auditor.get("/trail/verify/status?id=" + id).text
        #expect(status == "{\"done\":3,\"total\":3,\"finished\":true}")
        var other = h.client("admin1")
        #expect(other.get("/trail/verify?id=" + id).status == 404)
        #expect(auditor.get("/trail/verify?id=nope").text.contains("找不到这次校验"))
        var english = h.client("auditor1")
        _ = english.get("/trail?lang=en")
        #expect(english.csrf != auditor.csrf)
        #expect(english.verify().contains("Verified: all 3 records are intact"))
    }

    @Test("part-way through, the page polls for progress, says it is running, and offers a reload without script")
    func verifyRunning() {
        let h = WebHarness()
        var auditor = h.client("auditor1")
        _ = auditor.get("/trail")
        var run = TrailVerifications.Run(id: "run1", owner: "auditor1", total: 10_000)
        run.through = 4096
        h.app.verifications.put(run)
        let page = auditor.get("/trail/verify?id=run1").text
        #expect(page.contains("value=\"4096\" max=\"10000\" data-poll=\"/ui/trail/verify/status?id=run1\""))
        #expect(page.contains("id=\"verify-running\""))
        #expect(page.contains("<noscript>") && page.contains("/ui/trail/verify?id=run1\">刷新</a>"))
        #expect(!page.contains("id=\"verify-result\""))
        let status = auditor.get("/trail/verify/status?id=run1").text
        #expect(status == "{\"done\":4096,\"total\":10000,\"finished\":false}")
        // Clicking again while it runs follows this run rather than starting another.
        let again = auditor.post("/trail/verify", [("csrf", auditor.csrf)])
        #expect(again.header("Location") == "/ui/trail/verify?id=run1")
    }

    @Test("a chain that does not hold is reported with the record it breaks at")
    func verifyBroken() {
        let run = TrailVerifications.Run(id: "x", owner: "a", total: 5)
        #expect(!run.finished)
        var report = VerifyReport(records: 1, headSeq: 1, headHash: "ab", problem: (2, "its leaf hash does not match"))
        let ctx = PageContext(lang: .zh, user: nil, csrf: "", base: "/ui", path: "/trail/verify")
        let html = TrailVerifyView.result(report, ctx)
        #expect(html.contains("校验未通过：第 2 条记录有问题"))
        #expect(html.contains("its leaf hash does not match"))
        #expect(html.contains("role=\"alert\""))
        report.problem = (3, "<b>markup</b>")
        #expect(!TrailVerifyView.result(report, ctx).contains("<b>"))
    }

    @Test("the library links each version to the next and shows what changed, in the page's language")
    func versionChanges() {
        let h = WebHarness()
        var c = h.client("checker1")
        let library = c.get("/library?date=2025-01-01").text
        #expect(library.contains("/ui/library/diff?ruleset=cadre-selection&amp;from=1.3.0&amp;to=2.3.0"))
        #expect(library.contains("1.3.0 版 → 2.3.0 版有何变化"))
        let diff = c.get("/library/diff?ruleset=cadre-selection&from=1.3.0&to=2.3.0")
        #expect(diff.status == 200)
        // The same counts as `bylaw diff` prints for these two files.
        #expect(diff.text.contains("共 188 处变化：规则新增 30 条、删除 15 条、修改 16 条。"))
        // The rules first and open, the other sections folded.
        #expect(diff.text.contains("<details class=\"diff\" open><summary>规则（"))
        #expect(diff.text.contains("<details class=\"diff\"><summary>输入字段（"))
        let rulesAt = diff.text.range(of: "id=\"diff-rules\"")?.lowerBound
        let inputAt = diff.text.range(of: "id=\"diff-input\"")?.lowerBound
        #expect(rulesAt.flatMap { r in inputAt.map { r < $0 } } == true)
        #expect(diff.text.contains("<td class=\"mark\">删除</td><td><code>CS-20</code></td>"))
        let english = c.get("/library/diff?ruleset=cadre-selection&from=1.3.0&to=2.3.0&lang=en").text
        #expect(english.contains("188 differences: rules 30 added, 15 removed, 16 changed."))
        #expect(english.contains("<summary>Rules ("))
        let same = c.get("/library/diff?ruleset=cadre-selection&from=2.3.0&to=2.3.0&lang=zh").text
        #expect(same.contains("两个版本之间没有差异"))
        let missing = c.get("/library/diff?ruleset=%3Cscript%3E&from=1&to=2")
        #expect(missing.status == 404)
        #expect(!missing.text.contains("<script>"))
    }

    @Test("a failed sign-in is recorded with the name typed as data, never as the actor")
    func failedSignInRecorded() {
        let h = WebHarness()
        var c = WebClient(app: h.app)
        let form = c.get("/signin")
        let token = WebClient.csrf(in: form.text) ?? ""
        let wrong = c.post("/signin", ["csrf": token, "name": "admin1", "password": "guess"])
        #expect(wrong.status == 401)
        let forged = c.post("/signin", ["csrf": "forged", "name": "admin1", "password": "guess"])
        #expect(forged.status == 403)
        let refused = h.refusals()
        #expect(refused.map(\.actor) == ["-", "-"])
        let first = h.record(refused.first?.seq ?? 0)
        #expect(first["reason"] as? String == "signin")
        #expect(first["account_given"] as? String == "admin1")
        #expect(h.record(refused.last?.seq ?? 0)["reason"] as? String == "csrf")
        var reader = h.client("auditor1")
        let listed = reader.get("/trail?verdict=refused").text
        #expect(listed.contains("登录失败（输入的账户名：admin1）"))
        #expect(listed.contains("安全校验未通过：POST /ui/signin"))
        var auditor = h.client("auditor1")
        _ = auditor.get("/trail")
        #expect(auditor.verify().contains("校验通过：全部 2 条记录完整"))
    }

    @Test("refusals from no account are capped a minute; the next one recorded counts those left out")
    func anonymousCap() {
        let h = WebHarness()
        let refusals = Refusals(anonymousPerMinute: 2)
        let t0 = Date(timeIntervalSince1970: 2_000_000_000)
        for k in 0..<5 {
            #expect(
                refusals.record(
                    .signin, actor: nil, route: "POST /ui/signin", backend: h.app.backend, now: t0 + Double(k))
                    == nil)
        }
        #expect(h.refusals().count == 2)
        // A signed-in account's refusals are never capped.
        _ = refusals.record(.role, actor: "checker1", route: "GET /ui/trail", backend: h.app.backend, now: t0 + 5)
        #expect(h.refusals().count == 3)
        _ = refusals.record(.signin, actor: nil, route: "POST /ui/signin", backend: h.app.backend, now: t0 + 61)
        let all = h.refusals()
        #expect(all.count == 4)
        #expect(h.record(all.last?.seq ?? 0)["refusals_left_out"] as? String == "3")
    }

    @Test("after a restart an old session cookie leads to sign-in with a clear notice, not an error")
    func sessionEndedByRestart() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        let restarted = WebApp(backend: h.app.backend, accounts: h.app.accounts)
        var after = WebClient(app: restarted)
        after.cookies = c.cookies
        let r = after.get("/check")
        #expect(r.status == 303)
        #expect(r.header("Location") == "/ui/signin?ended=1&next=%2Fcheck")
        let signin = after.get("/signin?ended=1&next=%2Fcheck")
        #expect(signin.text.contains("您的登录已结束"))
        after.cookies = c.cookies
        let posted = after.post("/check", [("csrf", c.csrf)])
        #expect(posted.status == 401)
        #expect(posted.text.contains("id=\"session-ended\""))
        #expect(after.cookies["bylaw_session"] == nil)
        #expect(h.records() == 0)
    }

    @Test("an upload over the pages' limit gets a page in its language naming the limit")
    func tooLarge() {
        let h = WebHarness()
        let app = WebApp(backend: h.app.backend, accounts: h.app.accounts, maxUploadBytes: 2 * 1024 * 1024)
        let zh = app.tooLarge(WebRequest(method: .get, path: "/batch"))
        #expect(zh.status == 413)
        #expect(zh.text.contains("超过了网页允许的 2 MB"))
        let en = app.tooLarge(WebRequest(method: .get, path: "/batch", cookies: ["lang": "en"]))
        #expect(en.text.contains("larger than the 2 MB these pages accept"))
    }

    @Test("the 2014 cadre-selection form labels its fields in Chinese")
    func cadre2014Labels() {
        let h = WebHarness()
        var c = h.client("checker1")
        let page = c.get("/check?kind=cadre_promotion&date=2016-06-01").text
        for label in ["拟提拔人选", "出生日期", "现任职务层次", "近年年度考核", "民主推荐日期", "讨论决定会议", "任前公示"] {
            #expect(page.contains(label), "\(label)")
        }
        #expect(!page.contains("<code>birth_date</code>") && !page.contains("<code>current_rank</code>"))
    }
}
