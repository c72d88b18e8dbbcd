import BylawDiagnostics
import Foundation
import Testing

/// `--help` of every command as a user reads it in an 80-column terminal.
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        ["check"], ["audit"], ["lint"], ["test"], ["explain"], ["eval"], ["doc"], ["new"], ["schema"], ["diff"],
        ["fmt"],
        ["log"], ["log", "list"], ["log", "show"], ["log", "export"], ["log", "head"], ["log", "verify"],
        ["map", "init"],
    ]

    /// The text before `USAGE:`: the overview and the discussion.
    static func discussion(_ command: [String], columns: Int) throws -> [Substring] {
        let r = try Run.bylaw(command + ["--help"], environment: ["COLUMNS": String(columns)])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        let head = r.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        return head.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The argument parser wraps prose to the terminal, but an indented block (a list of inputs, exit codes,
    /// the audit-trail note) is laid out by hand: a line of it longer than 80 columns would be broken by the
    /// parser at column 0, out of its block. Asked for at 1000 columns, so the parser wraps nothing, every
    /// indented line must already fit in 80 (a CJK character takes two).
    @Test(arguments: commands) func indentedHelpLinesFitEightyColumns(_ command: [String]) throws {
        let lines = try Self.discussion(command, columns: 1000)
        #expect(lines.count > 1, "\(command) has no discussion")
        for line in lines where line.hasPrefix(" ") {
            let width = DisplayWidth.of(line)
            #expect(width <= 80, "`bylaw \(command.joined(separator: " ")) --help`: \(width) columns: \(line)")
        }
    }
}
