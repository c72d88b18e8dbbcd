import Bylaw
import BylawCEL
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

/// A `let` that cannot be computed is an error only for a rule that needs it: a rule whose `when` is false
/// without reading it is not applicable, and one whose `when` reads it is an error.
@Suite struct LetFailureTests {
    static let library: RuleLibrary = {
        let root = Scratch.root.appendingPathComponent("let-failure-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(
            at: root.appendingPathComponent("s"), withIntermediateDirectories: true)
        let text = """
            ruleset: s
            title: 测试
            version: 1.0.0
            source: {title: 测试}
            applies_to: k
            input:
              assigned?: date
              complex: bool
            let:
              deadline: add_months(assigned, 3)
            rules:
              - id: R-01
                title: 复杂事项才适用
                cite: 第一条
                when: complex
                require: deadline > date("2020-01-01")
              - id: R-02
                title: when 读取 deadline
                cite: 第二条
                when: deadline > date("2020-01-01")
                require: "true"
              - id: R-03
                title: 与 deadline 无关
                cite: 第三条
                require: "!complex"
            """
        _ = FileManager.default.createFile(
            atPath: root.appendingPathComponent("s/ruleset.yaml").path, contents: Data(text.utf8))
        return RuleLibrary.load(root: root.path)
    }()

    @Test func aRuleThatDoesNotApplyIsNotAnErrorBecauseOfALetItWouldRead() throws {
        let yaml = "kind: k\nid: X\ndate: 2021-01-01\nunit: a\ncomplex: false\n"
        let node = try YAMLLoader.load(bytes: Array(yaml.utf8), file: "d.yaml", limits: .decision)
        let r = Self.library.check(node, file: "d.yaml", asOf: nil)
        #expect(Self.library.diagnostics.isEmpty, "\(Self.library.diagnostics.map(\.description))")
        #expect(r.ids(.notApplicable) == ["R-01"])
        #expect(r.ids(.error) == ["R-02"])
        #expect(r.ids(.passed) == ["R-03"])
        #expect(r.verdict == .error)
        let e = try #require(r.results.first { $0.ruleID == "R-02" }?.error)
        #expect(e.hasPrefix("`let` `deadline` could not be computed"))
    }
}
