import Foundation
import Testing

@testable import BylawWeb

@Suite("rule library and trail pages")
struct LibraryTrailTests {
    @Test("the library lists the sets in force on a date with their other versions")
    func inForce() {
        let h = WebHarness()
        var c = h.client("author1")
        let page = c.get("/library?date=2025-09-16").text
        #expect(page.contains("<code>cadre-selection</code>"))
        #expect(page.contains("version=2.3.0"))
        var checker = h.client("checker1")
        let plain = checker.get("/library?date=2025-09-16").text
        #expect(plain.contains("<code>cadre-selection</code>") && !plain.contains("/library/book"))
        #expect(page.contains("在 2025-09-16 有效的规则集"))
        #expect(c.get("/library?date=tomorrow").status == 400)
    }

    @Test(
        "search finds rules by article, keyword and rule id",
        arguments: [
            ("第三十一条", "CS2-15"), ("共同签字", "CS2-15"), ("cs2-23", "CS2-23"),
        ])
    func search(q: String, rule: String) {
        let h = WebHarness()
        var c = h.client("checker1")
        let page = c.get("/library?date=2025-09-16&q=" + FormFields.encode(q)).text
        #expect(page.contains("<code>\(rule)</code>"))
        #expect(page.contains("id=\"results\""))
        let none = c.get("/library?date=2025-09-16&q=%3Cscript%3E").text
        #expect(none.contains("没有找到匹配的规则"))
        #expect(none.contains("&lt;script&gt;") && !none.contains("<script>"))
    }

    @Test("the rule book of a version is rendered for authors; an unknown one is not found")
    func book() {
        let h = WebHarness()
        var checker = h.client("checker1")
        #expect(checker.get("/library/book?ruleset=cadre-selection&version=2.3.0").status == 403)
        var c = h.client("author1")
        let r = c.get("/library/book?ruleset=cadre-selection&version=2.3.0")
        #expect(r.status == 200)
        #expect(r.text.contains("CS2-15"))
        #expect(r.header("Content-Security-Policy")?.contains("script-src") == false)
        #expect(c.get("/library/book?ruleset=nope").status == 404)
    }

    @Test("an auditor lists, opens and verifies the records a checker made")
    func trail() {
        let h = WebHarness()
        var checker = h.client("checker1")
        _ = checker.get("/check")
        _ = checker.check(file: "a.yaml", bytes: Examples.bytes(Examples.nonCompliant))
        var auditor = h.client("auditor1")
        let list = auditor.get("/trail?verdict=non_compliant").text
        #expect(list.contains("HR-2025-0044") && list.contains("checker1"))
        #expect(auditor.get("/trail?verdict=compliant").text.contains("没有符合条件的记录"))
        let record = auditor.get("/trail/record?seq=1")
        #expect(record.status == 200 && record.text.contains("CS2-15"))
        #expect(auditor.get("/trail/record?seq=99").status == 404)
        let verified = auditor.verify()
        #expect(verified.contains("校验通过：全部 1 条记录完整"))
    }
}
