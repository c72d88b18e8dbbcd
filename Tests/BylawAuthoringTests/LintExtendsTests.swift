import Bylaw
import BylawDiagnostics
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawAuthoring

/// Lint on sets that extend others: each finding once, in the file that declares what it is about, and the
/// reads of children counted.
@Suite struct LintExtendsTests {
    /// Writes rule-set folders (`name/ruleset*.yaml` → text) into a fresh library and lints all of it.
    static func lint(_ files: [String: String]) throws -> LintReport {
        let root = Scratch.root.appendingPathComponent("bylaw-lintx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let report = Linter.lint(try LintTargets.resolve([root.path]).get())
        return LintReport(
            files: report.files.map { String($0.dropFirst(root.path.count + 1)) }, ruleSets: report.ruleSets,
            diagnostics: report.diagnostics.map { relative($0, to: root.path) })
    }

    static func relative(_ d: Diagnostic, to root: String) -> Diagnostic {
        func strip(_ l: BylawDiagnostics.SourceLocation?) -> BylawDiagnostics.SourceLocation? {
            l.map {
                BylawDiagnostics.SourceLocation(
                    file: String($0.file.dropFirst(root.count + 1)), line: $0.line, column: $0.column)
            }
        }
        var out = d
        out.location = strip(d.location)
        out.notes = d.notes.map { .init(message: $0.message, location: strip($0.location)) }
        return out
    }

    /// `file:line:col code` for each finding.
    static func places(_ r: LintReport) -> [String] {
        r.diagnostics.map { "\($0.location.map(\.description) ?? "-") \($0.code)" }
    }

    static func header(_ id: String, extends parent: String? = nil, version: String = "1.0.0", dates: String? = nil)
        -> String
    {
        "ruleset: \(id)\n" + (parent.map { "extends: \($0)\n" } ?? "")
            + "title: t\nversion: \(version)\nsource: {title: s}\napplies_to: k\n"
            + (dates.map { "effective: {\($0)}\n" } ?? "")
    }

    // MARK: - Where findings point

    /// The text of `file` at `location`, and the YAML node declaring `kind` `name` in it.
    struct Source {
        let root: YAMLNode
        let lines: [Substring]

        init(_ file: String) throws {
            root = try YAMLLoader.load(path: file, limits: .ruleSet)
            lines = try String(contentsOfFile: file, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
        }

        /// The node that declares `name` as a `kind` (`rule`, `table`, `parameter`) in this file.
        func declaration(_ kind: String, _ name: String) -> YAMLNode? {
            switch kind {
            case "rule": return root["rules"]?.sequence?.first { $0["id"]?.scalar?.text == name }
            case "table": return root["tables"]?[name]
            case "parameter": return root["parameters"]?.mapping?.first { $0.key.scalar?.text == name }?.key
            default: return nil
            }
        }

        /// The key of `name` under `parameters` or, for a table, the table's key.
        func key(_ section: String, _ name: String) -> YAMLNode? {
            root[section]?.mapping?.first { $0.key.scalar?.text == name }?.key
        }

        static func contains(_ node: YAMLNode, _ l: BylawDiagnostics.SourceLocation) -> Bool {
            let start = (node.start.line, node.start.column)
            let end = (node.end.line, node.end.column)
            return (l.line, l.column) >= start && (l.line, l.column) <= end
        }
    }

    /// Checks that `d` points into the file that declares what it is about: the parameter a child sets for a
    /// finding it causes, else the rule, table or parameter the message names first.
    static func pointsAtItsDeclaration(_ d: Diagnostic) throws -> Bool {
        guard let l = d.location else { return false }
        let source = try Source(l.file)
        if let name = d.message.firstMatch(of: /which sets `params\.([^`]+)`/)?.1 {
            return source.key("parameters", String(name)).map { $0.location == l } ?? false
        }
        guard let m = d.message.firstMatch(of: /(rule|table|parameter) `([^`]+)`/) else { return false }
        let kind = String(m.1)
        let name = String(m.2)
        if kind == "table", let key = source.key("tables", name) {
            return key.location == l
        }
        guard let node = source.declaration(kind, name) else { return false }
        return kind == "parameter" ? node.location == l : Source.contains(node, l)
    }

    static let extendingFixtures: [String] = [
        Paths.fixtures + "/extends/rules",
        Paths.here.appendingPathComponent("Corpus/lint/extends-loosens").path,
        Paths.here.appendingPathComponent("Corpus/lint/extends-tightens").path,
        Paths.here.appendingPathComponent("Corpus/lint/extends-inherited").path,
    ]

    @Test(arguments: extendingFixtures)
    func noFindingPointsIntoAnotherFile(_ path: String) throws {
        let report = Linter.lint(try LintTargets.resolve([path]).get())
        for d in report.diagnostics {
            #expect(try Self.pointsAtItsDeclaration(d), "\(d.description)")
            for note in d.notes where note.message.hasPrefix("inherited from") {
                // The note is at the inherited rule, in the parent's file.
                let rule = try #require(d.message.firstMatch(of: /rule `([^`]+)`/)?.1)
                let at = try #require(note.location)
                let node = try #require(Source(at.file).declaration("rule", String(rule)), "\(note)")
                #expect(Source.contains(node, at), "\(note)")
                #expect(at.file != d.location?.file)
            }
        }
        // The fixture's and the loosening case's findings are all about the child that loosens.
        if path.hasSuffix("/rules") || path.hasSuffix("extends-loosens") {
            #expect(!report.diagnostics.isEmpty)
            #expect(report.diagnostics.allSatisfy { $0.location?.file.contains("/province") == true })
        }
    }

    @Test func extendsFixtureFlagsOnlyTheLooseSetAtItsNodes() throws {
        let report = Linter.lint(try LintTargets.resolve([Paths.fixtures + "/extends/rules"]).get())
        let file = Paths.fixtures + "/extends/rules/province-loose/ruleset.yaml"
        #expect(
            Self.places(report) == [
                "\(file):10:3 lint.loosens-threshold", "\(file):11:3 lint.loosens-threshold",
                "\(file):11:3 lint.loosens-threshold", "\(file):17:15 lint.removes-approval",
                "\(file):22:11 lint.narrows-when", "\(file):28:14 lint.loosens-threshold",
                "\(file):33:14 lint.cannot-compare",
            ])
        #expect(report.ruleSets == 4, "one per file, though province sets are loaded once per national version")
        let clean = Linter.lint(
            try LintTargets.resolve(["national", "province-strict"].map { Paths.fixtures + "/extends/rules/" + $0 })
                .get())
        #expect(clean.diagnostics.isEmpty, "\(clean.diagnostics.map(\.description))")
    }

    // MARK: - Inherited items

    static let parentTable = """
        parameters: {low_cut: 100, high_cut: 100, pilot: true}
        input: {x: int, y: int}
        tables:
          band:
            hit: unique
            inputs: [x]
            rows:
              - {when: [{expr: "it < params.low_cut"}], then: low}
              - {when: [{expr: "it >= params.high_cut"}], then: high}
        rules:
          - {id: P-1, title: t, cite: c, require: 'band() == "low" || y > 0'}
          - {id: P-2, title: t, cite: '', when: params.pilot, require: y < 9}

        """

    @Test func parentFindingsAreReportedOnceInTheParent() throws {
        let alone = try Self.lint(["parent/ruleset.yaml": Self.header("parent") + Self.parentTable])
        #expect(alone.diagnostics.map(\.code) == ["lint.blank-cite"])
        let child =
            Self.header("child", extends: "parent") + "rules:\n  - {id: C-1, title: t, cite: c, require: x > 1}\n"
        let both = try Self.lint([
            "parent/ruleset.yaml": Self.header("parent") + Self.parentTable, "child/ruleset.yaml": child,
        ])
        #expect(Self.places(both) == Self.places(alone))
    }

    @Test func aFindingTheChildCausesIsReportedAtItsOverride() throws {
        let child =
            Self.header("child", extends: "parent")
            + "parameters:\n  high_cut: 150\n  pilot: false\nrules:\n  - {id: C-1, title: t, cite: c, require: x > 1}\n"
        let r = try Self.lint([
            "parent/ruleset.yaml": Self.header("parent") + Self.parentTable, "child/ruleset.yaml": child,
        ])
        #expect(
            Self.places(r) == [
                "child/ruleset.yaml:8:3 lint.table-gap", "child/ruleset.yaml:9:3 lint.when-never-true",
                "child/ruleset.yaml:9:3 lint.cannot-compare", "parent/ruleset.yaml:17:31 lint.blank-cite",
            ])
        let gap = try #require(r.diagnostics.first)
        #expect(
            gap.message
                == "no row of table `band` matches `x = 100`, and the table has no default in `child`, which sets "
                + "`params.high_cut` to 150")
        #expect(
            gap.notes.first
                == .init(
                    message: "inherited from `parent` 1.0.0",
                    location: .init(file: "parent/ruleset.yaml", line: 9, column: 3)))
        #expect(r.diagnostics[1].message.hasSuffix("in `child`, which sets `params.pilot` to false"))
    }

    @Test func aChildsOwnFindingSaysForWhichParentVersions() throws {
        let parent = { (v: String, dates: String, min: Int) in
            Self.header("parent", version: v, dates: dates) + "parameters: {min: \(min)}\ninput: {x: int}\n"
                + "rules:\n  - {id: P-1, title: t, cite: c, require: x >= params.min}\n"
        }
        let child =
            Self.header("child", extends: "parent", dates: "from: 2018-01-01")
            + "rules:\n  - {id: C-1, title: t, cite: c, when: params.min > 2, require: x > 5}\n"
        let r = try Self.lint([
            "parent/ruleset-1.yaml": parent("1.0.0", "from: 2017-01-01, until: 2020-01-01", 2),
            "parent/ruleset-2.yaml": parent("2.0.0", "from: 2020-01-01", 3),
            "child/ruleset.yaml": child,
        ])
        #expect(Self.places(r) == ["child/ruleset.yaml:9:40 lint.when-never-true"])
        #expect(
            r.diagnostics.first?.message
                == "`when` of rule `C-1` is always false (it reads only constants), while `parent` 1.0.0 is in force")
    }

    // MARK: - Usage

    @Test func readsInChildrenCount() throws {
        let parent =
            Self.header("parent")
                + """
                parameters: {min: 1, spare: 2}
                input: {x: int, only_child_reads: int, nobody_reads: int}
                let: {twice: x * 2}
                rules:
                  - {id: P-1, title: t, cite: c, require: twice >= params.min}

                """
        let child =
            Self.header("child", extends: "parent")
                + """
                parameters: {min: 3, spare: 5}
                input: {z: int}
                rules:
                  - {id: P-1, tightens: P-1, title: t, cite: c, require: x >= 1 && twice >= params.min && params.spare > 0}
                  - {id: C-1, title: t, cite: c, require: only_child_reads > 0}

                """
        let r = try Self.lint(["parent/ruleset.yaml": parent, "child/ruleset.yaml": child])
        // `spare` is read only by the child, `twice` and `min` by both: used. `nobody_reads` and the child's `z`
        // are not; each is reported once, where it is declared.
        #expect(
            r.diagnostics.filter { $0.code.hasPrefix("lint.unused") }.map {
                "\($0.location?.file ?? "") \($0.code) \($0.message)"
            } == [
                "child/ruleset.yaml lint.unused-input input field `z` is not read by any expression, table or message",
                "parent/ruleset.yaml lint.unused-input input field `nobody_reads` is not read by any expression, "
                    + "table or message",
            ])
        // A value the child gives a parameter that nothing in the child reads is reported in the child.
        let replaced =
            Self.header("child", extends: "parent")
            + "parameters: {min: 3}\nrules:\n  - {id: P-1, tightens: P-1, title: t, cite: c, require: twice >= 3}\n"
        let r2 = try Self.lint(["parent/ruleset.yaml": parent, "child/ruleset.yaml": replaced])
        #expect(
            r2.diagnostics.filter { $0.code == "lint.unused-parameter" }.map { "\($0.location?.description ?? "")" }
                == ["child/ruleset.yaml:7:14", "parent/ruleset.yaml:6:22"])
    }

    // MARK: - Loosening through a middle set

    @Test func aGrandchildsOverrideIsBlamedOnTheGrandchild() throws {
        let top =
            Self.header("top") + "parameters: {min: 5}\ninput: {x: int, y: bool}\n"
            + "rules:\n  - {id: R-1, title: t, cite: c, require: x >= params.min}\n"
        let middle =
            Self.header("middle", extends: "top")
            + "rules:\n  - {id: R-1, tightens: R-1, title: t, cite: c, require: x >= params.min && y}\n"
        let bottom = Self.header("bottom", extends: "middle") + "parameters: {min: 3}\nrules: []\n"
        let r = try Self.lint(["top/ruleset.yaml": top, "middle/ruleset.yaml": middle, "bottom/ruleset.yaml": bottom])
        #expect(Self.places(r) == ["bottom/ruleset.yaml:7:14 lint.loosens-threshold"])
        #expect(
            r.diagnostics.first?.message
                == "parameter `min` lowers the minimum of `x` from `>= 5` to `>= 3` set by rule `R-1` of `middle` 1.0.0"
        )
    }
}
