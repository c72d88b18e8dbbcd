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

    @Test("only authors may use the playground")
    func authorsOnly() {
        let h = WebHarness()
        var c = h.client("checker1")
        #expect(c.get("/playground").status == 403)
        #expect(c.post("/playground", [("csrf", c.csrf), ("ruleset", "x"), ("action", "lint")]).status == 403)
    }
}
