import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawJobs
import BylawLocale
import BylawReports
import Foundation

/// 规则试验, for authors: edit a copy of a rule set and its test cases, see lint diagnostics at their lines, run
/// the cases. Everything happens in a scratch folder of its own; the server's rules are never written.
enum PlaygroundPage {
    static let maxBytes = 1 << 20

    static func handle(_ request: WebRequest, _ ctx: PageContext, library: RuleLibrary) -> WebResponse {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let files = library.ruleSets.map(\.file)
        var chosen = request.form["file"] ?? request.query["file"] ?? ""
        if !files.contains(chosen) { chosen = files.first ?? "" }
        var ruleset =
            request.form["ruleset"]?.unixNewlines ?? (try? String(contentsOfFile: chosen, encoding: .utf8)) ?? ""
        var cases = request.form["cases"]?.unixNewlines ?? testsText(for: chosen)
        var result = ""
        if request.method == .post {
            if ruleset.utf8.count > maxBytes || cases.utf8.count > maxBytes {
                result = "<p class=\"bad\" role=\"alert\">\(w("web.playground.toolarge"))</p>"
                ruleset = ""
                cases = ""
            } else {
                // A case's own button explains it, after its run; the form's buttons lint or test.
                result = run(
                    action: request.form["action"] ?? "lint", ruleset: ruleset, cases: cases, origin: chosen,
                    root: library.root, explaining: request.form["case"], ctx)
            }
        }
        var body = "<p class=\"muted\">\(w("web.playground.note"))</p>"
        body += "<form method=\"get\" action=\"\(ctx.url("/playground"))\"><div class=\"field\"><label for=\"file\">"
        body += "\(w("web.playground.choose"))</label><select id=\"file\" name=\"file\">"
        for set in library.ruleSets {
            let selected = set.file == chosen ? " selected" : ""
            body += "<option value=\"\(HTML.h(set.file))\"\(selected)>\(HTML.h("\(set.title) \(set.version)"))</option>"
        }
        body += "</select></div><button type=\"submit\">\(w("web.playground.open"))</button></form>"
        body += result
        body += "<form method=\"post\" id=\"play-form\" action=\"\(ctx.url("/playground"))\">\(ctx.csrfField)"
        body += "<input type=\"hidden\" name=\"file\" value=\"\(HTML.h(chosen))\">"
        body +=
            "<label for=\"ruleset\">\(w("web.playground.ruleset"))</label><textarea id=\"ruleset\" name=\"ruleset\" rows=\"24\" "
        body += "spellcheck=\"false\">\(HTML.h(ruleset))</textarea>"
        body +=
            "<label for=\"cases\">\(w("web.playground.cases"))</label><textarea id=\"cases\" name=\"cases\" rows=\"12\" "
        body += "spellcheck=\"false\">\(HTML.h(cases))</textarea><p>"
        body +=
            "<button type=\"submit\" name=\"action\" value=\"lint\" class=\"primary\">\(w("web.playground.lint"))</button> "
        body += "<button type=\"submit\" name=\"action\" value=\"test\">\(w("web.playground.test"))</button></p></form>"
        return .html(Layout.page(title: w("web.playground.title"), ctx, active: "/playground", body: body))
    }

    /// The test file that goes with a rule-set file: `ruleset-2019.yaml` → `tests/cases-2019.yaml`, else the
    /// folder's first.
    static func testsText(for file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent + "/tests"
        return (try? String(contentsOfFile: folder + "/" + testsName(for: file), encoding: .utf8)) ?? "cases: []\n"
    }

    static func testsName(for file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent + "/tests"
        let suffix = (file as NSString).lastPathComponent.replacingOccurrences(of: "ruleset", with: "")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.first { $0 == "cases" + suffix } ?? names.first { $0.hasSuffix(".yaml") } ?? "cases.yaml"
    }

    /// Lints or tests the texts in a scratch copy of the rule-set folder (its other versions, other test files
    /// and examples copied as they are, so the edited version is judged among them), then removes the copy.
    private static func run(
        action: String, ruleset: String, cases: String, origin: String, root: String, explaining: String?,
        _ ctx: PageContext
    )
        -> String
    {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bylaw-play-" + SessionStore.token())
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent(
            (origin as NSString).deletingLastPathComponent.split(separator: "/").last.map(String.init) ?? "set")
        let file = folder.appendingPathComponent((origin as NSString).lastPathComponent).path
        let files: [String]
        do {
            let fm = FileManager.default
            try fm.copyItem(atPath: (origin as NSString).deletingLastPathComponent, toPath: folder.path)
            try Data(ruleset.utf8).write(to: URL(fileURLWithPath: file))
            try fm.createDirectory(at: folder.appendingPathComponent("tests"), withIntermediateDirectories: true)
            try Data(cases.utf8).write(to: folder.appendingPathComponent("tests/" + testsName(for: origin)))
            try fm.copyItem(atPath: root + "/calendars", toPath: scratch.appendingPathComponent("calendars").path)
            var seen: Set<String> = []
            files = ([file] + RuleLibrary.load(root: scratch.path).ruleSets.map(\.file)).filter {
                seen.insert($0).inserted
            }
        } catch {
            return "<p class=\"bad\" role=\"alert\">\(HTML.h("\(error)"))</p>"
        }
        if action == "test" || explaining != nil {
            let library = RuleLibrary.load(root: scratch.path)
            let suite = library.runTests(folder: folder.path)
            var out =
                diagnostics(library.diagnostics + suite.diagnostics, ruleset: ruleset, file: file, ctx)
                + results(suite, ctx)
            if let explaining { out += explanation(of: explaining, in: suite, library: library, ctx) }
            return out.replacingOccurrences(of: folder.path + "/", with: "")
        }
        let report = Linter.lint(files: files, calendarsRoot: scratch.path)
        return diagnostics(report.diagnostics, ruleset: ruleset, file: file, ctx)
    }

    /// The diagnostics as a list, and the rule set's text with line numbers, each problem under its line.
    private static func diagnostics(_ all: [Diagnostic], ruleset: String, file: String, _ ctx: PageContext) -> String {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        guard !all.isEmpty else {
            return "<p class=\"ok\" role=\"status\" id=\"play-result\">\(w("web.playground.clean"))</p>"
        }
        var out =
            "<h2 id=\"play-result\">\(Words.text("web.playground.diagnostics", ctx.lang, String(all.count)))</h2><ul>"
        var byLine: [Int: [Diagnostic]] = [:]
        for d in all {
            let at =
                d.location.map {
                    $0.file == file
                        ? "\($0.line):\($0.column)" : "\(($0.file as NSString).lastPathComponent):\($0.line)"
                } ?? ""
            out +=
                "<li><span class=\"\(d.severity == .error ? "bad" : "muted")\">\(HTML.h(DiagnosticWording.severity(d.severity.rawValue, ctx.lang.language)))</span> "
            out +=
                "<a href=\"#line-\(d.location?.line ?? 0)\">\(HTML.h(at))</a> \(HTML.h(d.message(in: ctx.lang.language)))</li>"
            if let loc = d.location, loc.file == file { byLine[loc.line, default: []].append(d) }
        }
        out += "</ul><details open><summary>\(w("web.playground.listing"))</summary><ol class=\"source\">"
        for (i, line) in ruleset.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let n = i + 1
            out +=
                "<li id=\"line-\(n)\"\(byLine[n] == nil ? "" : " class=\"flag\"")><code>\(HTML.h(String(line)))</code>"
            for d in byLine[n] ?? [] {
                out += "<div class=\"problem\">\(HTML.h(d.message(in: ctx.lang.language)))</div>"
            }
            out += "</li>"
        }
        return out + "</ol></details>"
    }

    /// Why each rule of one case passed or failed, value by value, as `bylaw explain` prints it: what an author
    /// reads when a case does not give what it expects. Sensitive values stay masked, as on the check page.
    private static func explanation(
        of name: String, in suite: TestSuiteResult, library: RuleLibrary, _ ctx: PageContext
    ) -> String {
        guard let c = suite.cases.first(where: { $0.testCase.name == name })?.testCase else {
            return "<p class=\"bad\" role=\"alert\" id=\"case-explained\">"
                + HTML.h(Words.text("web.playground.no-case", ctx.lang, name)) + "</p>"
        }
        let explained = ExplainJob.shown(
            library.explain(c.decision, file: c.decisionFile, asOf: c.asOf), library: library, reveal: false)
        return "<h2 id=\"case-explained\">\(HTML.h(Words.text("web.playground.explained", ctx.lang, name)))</h2>"
            + "<pre class=\"explanation\">\(HTML.h(ExplainReport.text(explained, colour: false, language: ctx.lang.language)))"
            + "</pre>"
    }

    private static func results(_ suite: TestSuiteResult, _ ctx: PageContext) -> String {
        let w = { (id: String) in Words.text(id, ctx.lang) }
        let passed = suite.cases.filter(\.passed).count
        let heading = Words.text(
            "web.playground.results", ctx.lang, String(passed), String(suite.cases.count - passed))
        var out =
            "<h2 id=\"test-results\">\(HTML.h(heading))</h2><table><thead><tr><th scope=\"col\">\(w("web.playground.case"))</th>"
        out += "<th scope=\"col\">\(w("web.playground.outcome"))</th></tr></thead><tbody>"
        for c in suite.cases {
            out += "<tr><td>\(HTML.h(c.testCase.name))</td><td>"
            out +=
                c.passed
                ? "<span class=\"ok\">\(w("web.playground.pass"))</span>"
                : "<span class=\"bad\">\(w("web.playground.fail"))</span>"
            for d in c.differences { out += "<div>\(HTML.h(d))</div>" }
            // The button belongs to the editing form below, so the case is explained from the texts as edited.
            out += " <button type=\"submit\" form=\"play-form\" name=\"case\" value=\"\(HTML.h(c.testCase.name))\" "
            out += "aria-label=\"\(HTML.h(Words.text("web.playground.explain-label", ctx.lang, c.testCase.name)))\">"
            out += HTML.h(Words.text("web.playground.explain", ctx.lang)) + "</button>"
            out += "</td></tr>"
        }
        out += "</tbody></table>"
        if !suite.uncovered.isEmpty {
            let rules = HTML.h(suite.uncovered.joined(separator: ", "))
            out += "<p>\(Words.text("web.playground.uncovered", ctx.lang, rules))</p>"
        }
        return out
    }
}
