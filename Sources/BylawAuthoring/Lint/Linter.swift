import Bylaw
import BylawCEL
import BylawDiagnostics
import Foundation

/// `bylaw lint`: every load diagnostic of some rule-set files, then the static analyses on the versions that
/// loaded cleanly.
public enum Linter {
    /// The analyses `bylaw lint` runs, in order. To add a check, add an analysis here.
    public static let standardAnalyses: [any LintAnalysis] = [
        TableAnalysis(), ConstantAnalysis(), EnumAnalysis(), UsageAnalysis(), CitationAnalysis(), VersionAnalysis(),
        CalendarAnalysis(), LooseningAnalysis(), CostAnalysis(),
    ]

    /// Every check the standard analyses may report, in catalogue order.
    public static var checks: [LintCheck] { standardAnalyses.flatMap(\.checks) }

    /// Lints `files` (rule-set files; calendars come from `<calendarsRoot>/calendars/`).
    /// Effective-date checks compare the versions among `files` only; `asOf` is the day time-bound checks
    /// (a calendar running out) are judged on, none when nil.
    public static func lint(
        files: [String], calendarsRoot: String, analyses: [any LintAnalysis] = standardAnalyses,
        asOf: CELDate? = nil
    ) -> LintReport {
        let library = RuleLibrary.load(files: files, calendarsRoot: calendarsRoot)
        var sources = LintSources()
        for set in library.ruleSets { sources.read(set.file) }
        let input = LintInput(ruleSets: library.ruleSets, sources: sources, asOf: asOf)
        var diagnostics = library.diagnostics
        for analysis in analyses { diagnostics += analysis.run(input) }
        var seen: Set<Diagnostic> = []
        diagnostics = diagnostics.filter { seen.insert($0).inserted }
        return LintReport(
            files: files, ruleSets: Set(library.ruleSets.map(\.file)).count, diagnostics: diagnostics.sortedForOutput())
    }
}

/// The outcome of linting some files.
public struct LintReport: Sendable {
    /// The rule-set files linted, as named.
    public var files: [String]
    /// How many of them loaded cleanly and were analysed (a set that extends another counts once, however many
    /// parent versions it is built on).
    public var ruleSets: Int
    /// Every finding, in output order.
    public var diagnostics: [Diagnostic]

    public init(files: [String], ruleSets: Int, diagnostics: [Diagnostic]) {
        self.files = files
        self.ruleSets = ruleSets
        self.diagnostics = diagnostics
    }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    /// `2 errors, 1 warning, 0 notes`.
    public var summary: String {
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return [n(count(.error), "error"), n(count(.warning), "warning"), n(count(.note), "note")]
            .joined(separator: ", ")
    }
}

/// What `bylaw lint PATH...` lints: each path is a rule-set file, a rule-set folder or a rule library, and its
/// files are grouped by the library whose `calendars` folder they use.
public enum LintTargets {
    /// Rule-set files that share a library root (for calendars and for comparing versions).
    public struct Group: Sendable, Equatable {
        public var calendarsRoot: String
        public var files: [String]

        public init(calendarsRoot: String, files: [String]) {
            self.calendarsRoot = calendarsRoot
            self.files = files
        }
    }

    /// A path that is not there or holds no rule set: a usage error.
    public struct PathError: Error, Sendable {
        public var message: String
    }

    public static func resolve(_ paths: [String]) -> Result<[Group], PathError> {
        var groups: [Group] = []
        for raw in paths {
            let path = raw.count > 1 && raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                return .failure(PathError(message: "`\(raw)` does not exist"))
            }
            let group: Group
            if !isDir.boolValue {
                let folder = parent(path)
                group = Group(calendarsRoot: parent(folder), files: [path])
            } else if RuleSetFiles.isRuleSetFolder(path) {
                group = Group(calendarsRoot: parent(path), files: RuleSetFiles.inFolder(path))
            } else {
                let files = RuleSetFiles.find(root: path)
                guard !files.isEmpty else {
                    return .failure(
                        PathError(
                            message: "`\(raw)` holds no rule set (a folder with ruleset.yaml, or folders of them)"))
                }
                group = Group(calendarsRoot: path, files: files)
            }
            if let i = groups.firstIndex(where: { $0.calendarsRoot == group.calendarsRoot }) {
                for f in group.files where !groups[i].files.contains(f) { groups[i].files.append(f) }
            } else {
                groups.append(group)
            }
        }
        return .success(groups)
    }

    private static func parent(_ path: String) -> String {
        if path == "." { return ".." }
        let p = (path as NSString).deletingLastPathComponent
        return p.isEmpty ? "." : p
    }
}

extension Linter {
    /// Lints every group and merges the reports.
    public static func lint(
        _ groups: [LintTargets.Group], analyses: [any LintAnalysis] = standardAnalyses, asOf: CELDate? = nil
    )
        -> LintReport
    {
        var merged = LintReport(files: [], ruleSets: 0, diagnostics: [])
        for g in groups {
            let r = lint(files: g.files, calendarsRoot: g.calendarsRoot, analyses: analyses, asOf: asOf)
            merged.files += r.files
            merged.ruleSets += r.ruleSets
            merged.diagnostics += r.diagnostics
        }
        merged.diagnostics = merged.diagnostics.sortedForOutput()
        return merged
    }
}
