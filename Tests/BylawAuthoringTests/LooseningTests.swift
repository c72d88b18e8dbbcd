import Bylaw
import BylawDiagnostics
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring

/// The loosening analysis on one tightened rule at a time: exact codes, and silence or a note where bylaw
/// cannot be sure. `x` is an int, `d` a decimal, `y` a bool, `l` a list of strings.
@Suite struct LooseningTests {
    static func library(parent: (when: String?, require: String), child: (when: String?, require: String)) throws
        -> RuleLibrary
    {
        let root = Scratch.root.appendingPathComponent("bylaw-loose-\(UUID().uuidString)")
        func rule(_ id: String, _ r: (when: String?, require: String), tightens: Bool) -> String {
            "  - id: \(id)\n    title: t\n    cite: c\n" + (tightens ? "    tightens: R-1\n" : "")
                + (r.when.map { "    when: '\($0)'\n" } ?? "") + "    require: '\(r.require)'\n"
        }
        let parentText = """
            ruleset: parent
            title: p
            version: 1.0.0
            source: {title: s}
            applies_to: k
            parameters: {min: 5}
            input: {x: int, d: decimal, y: bool, l: {list: string}}
            rules:

            """ + rule("R-1", parent, tightens: false)
        let childText = """
            ruleset: child
            extends: parent
            title: c
            version: 1.0.0
            source: {title: s}
            applies_to: k
            rules:

            """ + rule("R-1", child, tightens: true)
        for (name, text) in [("parent", parentText), ("child", childText)] {
            let dir = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try text.write(to: dir.appendingPathComponent("ruleset.yaml"), atomically: true, encoding: .utf8)
        }
        return RuleLibrary.load(root: root.path)
    }

    @Test(arguments: [
        ("lower bound lowered", "x >= 5", "x >= 3", ["lint.loosens-threshold"]),
        ("operands swapped", "5 < x", "x > 3", ["lint.loosens-threshold"]),
        ("through a parameter", "x >= params.min", "x >= 4", ["lint.loosens-threshold"]),
        ("raised", "x >= 5", "x >= 7", []),
        ("strict at the same integer", "x >= 5", "x > 4", []),
        ("strict on a decimal", "d >= 5", "d > 4", ["lint.loosens-threshold"]),
        ("between integers, type unknown", "size(l) >= 2", "size(l) > 1.5", ["lint.cannot-compare"]),
        ("decimal strictness", "d >= 5", "d > 5", []),
        ("decimal below", "d >= 5.5", "d >= 5.25", ["lint.loosens-threshold"]),
        ("upper made strict", "x <= 10", "x < 10", []),
        ("equality widened", "x == 5", "x >= 5", ["lint.loosens-threshold"]),
        ("an upper bound added", "x >= 5", "x >= 5 && x <= 100", []),
        ("approval dropped", #""a" in l && "b" in l"#, #""b" in l"#, ["lint.removes-approval"]),
        ("approval rewritten", #""a" in l"#, #"l.exists(v, v == "a")"#, ["lint.cannot-compare"]),
        ("condition dropped", "x >= 5 && y", "x >= 5", ["lint.removes-condition"]),
        ("bound rewritten", "x >= 5", "x * 2 >= 10", ["lint.cannot-compare"]),
        ("condition added", "x >= 5", "x >= 5 && y", []),
        ("same", #"x >= 5 && "a" in l"#, #""a" in l && x >= 5"#, []),
    ])
    func require(_ name: String, _ parent: String, _ child: String, _ codes: [String]) throws {
        let lib = try Self.library(parent: (nil, parent), child: (nil, child))
        #expect(!lib.diagnostics.hasErrors, "\(lib.diagnostics)")
        #expect(Loosening.diagnostics(lib).map(\.code) == codes, "\(name)")
    }

    @Test(
        arguments: [
            ("when raised", "x >= 10", "x >= 20", ["lint.narrows-when"]),
            ("when lowered", "x >= 10", "x >= 5", []),
            ("when added", nil, "y", ["lint.narrows-when"]),
            ("when removed", "y", nil, []),
            ("when rewritten", "x >= 10", "x * 2 >= 20", ["lint.cannot-compare"]),
        ] as [(String, String?, String?, [String])])
    func when(_ name: String, _ parent: String?, _ child: String?, _ codes: [String]) throws {
        let lib = try Self.library(parent: (parent, "d > 0"), child: (child, "d > 0"))
        #expect(!lib.diagnostics.hasErrors, "\(lib.diagnostics)")
        #expect(Loosening.diagnostics(lib).map(\.code) == codes, "\(name)")
    }

    @Test func findingPointsAtTheChildsRequire() throws {
        let lib = try Self.library(parent: (nil, "x >= 5"), child: (nil, "x >= 3"))
        let d = try #require(Loosening.diagnostics(lib).first)
        #expect(d.location?.line == 12)
        #expect(d.location?.column == 15)
        #expect(
            d.message
                == "rule `R-1` lowers the minimum of `x` from `>= 5` to `>= 3` set by rule `R-1` of `parent` 1.0.0")
    }
}
