import Bylaw
import BylawYAML
import Foundation
import Testing

@testable import BylawWeb

@Suite("check page")
struct CheckPageTests {
    /// The form fields a person would fill to give the same decision as a YAML file: every scalar under its path.
    static func formFields(of relative: String) -> [(String, String)] {
        guard let node = try? DecisionFile.parse(bytes: Examples.bytes(relative), name: relative, json: false) else {
            return []
        }
        var out: [(String, String)] = []
        func walk(_ n: YAMLNode, _ path: String) {
            if let pairs = n.mapping {
                for p in pairs {
                    let key = p.key.scalar?.text ?? ""
                    walk(p.value, path.isEmpty ? key : path + "." + key)
                }
            } else if let items = n.sequence {
                for (i, item) in items.enumerated() { walk(item, path + "[\(i)]") }
            } else if let s = n.scalar {
                out.append((path, s.text))
            }
        }
        walk(node, "")
        return out
    }

    @Test("the form is made from the input schema: dates, selects, repeatable lists, exact decimals")
    func formFromSchema() {
        let h = WebHarness()
        var c = h.client("checker1")
        let page = c.get("/check?kind=cadre_promotion&date=2025-09-16").text
        #expect(page.contains("<input type=\"date\" name=\"candidate.birth_date\""))
        #expect(page.contains("<select name=\"candidate.current_rank\""))
        #expect(page.contains("<option value=\"副处\">副处</option>"))
        #expect(page.contains("name=\"candidate.recent_ratings[0].year\""))
        #expect(page.contains("<template>"))
        #expect(page.contains("data-add=\"l-candidate-recent-ratings\""))
        #expect(page.contains("name=\"csrf\" value=\"\(c.csrf)\""))
        let assets = c.get("/check?kind=asset_disposal&date=2024-05-01").text
        #expect(assets.contains("inputmode=\"decimal\""))
        #expect(assets.contains("账面原值") || assets.contains("账面价值"))
    }

    @Test("decimals are written exactly as typed; text in a number field stays text and is reported")
    func exactScalars() {
        #expect(FormDecision.scalar("650000.10", type: .decimal) == "650000.10")
        #expect(FormDecision.scalar("1e3", type: .decimal) == "\"1e3\"")
        #expect(FormDecision.scalar("2025-01-02", type: .date) == "2025-01-02")
        #expect(FormDecision.scalar("x: y", type: .string) == "\"x: y\"")
        #expect(FormDecision.quoted("a\"b\\c\n") == "\"a\\\"b\\\\c\\n\"")
    }

    @Test(
        "a form filled like an example file gets the example's verdict and articles",
        arguments: [
            (Examples.compliant, "合规", [String]()),
            (Examples.nonCompliant, "不合规", ["CS2-15", "CS2-23", "第三十一条"]),
        ])
    func formRoundTrip(file: String, verdict: String, cited: [String]) {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check?kind=cadre_promotion&date=2025-09-16")
        let fields = Self.formFields(of: file)
        #expect(fields.count > 20)
        let page = c.post("/check", [("csrf", c.csrf)] + fields)
        #expect(page.status == 200)
        #expect(page.text.contains("class=\"verdict"))
        #expect(page.text.contains(">\(verdict)</p>"))
        for s in cited { #expect(page.text.contains(s)) }
        #expect(page.text.contains("审计记录回执"))
        #expect(h.records() == 1)
    }

    @Test("an uploaded file is checked and recorded; the receipt is shown")
    func upload() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        let page = c.check(file: "p.yaml", bytes: Examples.bytes(Examples.nonCompliant)).text
        #expect(page.contains(">不合规</p>"))
        #expect(page.contains("data-rule=\"CS2-15\""))
        #expect(page.contains("signers = [&quot;党组书记&quot;]"))
        #expect(page.contains("<details><summary>符合的规定"))
        #expect(h.records() == 1)
        // A checker sees the receipt but no link into the trail.
        #expect(!page.contains("/trail/record"))
    }

    @Test("a form with mistakes shows every problem beside its field, and nothing is judged")
    func problemsBesideFields() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check?kind=cadre_promotion&date=2025-09-16")
        var fields = Self.formFields(of: Examples.compliant).filter { $0.0 != "candidate.birth_date" }
        fields = fields.map { $0.0 == "candidate.grassroots_years" ? ($0.0, "六年") : $0 }
        let page = c.post("/check", [("csrf", c.csrf)] + fields)
        #expect(page.status == 422)
        let text = page.text
        #expect(text.contains("id=\"problems\""))
        #expect(!text.contains("class=\"verdict"))
        for field in ["candidate.birth_date", "candidate.grassroots_years"] {
            let id = "f-" + HTML.id(field)
            guard let at = text.range(of: "<label for=\"\(id)\">") else {
                Issue.record("no control for \(field)")
                continue
            }
            let after = text[at.upperBound...].prefix(1200)
            #expect(after.contains("class=\"problem\""), "no problem beside \(field)")
        }
        #expect(text.contains("value=\"六年\""))
        // The summary names the fields as the form labels them.
        #expect(text.contains(">拟提拔人选 › 出生日期</a>：必填项未填写"))
    }

    @Test("markup in a decision id or a field is shown as text, never run")
    func escaping() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        var doc = String(decoding: Examples.bytes(Examples.nonCompliant), as: UTF8.self)
        doc = doc.replacingOccurrences(of: "id: HR-2025-0044", with: "id: \"<script>alert(1)</script>\"")
        doc = doc.replacingOccurrences(of: "name: 何俊峰", with: "name: \"<img src=x onerror=alert(2)>\"")
        let page = c.check(file: "x.yaml", bytes: Array(doc.utf8)).text
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        let form = c.post(
            "/check", [("csrf", c.csrf), ("kind", "cadre_promotion"), ("date", "2025-09-16"), ("id", "\"><b>x</b>")])
        #expect(form.text.contains("value=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;\""))
        #expect(!form.text.contains("<b>x</b>"))
    }

    @Test("hostile uploads never crash and never give a 5xx")
    func hostileUploads() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        let inputs: [[UInt8]] = [
            [], [0xFF, 0xFE, 0x00], Array("a: &x [*x, *x]\nb: *x".utf8), Array("[1, 2".utf8),
            Array(String(repeating: "[", count: 10_000).utf8),
        ]
        for bytes in inputs {
            let r = c.check(file: "bad.yaml", bytes: bytes)
            #expect(r.status < 500)
            #expect(r.text.contains("class=\"verdict invalid\""))
        }
        for query in [
            "kind=nope&date=2025-01-01", "kind=cadre_promotion&date=2025-13-45", "kind=cadre_promotion&date=%FF",
        ] {
            #expect(c.get("/check?" + query).status == 400)
        }
        #expect(c.post("/check", [("csrf", c.csrf), ("kind", "cadre_promotion"), ("date", "soon")]).status == 400)
    }
}

@Suite("explain")
struct ExplainPageTests {
    @Test("explain beside a failed rule shows the value of its sub-expressions, masked, and records nothing")
    func explain() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check")
        let page = c.check(file: "p.yaml", bytes: Examples.bytes(Examples.nonCompliant)).text
        #expect(page.contains("form=\"explain-form\" name=\"rule\" value=\"CS2-15\""))
        let document = String(decoding: Examples.bytes(Examples.nonCompliant), as: UTF8.self)
        let explained = c.post(
            "/check/explain",
            [("csrf", c.csrf), ("name", "p.yaml"), ("json", "false"), ("document", document), ("rule", "CS2-15")])
        #expect(explained.status == 200)
        #expect(explained.text.contains("id=\"explanation\""))
        #expect(explained.text.contains("signers"))
        // The explanation speaks the page's language, as `bylaw explain --lang zh` does.
        #expect(explained.text.contains("id=\"explanation\">不合规"))
        #expect(h.records() == 1)
        let bad = c.post("/check/explain", [("csrf", c.csrf), ("document", "[1, 2"), ("rule", "CS2-15")])
        #expect(bad.status == 400)
        let unknown = c.post("/check/explain", [("csrf", c.csrf), ("document", document), ("rule", "<b>X</b>")])
        #expect(unknown.status == 400 && !unknown.text.contains("<b>X</b>"))
    }
}
