import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawLocale
import Foundation
import Testing

@testable import BylawWeb

/// The pages' words come from the catalogue: every `web.…` id the pages name exists in both languages, those
/// named in the sources and those built from a value (a verdict, a diff section or change), and every `web.…`
/// entry of the catalogue is one a page shows.
@Suite("the pages' words in the catalogue")
struct WebWordsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BylawWeb")

    /// The text of every Swift file of the pages.
    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8) }
    }

    /// The ids the pages build from a value: a prefix in the sources completed by each of the values.
    static let built: [String] =
        Verdict.allCases.map { "web.verdict.name." + $0.rawValue }
        + RuleSetDiff.Entry.Section.allCases.map { "web.library.diff.section." + $0.rawValue }
        + ["added", "removed", "changed"].map { "web.library.diff.change." + $0 }
        + ["change", "item", "old", "new"].map { "web.library.diff.col." + $0 }
        + Lang.allCases.map { "web.layout.language." + $0.rawValue }

    /// Every `"web.…"` string in the pages' sources: the ids they look up, whether through `Words.text`, the
    /// `w` shorthand or a list of labels. Prefixes completed by a value (`"web.verdict.name." + …`) and the codes
    /// of the pages' own diagnostics (`.error("web.busy", …)`) are left out.
    static func named() throws -> (ids: Set<String>, prefixes: Set<String>, codes: Set<String>) {
        var ids: Set<String> = []
        var prefixes: Set<String> = []
        var all: Set<String> = []
        for text in try files() {
            let codes = Set(text.matches(of: #/\.error\(\s*"(web\.[a-z0-9._-]+)"/#).map { String($0.output.1) })
            all.formUnion(codes)
            for match in text.matches(of: #/"(web\.[a-z0-9._-]+)"/#) {
                let id = String(match.output.1)
                if id.hasSuffix(".") {
                    prefixes.insert(id)
                } else if !codes.contains(id) && !text.contains("code == \"\(id)\"") {
                    ids.insert(id)
                }
            }
        }
        return (ids, prefixes, all)
    }

    @Test("every web id the pages look up has Chinese and English")
    func everyIDExists() throws {
        let (named, prefixes, codes) = try Self.named()
        #expect(named.count > 150, "the scan found \(named.count) ids")
        for prefix in prefixes {
            #expect(Self.built.contains { $0.hasPrefix(prefix) }, "no values listed here complete `\(prefix)`")
        }
        // The pages' own diagnostics are worded in Chinese by the catalogue's entry for their code.
        #expect(codes.count >= 4, "the scan found \(codes.count) diagnostic codes")
        for id in (named.union(Self.built).union(codes.map { "diag." + $0 })).sorted() {
            let entry = Catalogue.entry(id)
            #expect(entry != nil, "no catalogue entry \(id)")
            #expect(entry.map { !$0.chinese.isEmpty && !$0.english.isEmpty } ?? false, "\(id)")
        }
    }

    @Test("every web entry of the catalogue is shown by a page")
    func everyEntryIsUsed() throws {
        let used = try Self.named().ids.union(Self.built)
        let unused = Catalogue.entries.map(\.id).filter { $0.hasPrefix("web.") && !used.contains($0) }
        #expect(unused.isEmpty, "catalogue entries no page shows: \(unused)")
    }

    @Test("the pages keep no words of their own: no table of (Chinese, English) pairs")
    func noTablesOfTheirOwn() throws {
        let pair = #/\(\s*"[^"\n]*[\u{4E00}-\u{9FFF}][^"\n]*"\s*,\s*"[^"\n]*"\s*\)/#
        for text in try Self.files() {
            #expect(!text.contains("TextTable"))
            #expect(text.firstMatch(of: pair) == nil, "a (Chinese, English) pair in the sources")
        }
    }

    @Test("an English page joins its words with English punctuation, a Chinese page with Chinese")
    func punctuation() {
        let h = WebHarness()
        var c = h.client("checker1")
        _ = c.get("/check?lang=en")
        let english = c.check(file: "p.yaml", bytes: Examples.bytes(Examples.nonCompliant)).text
        for shown in ["Violations (2)", "Rules passed (37)", "Evidence:", "cadre_promotion — "] {
            #expect(english.contains(shown), "\(shown)")
        }
        // The rules' own words are Chinese; the page's are not.
        #expect(english.firstMatch(of: #/[A-Za-z][（：；，]/#) == nil)
        _ = c.get("/check?lang=zh")
        let chinese = c.check(file: "p.yaml", bytes: Examples.bytes(Examples.nonCompliant)).text
        for shown in ["违反的规定（2）", "符合的规定（37）", "依据的数值：", "（cadre_promotion）"] {
            #expect(chinese.contains(shown), "\(shown)")
        }
    }

    @Test("the batch page's own refusals are worded in the page's language")
    func batchDiagnostics() {
        let expired = Diagnostic.error("web.upload.expired", "the upload is no longer kept", at: nil)
        #expect(Words.messages([expired], .zh) == "上传的文件已不再保留，请重新上传")
        #expect(Words.messages([expired], .en) == "the upload is no longer kept")
        let unkept = Diagnostic.error("web.upload.unkept", "cannot keep the upload: `disk full`", at: nil)
        #expect(Words.messages([unkept, expired], .zh).hasPrefix("无法保存上传的文件：`disk full`；上传的"))
    }

    @Test(
        "texts with numbers and names are filled in order, in both languages",
        arguments: [
            ("web.trail.verify.count", Lang.zh, ["3", "5"], "已校验至第 3 条，共 5 条"),
            ("web.library.results", .zh, ["处置", "2"], "“处置”的查询结果（2 条）"),
            ("web.library.results", .en, ["disposal", "2"], "Results for “disposal” (2)"),
            ("web.verdict.count", .en, ["9", "6", "2", "1"], "9 rules: 6 passed, 2 failed, 1 not applicable"),
            ("web.playground.results", .zh, ["4", "0"], "测试结果：4 个通过，0 个未通过"),
            ("web.form.item", .en, ["__NUMBER__"], "Item __NUMBER__"),
            // A value that looks like a placeholder is shown as it is, never filled again.
            ("web.library.results", .en, ["{1}", "0"], "Results for “{1}” (0)"),
            ("web.batch.failed", .en, ["disk full"], "The audit did not finish: disk full"),
        ])
    func filled(id: String, lang: Lang, arguments: [String], expected: String) {
        let entry = Catalogue.entry(id)
        let template = entry.map { lang == .zh ? $0.chinese : $0.english } ?? id
        #expect(Catalogue.fill(template, arguments) == expected)
    }
}
