import Foundation
import Testing

@testable import BylawWeb

@Suite("rule playground")
struct PlaygroundTests {
    static let file = WebHarness.repo.appendingPathComponent("rules/proposal-handling/ruleset.yaml").path

    @Test("an author lints an edited copy and sees the error at its line; the rules on disk are untouched")
    func lint() throws {
        let h = WebHarness()
        var c = h.client("author1")
        let page = c.get("/playground?file=" + FormFields.encode(Self.file))
        #expect(page.status == 200 && page.text.contains("<textarea id=\"ruleset\""))
        let original = try String(contentsOfFile: Self.file, encoding: .utf8)
        let cases = PlaygroundPage.testsText(for: Self.file)
        #expect(cases.contains("cases:"))
        let tested = c.post(
            "/playground",
            [("csrf", c.csrf), ("file", Self.file), ("ruleset", original), ("cases", cases), ("action", "test")]
        ).text
        #expect(tested.contains("id=\"test-results\""))
        #expect(tested.contains("0 个未通过"))
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.contains("require:") })
        var broken = lines
        broken[at] = broken[at].replacingOccurrences(of: "require:", with: "require: no_such_field ||")
        let linted = c.post(
            "/playground",
            [
                ("csrf", c.csrf), ("file", Self.file), ("ruleset", broken.joined(separator: "\r\n")), ("cases", cases),
                ("action", "lint"),
            ]
        ).text
        #expect(linted.contains("<a href=\"#line-\(at + 1)\">\(at + 1):"))
        #expect(linted.contains("<li id=\"line-\(at + 1)\" class=\"flag\">"))
        // A Chinese page says the severity and the message in Chinese, as `bylaw lint` does.
        #expect(linted.contains("<span class=\"bad\">错误</span>"))
        #expect(linted.contains("引用了未声明的名称 `no_such_field`"))
        #expect(try String(contentsOfFile: Self.file, encoding: .utf8) == original)
    }

    @Test("an author explains one case, from the texts as edited, value by value; an unknown case is said so")
    func explainACase() throws {
        let h = WebHarness()
        var c = h.client("author1")
        _ = c.get("/playground?file=" + FormFields.encode(Self.file))
        let original = try String(contentsOfFile: Self.file, encoding: .utf8)
        let cases = PlaygroundPage.testsText(for: Self.file)
        let name = "执委提案逾期答复且由经办人签发（示例文件）"
        let tested = c.post(
            "/playground",
            [("csrf", c.csrf), ("file", Self.file), ("ruleset", original), ("cases", cases), ("action", "test")]
        ).text
        // Each case's row has its own button, which submits the editing form.
        #expect(tested.contains("form=\"play-form\" name=\"case\" value=\"\(name)\""))
        let explained = c.post(
            "/playground",
            [("csrf", c.csrf), ("file", Self.file), ("ruleset", original), ("cases", cases), ("case", name)]
        ).text
        #expect(explained.contains("id=\"test-results\""))
        #expect(explained.contains("<h2 id=\"case-explained\">用例“\(name)”"))
        let pre = try #require(explained.range(of: "<pre class=\"explanation\">")).upperBound
        let text = explained[pre...].prefix { $0 != "<" }
        #expect(text.contains("✗ PH-08"), "\(text.prefix(400))")
        #expect(text.contains("✓ PH-01") && text.contains("require"))
        #expect(text.contains("不合规"))
        // An edit is explained as edited: PH-08 made to pass shows it passing.
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let at = try #require(lines.firstIndex { $0 == "  - id: PH-08" })
        let when = try #require(lines[at...].firstIndex { $0.hasPrefix("    when:") })
        var edited = lines
        edited[when] = "    when: false"
        let after = c.post(
            "/playground",
            [
                ("csrf", c.csrf), ("file", Self.file), ("ruleset", edited.joined(separator: "\n")), ("cases", cases),
                ("case", name),
            ]
        ).text
        #expect(after.contains("id=\"case-explained\""))
        #expect(!after.contains("✗ PH-08") && after.contains("PH-08"))
        let unknown = c.post(
            "/playground",
            [
                ("csrf", c.csrf), ("file", Self.file), ("ruleset", original), ("cases", cases),
                ("case", "<b>no such</b>"),
            ]
        ).text
        #expect(unknown.contains("测试用例中没有名为“&lt;b&gt;no such&lt;/b&gt;”的用例。"))
        #expect(!unknown.contains("<b>no such</b>"))
        #expect(try String(contentsOfFile: Self.file, encoding: .utf8) == original)
    }

    @Test("only authors may use the playground")
    func authorsOnly() {
        let h = WebHarness()
        var c = h.client("checker1")
        #expect(c.get("/playground").status == 403)
        #expect(c.post("/playground", [("csrf", c.csrf), ("ruleset", "x"), ("action", "lint")]).status == 403)
    }
}
