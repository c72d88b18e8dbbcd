import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawDiagnostics
import BylawLocale
import BylawReports
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: Language.current.help("help.diff.abstract"),
        discussion: Language.current.help("help.diff.discussion"))

    @Argument(help: ArgumentHelp(Language.current.help("help.diff.old")))
    var old: String

    @Argument(help: ArgumentHelp(Language.current.help("help.diff.new")))
    var new: String

    @Option(help: ArgumentHelp(Language.current.help("help.diff.format")))
    var format: DiffFormat = .text

    func run() throws {
        let a = try Self.load(old)
        let b = try Self.load(new)
        let diffs = RuleSetDiff.compare(old: a, new: b)
        switch format {
        case .text: FileHandleOutput.writeAll(fd: 1, DiffReport.text(diffs, language: Language.current))
        case .md: FileHandleOutput.writeAll(fd: 1, DiffReport.markdown(diffs, language: Language.current))
        case .json: FileHandleOutput.writeAll(fd: 1, DiffReport.json(diffs) + "\n")
        }
        if diffs.contains(where: { !$0.entries.isEmpty }) { throw Exit.notCompliant }
    }

    /// Every rule set at `path`; a load error is printed and exits 2.
    static func load(_ path: String) throws -> [RuleSet] {
        let groups: [LintTargets.Group]
        switch LintTargets.resolve([path]) {
        case .success(let g): groups = g
        case .failure(let e):
            printError("bylaw: \(e.message)")
            throw Exit.invalid
        }
        var sets: [RuleSet] = []
        for g in groups {
            let library = RuleLibrary.load(files: g.files, calendarsRoot: g.calendarsRoot)
            if library.diagnostics.hasErrors {
                printDiagnostics(library.diagnostics)
                throw Exit.invalid
            }
            sets += library.ruleSets
        }
        return sets
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, json
}
