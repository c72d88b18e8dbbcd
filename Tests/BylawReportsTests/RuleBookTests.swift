import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawReports

/// `bylaw doc`'s rule book: golden Markdown and HTML for the extension fixture, and escaping.
/// Re-record with `BYLAW_RECORD=1`; a recording run fails so that every re-record is a reviewed diff.
@Suite struct RuleBookTests {
    static let corpus = Paths.here.appendingPathComponent("Corpus/doc").path

    static func book(_ library: RuleLibrary, root: String) -> (md: String, html: String) {
        let b = RuleBook(library: library)
        return (
            b.markdown.replacingOccurrences(of: root + "/", with: ""),
            b.html.replacingOccurrences(of: root + "/", with: "")
        )
    }

    @Test func extensionFixtureGolden() throws {
        let (md, html) = Self.book(ExtendsTests.library, root: ExtendsTests.root)
        try Golden.compare(md, Self.corpus + "/extends.md")
        try Golden.compare(html, Self.corpus + "/extends.html")
    }

    @Test func disposalFixtureGolden() throws {
        let (md, _) = Self.book(fixtureLibrary, root: Paths.fixtures)
        try Golden.compare(md, Self.corpus + "/disposal.md")
    }

    @Test func bookIsDeterministicAndNamesEveryRule() {
        let a = RuleBook(library: ExtendsTests.library).markdown
        let b = RuleBook(library: RuleLibrary.load(root: ExtendsTests.root + "/rules")).markdown
        #expect(a == b)
        for id in ["N-01", "N-06", "PS-01", "PS-06", "PL-06"] { #expect(a.contains("`\(id)`"), "\(id)") }
        #expect(!a.contains("2026"), "no dates other than the rule sets' own")
    }

    @Test func everythingIsEscaped() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-doc-\(UUID().uuidString)/x")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        ruleset: x
        title: "<script>alert(1)</script> | *x*"
        version: 1.0.0
        source: {title: "A & B <c>"}
        applies_to: k
        input: {n: int}
        rules:
          - {id: X-1, title: "a|b", cite: "第<1>条", require: 'n < 5 && "`" != "<"', message: "n {n} > 5"}
        """.write(to: dir.appendingPathComponent("ruleset.yaml"), atomically: true, encoding: .utf8)
        let lib = RuleLibrary.load(root: dir.deletingLastPathComponent().path)
        #expect(!lib.diagnostics.hasErrors, "\(lib.diagnostics)")
        let book = RuleBook(library: lib)
        #expect(!book.html.contains("<script>"))
        #expect(book.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *x*"))
        #expect(book.html.contains("<pre><code>n &lt; 5 &amp;&amp; &quot;`&quot; != &quot;&lt;&quot;</code></pre>"))
        #expect(book.html.contains("A &amp; B &lt;c&gt;"))
        #expect(book.markdown.contains("## \\<script\\>alert(1)\\</script\\> \\| \\*x\\*"))
        #expect(book.markdown.contains("```cel\nn < 5 && \"`\" != \"<\"\n```"))
        #expect(book.markdown.contains("| 第\\<1\\>条 |"))
    }
}
