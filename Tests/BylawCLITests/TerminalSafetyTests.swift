import BylawTestSupport
import Foundation
import Testing

/// Escape sequences, C1 controls and bidirectional overrides written (escaped) into a rule set, a decision and
/// a test case never reach the output of any command that prints for people.
@Suite struct TerminalSafetyTests {
    /// ESC with CSI (clear screen), OSC (window title), a bare C1 CSI, BEL, and RIGHT-TO-LEFT OVERRIDE.
    static let hostile = #"\e[2J\e]0;pwned\a\u009b31m\u202Eevil"#
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\u{9B}", "\u{07}", "\u{202E}"]

    static func folder() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-escape-\(UUID().uuidString)").path
        let set = dir + "/hostile"
        try FileManager.default.createDirectory(atPath: set + "/tests", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: set + "/examples", withIntermediateDirectories: true)
        try """
        ruleset: hostile
        title: "标题\(hostile)"
        version: 1.0.0
        source: {title: "来源\(hostile)", issuer: 测试}
        applies_to: thing
        input:
          name: string
          amount: int
        rules:
          - id: H-01
            title: "金额\(hostile)"
            cite: "第一条\(hostile)"
            require: amount < 10
            message: "{name} 金额\(hostile) {amount}"
        """.write(toFile: set + "/ruleset.yaml", atomically: true, encoding: .utf8)
        try """
        kind: thing
        id: "T-1\(hostile)"
        date: 2020-01-01
        unit: "acftu/\(hostile)"
        name: "名\(hostile)"
        amount: 12
        """.write(toFile: set + "/examples/non-compliant-hostile.yaml", atomically: true, encoding: .utf8)
        try """
        cases:
          - name: "用例\(hostile)"
            decision: ../examples/non-compliant-hostile.yaml
            expect: {verdict: compliant}
        """.write(toFile: set + "/tests/cases.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func noControlCharacterReachesAnyTextOutput() throws {
        let dir = try Self.folder()
        let decision = dir + "/hostile/examples/non-compliant-hostile.yaml"
        let runs: [[String]] = [
            ["check", "--rules", dir, "--audit", dir + "/t.sqlite", decision],
            ["check", "--rules", dir, "--no-audit", "--quiet", decision],
            ["explain", "--rules", dir, decision],
            ["lint", dir + "/hostile"],
            ["test", dir + "/hostile"],
            ["doc", "--rules", dir, "--format", "md"],
            ["log", "list", "--audit", dir + "/t.sqlite"],
            ["log", "verify", "--audit", dir + "/t.sqlite"],
            ["audit", "--rules", dir, "--no-audit", decision],
            ["eval", "--rules", dir, "--input", decision, "name"],
            ["check", "--rules", dir, "--no-audit", dir + "/no-such-\(Self.hostile).yaml"],
        ]
        for args in runs {
            let r = try Run.bylaw(args)
            let all = r.stdout + r.stderr
            for scalar in Self.forbidden {
                #expect(
                    !all.unicodeScalars.contains(scalar),
                    "\(args.prefix(2)) printed U+\(String(scalar.value, radix: 16))")
            }
            #expect(!all.isEmpty, "\(args.prefix(2)) printed nothing")
        }
        // The text is still there, with the controls shown as U+FFFD.
        let check = try Run.bylaw(["check", "--rules", dir, "--no-audit", decision])
        #expect(check.stdout.contains("金额\u{FFFD}[2J"))
    }
}
