import BylawTestSupport
import Foundation
import Testing

/// `bylaw doc` as a user runs it, and the committed rule book of the shipped library.
@Suite struct DocCommandTests {
    @Test func committedRuleBookIsCurrent() throws {
        let r = try Run.bylaw(["doc", "--format", "md", "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(contentsOfFile: Run.repository + "/docs/rulebook.md", encoding: .utf8)
        #expect(
            r.stdout == committed,
            "docs/rulebook.md is stale: run `swift run bylaw doc --format md --lang zh -o docs/rulebook.md` and commit it"
        )
    }

    @Test func htmlIsOneSelfContainedPage() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-doc-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let out = dir + "/book.html"
        let r = try Run.bylaw(["doc", "rules/asset-management", "--format", "html", "-o", out, "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        for external in ["<script", "<link", "src=", "http://", "https://"] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.contains("<h2 id=\"set--asset-management--1-2-1\">工会行政事业性资产使用和处置规则</h2>"))
        #expect(!html.contains("cadre-selection"), "only the folder asked for")
    }

    @Test func folderArgumentSelectsOneSet() throws {
        let r = try Run.bylaw(["doc", "Tests/BylawTests/Fixtures/extends/rules/province-strict"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("## 北方省专项补助审批细则（测试用）"))
        #expect(!r.stdout.contains("## 专项补助审批规则"), "the parent is read, not documented")
        #expect(r.stdout.contains("Inherited unchanged from `national`"))
    }

    /// The book's own words follow the language; an English book shows the author's English titles and messages
    /// with the original beside them, a Chinese book neither English words nor English titles.
    @Test func ruleBookInEitherLanguage() throws {
        let zh = try Run.bylaw(["doc", "rules/asset-management", "--lang", "zh"])
        #expect(zh.status == 0, "\(zh.stderr)")
        for label in ["# 规则手册", "### 参数", "### 规则", "**条款**", "适用条件", "## 条款索引"] {
            #expect(zh.stdout.contains(label), "\(label)")
        }
        for label in ["Rule book", "Parameters", "Index by article", "Hit policy", "A disposal must be approved"] {
            #expect(!zh.stdout.contains(label), "\(label)")
        }
        let en = try Run.bylaw(["doc", "rules/asset-management", "--lang", "en"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("# Rule book\n"))
        #expect(en.stdout.contains("`AM-01` A disposal must be approved by a union with the authority to approve it"))
        #expect(en.stdout.contains("处置须经有权限的工会审批"), "the original beside the English")
        for label in ["规则手册", "### 参数", "条款索引", "适用条件"] {
            #expect(!en.stdout.contains(label), "\(label)")
        }
        // No id of the catalogue is left unlooked-up.
        #expect(!zh.stdout.contains("book.") && !en.stdout.contains("book."))
    }

    @Test func badInputExitsTwo() throws {
        let r = try Run.bylaw(["doc", "--format", "pdf"])
        #expect(r.status == 2)
        let missing = try Run.bylaw(["doc", "no-such-folder"])
        #expect(missing.status == 2)
        let unwritable = try Run.bylaw(["doc", "-o", "/no-such-dir/book.md"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write `/no-such-dir/book.md`"))
    }
}
