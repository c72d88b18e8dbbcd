import ArgumentParser
import Bylaw
import BylawAuthoring
import BylawCEL
import BylawDiagnostics
import BylawLocale
import BylawReports
import Foundation

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: Language.current.help("help.lint.abstract"),
        usage: "bylaw lint [<paths> ...] [--rules <dir>] [--format <format>] [--strict]\n"
            + "           [--as-of <date>] [--translations]",
        discussion: Language.current.help(
            "help.lint.discussion", LintHelp.checks, Language.current.text("diag.severity.warning"),
            Language.current.text("diag.help")))

    @Argument(help: ArgumentHelp(Language.current.help("help.lint.paths")))
    var paths: [String] = []

    @OptionGroup var rules: RulesOption

    @Option(help: ArgumentHelp(Language.current.help("help.lint.format")))
    var format: LintFormat = .text

    @Flag(help: ArgumentHelp(Language.current.help("help.lint.strict")))
    var strict = false

    @Option(
        help: ArgumentHelp(Language.current.help("help.lint.as-of"), valueName: "date"))
    var asOf: String?

    @Flag(help: ArgumentHelp(Language.current.help("help.lint.translations")))
    var translations = false

    func run() throws {
        let groups: [LintTargets.Group]
        switch LintTargets.resolve(paths.isEmpty ? [rules.directory] : paths) {
        case .success(let g): groups = g
        case .failure(let e): throw ValidationError(e.message)
        }
        let day = try asOf.map(parseDate) ?? LocalDay.today()
        let analyses = Linter.standardAnalyses + (translations ? [TranslationAnalysis()] : [])
        let report = Linter.lint(groups, analyses: analyses, asOf: day)
        switch format {
        case .text:
            let renderer = DiagnosticRenderer(
                colour: FileHandleOutput.stdoutIsTerminal, language: Language.current,
                source: DiagnosticRenderer.fileSource)
            FileHandleOutput.writeText(LintOutput.text(report, renderer: renderer, language: Language.current))
        case .json:
            FileHandleOutput.writeAll(fd: 1, LintOutput.json(report) + "\n")
        case .sarif:
            let base = FileManager.default.currentDirectoryPath
            FileHandleOutput.writeAll(fd: 1, LintOutput.sarif(report, checks: analyses.flatMap(\.checks), base: base))
        }
        if report.count(.error) > 0 || (strict && report.count(.warning) > 0) { throw Exit.notCompliant }
    }
}

/// `--format text|json|sarif` for lint.
enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// The checks list of `bylaw lint --help`, kept within 80 columns.
enum LintHelp {
    /// Each check's code, severity and summary, in the reader's language: in Chinese the catalogue's statement
    /// of the check's diagnostic code (the summaries are English prose kept beside the analyses).
    static var checks: String {
        let language = Language.current
        return Linter.checks.map { c in
            let severity = DiagnosticWording.severity(c.severity.rawValue, language)
            let summary = language == .chinese ? language.text("diag." + c.code) : c.summary
            let aside = language == .chinese ? "（\(severity)）" : " (\(severity))"
            return "  \(c.code)\(aside)\n" + wrap(summary, width: 72).map { "      " + $0 + "\n" }.joined()
        }.joined()
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// Today's date where the user is, for the commands that default to it (`lint --as-of`). Rules never read it.
enum LocalDay {
    static func today() -> CELDate? {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return CELDate(year: y, month: m, day: d)
    }
}
