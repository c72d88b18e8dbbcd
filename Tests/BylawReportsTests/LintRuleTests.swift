import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring
@testable import BylawReports

/// Conditions that can never be true, checked against the evaluator on a grid; constant folding;
/// usage, targets and SARIF URIs.
@Suite struct LintRuleTests {
    /// Writes `ruleset.yaml` (and more files) into a fresh folder and lints it.
    static func lint(_ files: [String: String]) throws -> (LintReport, RuleLibrary) {
        let dir = Scratch.root.appendingPathComponent("bylaw-lint-\(UUID().uuidString)")
        let folder = dir.appendingPathComponent("set")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return (
            Linter.lint(files: paths, calendarsRoot: dir.path),
            RuleLibrary.load(files: paths, calendarsRoot: dir.path)
        )
    }

    static let header = """
        ruleset: t
        title: t
        version: 1.0.0
        source: {title: t}
        applies_to: k
        parameters: {two: 2, off: false}
        input: {x: decimal, m: {enum: [a, b, c]}}

        """

    static func atom(_ r: inout SplitMix) -> String {
        let k = r.int(5)
        switch r.int(8) {
        case 0: return "x in [\(r.int(5)), \(r.int(5))]"
        case 1: return "!(x < \(k))"
        case 2: return "\(k) <= x"
        case 3: return "x \(r.pick(["<", "<=", ">", ">=", "==", "!="])) params.two"
        default: return "x \(r.pick(["<", "<=", ">", ">=", "==", "!="])) \(k)"
        }
    }

    @Test func neverTrueIsExactlyWhatTheEvaluatorSaysOnAGrid() throws {
        var r = SplitMix(seed: 42)
        var whens: [String] = []
        for _ in 0..<120 {
            let conj = { (r: inout SplitMix) in
                (0..<(2 + r.int(2))).map { _ in Self.atom(&r) }.joined(separator: " && ")
            }
            whens.append(r.int(5) == 0 ? "(\(conj(&r))) || (\(conj(&r)))" : conj(&r))
        }
        let rules = whens.enumerated().map { i, w in
            "  - {id: R\(i), title: t, cite: c, when: '\(w) && m != \"c\"', require: 'x > 0 || m == \"a\"'}"
        }
        let (report, library) = try Self.lint(
            ["ruleset.yaml": Self.header + "rules:\n" + rules.joined(separator: "\n") + "\n"])
        let set = try #require(library.ruleSets.first, "\(library.diagnostics.map(\.description))")
        let flagged = Set(
            report.diagnostics.filter { $0.code == "lint.when-never-true" }.compactMap { d in
                set.rules.firstIndex { $0.location.line == d.location?.line }
            })
        // The generator makes both kinds often enough for the comparison to mean something.
        #expect(flagged.count >= 15 && flagged.count <= set.rules.count - 15, "\(flagged.count) flagged")
        for (i, rule) in set.rules.enumerated() {
            let when = try #require(rule.when)
            var everTrue = false
            for step in -2...10 {
                let x = CELValue.decimal(CELDecimal(significand: Int128(step * 5), scale: 1) ?? CELDecimal(0))
                let params = try CELMap([(.string("two"), .int(2)), (.string("off"), .bool(false))])
                let activation = CELActivation(variables: ["x": x, "m": .string("a"), "params": .map(params)])
                if case .success(.bool(true)) = when.program.evaluate(activation) { everTrue = true }
            }
            #expect(flagged.contains(i) == !everTrue, "\(rule.id): \(when.source)")
        }
    }

    @Test func constantsFoldThroughParametersAndLets() throws {
        let (report, _) = try Self.lint([
            "ruleset.yaml": Self.header + """
                let:
                  limit: params.two * 3
                  reads_x: x * 2
                rules:
                  - {id: A, title: t, cite: c, when: 'params.off', require: x > 0}
                  - {id: B, title: t, cite: c, require: 'limit == 6 || x > reads_x'}
                  - {id: C, title: t, cite: c, require: 'x > limit && m == "a"'}
                  - {id: D, title: t, cite: c, when: 'x > 0 || params.off', require: 'limit > 10 && x > 1'}
                  - {id: E, title: t, cite: c, require: '[1, 2].exists(i, i == params.two) || x > 0'}
                """
        ])
        let found = report.diagnostics.map { "\($0.code) \($0.location?.line ?? 0)" }
        #expect(
            found == [
                "lint.when-never-true 12", "lint.require-always-true 13", "lint.require-always-false 15",
                "lint.require-always-true 16",
            ], "\(report.diagnostics.map(\.description))")
    }

    @Test func typeNamedFieldsAreNeverFolded() throws {
        // An unbound `date` would evaluate to the type `date`; lint must not fold `date == params.day`.
        let (report, _) = try Self.lint([
            "ruleset.yaml": """
            ruleset: t
            title: t
            version: 1.0.0
            source: {title: t}
            applies_to: k
            parameters: {day: {value: 2020-01-01, type: date}}
            rules:
              - {id: A, title: t, cite: c, require: 'date != params.day'}
              - {id: B, title: t, cite: c, require: 'today >= params.day || date == params.day'}
            """
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    }

    @Test func fieldsReadWholeOrThroughDecisionCountAsRead() throws {
        let (report, _) = try Self.lint([
            "ruleset.yaml": """
            ruleset: t
            title: t
            version: 1.0.0
            source: {title: t}
            applies_to: k
            input:
              a: {b: int, c: int, d: {e: int, f: int}}
              g: {list: {h: string}}
              i?: int
              j: int
            rules:
              - {id: A, title: t, cite: c, require: 'decision.a.b > 0 && a.d.e > 0 && g.all(x, x.h != "")'}
              - {id: B, title: t, cite: c, require: 'has(decision.i)', message: '{j}'}
            """
        ])
        let unused = report.diagnostics.filter { $0.code == "lint.unused-input" }.map(\.message)
        #expect(
            unused == [
                "input field `a.c` is not read by any expression, table or message",
                "input field `a.d.f` is not read by any expression, table or message",
            ])
    }

    /// Clean but for the quadratic `related_members.all(m, m in recused)` of both cadre-selection versions.
    @Test func shippedLibraryLintsCleanButForItsQuadraticRules() throws {
        let groups = try LintTargets.resolve([Paths.shippedRules]).get()
        let report = Linter.lint(groups)
        #expect(report.files.count >= 7)
        let found = report.diagnostics.map(\.description)
        #expect(report.diagnostics.map(\.code) == ["lint.cost-budget", "lint.cost-budget"], "\(found)")
        #expect(
            report.diagnostics.map { $0.message.contains("rule `CS2-21`") || $0.message.contains("rule `CS-12`") } == [
                true, true,
            ])
    }

    @Test func targetsResolveFilesFoldersAndLibraries() throws {
        let set = Paths.shippedRules + "/asset-management"
        let file = try LintTargets.resolve([set + "/ruleset.yaml"]).get()
        #expect(file == [LintTargets.Group(calendarsRoot: Paths.shippedRules, files: [set + "/ruleset.yaml"])])
        let folder = try LintTargets.resolve([set + "/", set]).get()
        #expect(
            folder == [
                LintTargets.Group(
                    calendarsRoot: Paths.shippedRules, files: [set + "/ruleset-2017.yaml", set + "/ruleset.yaml"])
            ])
        let library = try LintTargets.resolve([Paths.shippedRules]).get()
        #expect(library.count == 1 && library[0].files.contains(set + "/ruleset.yaml"))
        #expect(throws: LintTargets.PathError.self) { try LintTargets.resolve(["/no/such/place"]).get() }
        #expect(throws: LintTargets.PathError.self) {
            try LintTargets.resolve([Paths.shippedRules + "/calendars"]).get()
        }
    }

    @Test(
        arguments: [
            ("rules/a/ruleset.yaml", nil, "rules/a/ruleset.yaml"),
            ("./rules/a b/ruleset.yaml", nil, "rules/a%20b/ruleset.yaml"),
            ("/w/rules/资产/ruleset.yaml", "/w", "rules/%E8%B5%84%E4%BA%A7/ruleset.yaml"),
            ("/elsewhere/ruleset.yaml", "/w", "file:///elsewhere/ruleset.yaml"),
        ] as [(String, String?, String)])
    func sarifURIs(_ path: String, _ base: String?, _ uri: String) {
        #expect(LintOutput.uri(path, base: base) == uri)
    }
}
