import BylawAuthoring
import BylawLocale
import Foundation
import Testing

@testable import BylawWeb

/// The pages' catalogue words (`Words.text("web.…")`, or `w("web.…")` through a page's shorthand) exist in both languages, those named in the sources and
/// those built from a value (a diff section or change).
@Suite("the pages' words in the catalogue")
struct WebWordsTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/BylawWeb")

    @Test("every web id the pages look up has Chinese and English")
    func everyIDExists() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasSuffix(".swift")
        }
        var ids: Set<String> = []
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: #/(?:Words\.text|\bw)\(\s*"(web\.[a-z0-9._-]+)"/#) {
                // A prefix completed by a value (`"web.library.diff.section." + …`) is checked below.
                if !match.output.1.hasSuffix(".") { ids.insert(String(match.output.1)) }
            }
        }
        #expect(ids.count > 20, "the scan found \(ids.count) ids")
        for section in RuleSetDiff.Entry.Section.allCases { ids.insert("web.library.diff.section." + section.rawValue) }
        for change in ["added", "removed", "changed"] { ids.insert("web.library.diff.change." + change) }
        for col in ["change", "item", "old", "new"] { ids.insert("web.library.diff.col." + col) }
        for id in ids.sorted() {
            let entry = Catalogue.entry(id)
            #expect(entry != nil, "no catalogue entry \(id)")
            #expect(entry.map { !$0.chinese.isEmpty && !$0.english.isEmpty } ?? false, "\(id)")
        }
        #expect(Words.text("web.trail.verify.count", .zh, "3", "5") == "已校验至第 3 条，共 5 条")
    }
}
