import BylawDiagnostics
import Foundation
import Testing

/// `--help` of every command as a user reads it in an 80-column terminal.
@Suite struct HelpTextTests {
    static let commands: [[String]] = [
        ["check"], ["audit"], ["lint"], ["test"], ["explain"], ["eval"], ["doc"], ["new"], ["schema"], ["diff"],
        ["fmt"],
        ["log"], ["log", "list"], ["log", "show"], ["log", "export"], ["log", "head"], ["log", "verify"],
        ["log", "checkpoint"], ["log", "backup"], ["log", "prune"], ["log", "migrate"],
        ["map", "init"], ["repl"], ["replay"], ["serve"],
    ]

    /// Every command in both languages: a Chinese block is laid out by hand just as an English one.
    static let commandsInEachLanguage: [(command: [String], language: String)] = commands.flatMap { command in
        ["en", "zh"].map { (command, $0) }
    }

    /// The text before `USAGE:` (`用法：`): the overview and the discussion.
    static func discussion(_ command: [String], columns: Int, language: String = "en") throws -> [Substring] {
        let r = try Run.bylaw(
            command + ["--help"], environment: ["COLUMNS": String(columns), "BYLAW_LANG": language])
        #expect(r.status == 0, "\(command): \(r.stderr)")
        let head =
            r.stdout.components(separatedBy: "\nUSAGE:").first?.components(separatedBy: "\n用法：").first ?? ""
        return head.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The argument parser wraps prose to the terminal, but an indented block (a list of inputs, exit codes,
    /// the audit-trail note) is laid out by hand: a line of it longer than 80 columns would be broken by the
    /// parser at column 0, out of its block. Asked for at 1000 columns, so the parser wraps nothing, every
    /// indented line must already fit in 80 (a CJK character takes two).
    /// The whole screen, options and usage included, fits the terminal it is printed for, and Chinese help has
    /// none of the parser's English words (`(default: …)`) left, however the lines fall.
    @Test(arguments: commandsInEachLanguage) func wholeHelpFitsTheTerminal(_ command: [String], language: String) throws
    {
        for columns in [80, 64] {
            let r = try Run.bylaw(
                command + ["--help"], environment: ["COLUMNS": String(columns), "BYLAW_LANG": language])
            #expect(r.status == 0)
            let options = r.stdout.components(separatedBy: language == "zh" ? "\n选项：" : "\nOPTIONS:").last ?? ""
            for line in options.split(separator: "\n") {
                #expect(
                    DisplayWidth.of(line) <= columns,
                    "`BYLAW_LANG=\(language) COLUMNS=\(columns) bylaw \(command.joined(separator: " ")) --help`: \(line)"
                )
            }
            let heading = language == "zh" ? "用法：" : "USAGE: "
            let usage = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { !$0.hasPrefix(heading) }.prefix { !$0.isEmpty }
            #expect(!usage.isEmpty && usage.allSatisfy { DisplayWidth.of($0) <= columns }, "\(command): \(usage)")
            if language == "zh" {
                #expect(!r.stdout.contains("(default:") && !r.stdout.contains("(values:"), "\(command) \(columns)")
                #expect(!r.stdout.contains("OPTIONS:") && !r.stdout.contains("USAGE:"), "\(command) \(columns)")
            }
        }
    }

    @Test(arguments: commandsInEachLanguage) func indentedHelpLinesFitEightyColumns(
        _ command: [String], language: String
    ) throws {
        let lines = try Self.discussion(command, columns: 1000, language: language)
        #expect(lines.count > 1, "\(command) has no discussion")
        for line in lines where line.hasPrefix(" ") {
            let width = DisplayWidth.of(line)
            #expect(
                width <= 80,
                "`BYLAW_LANG=\(language) bylaw \(command.joined(separator: " ")) --help`: \(width) columns: \(line)")
        }
    }
}
