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
        discussion: """
            OLD and NEW are each a rule-set file, a rule-set folder or a rule library. Two files compare \
            whatever their ids; otherwise sets pair by id and version, then each id's latest versions pair, \
            and a set on one side only is added or removed.

            For each pair: the header (version, effective dates, source…), input fields, parameters, `let`s, tables row by \
            row, and rules by id — added, removed, and changed in title, cite, severity, when, require or \
            message. A rule whose id changed but whose title did not is shown as renamed (`id`).

            EXAMPLES
              r=rules/cadre-selection; bylaw diff $r/ruleset.yaml $r/ruleset-2019.yaml
              r=rules/proposal-handling/ruleset; bylaw diff $r.yaml $r-2025.yaml --format md
              r=rules/asset-management/ruleset; bylaw diff $r-2017.yaml $r.yaml
              bylaw diff rules/union-funds rules/union-funds --format json

            EXIT CODES
              0  no differences
              1  differences
              2  a side does not load, or the command line is wrong
            """)

    @Argument(help: "The old version: a rule-set file or folder, or a rule library.")
    var old: String

    @Argument(help: "The new version: a rule-set file or folder, or a rule library.")
    var new: String

    @Option(help: "Output format: text, md or json.")
    var format: DiffFormat = .text

    func run() throws {
        let a = try Self.load(old)
        let b = try Self.load(new)
        let diffs = RuleSetDiff.compare(old: a, new: b)
        switch format {
        case .text: FileHandleOutput.writeAll(fd: 1, DiffReport.text(diffs))
        case .md: FileHandleOutput.writeAll(fd: 1, DiffReport.markdown(diffs))
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
