import BylawCEL
import BylawDiagnostics
import BylawYAML
import Foundation

/// All rule sets under a rules folder, loaded once, ready to check decisions.
public struct RuleLibrary: Sendable {
    public let root: String
    public private(set) var ruleSets: [RuleSet] = []
    /// Load problems; any error means the library must not be used to check decisions.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Loads every `<root>/<name>/ruleset*.yaml` (calendars come from `<root>/calendars/`).
    public static func load(root: String) -> RuleLibrary {
        var lib = RuleLibrary(root: root)
        let files = RuleSetFiles.find(root: root)
        if files.isEmpty {
            lib.diagnostics.append(
                .error(
                    "library.empty", "no rule sets found under `\(root)`", at: nil,
                    help: "a rule set is a folder holding ruleset.yaml; use --rules to point at the folder"))
        }
        var calendars = CalendarCache(root: root)
        for file in files { lib.add(file: file, calendars: &calendars) }
        lib.checkVersions()
        return lib
    }

    /// Loads only the given rule-set files (for `lint` and `test` on one folder).
    public static func load(files: [String], calendarsRoot: String) -> RuleLibrary {
        var lib = RuleLibrary(root: calendarsRoot)
        var calendars = CalendarCache(root: calendarsRoot)
        for file in files { lib.add(file: file, calendars: &calendars) }
        lib.checkVersions()
        return lib
    }

    private mutating func add(file: String, calendars: inout CalendarCache) {
        let cache = calendars
        var loader = RuleSetLoader(file: file, calendars: { cache.calendar($0) })
        let set = loader.load()
        diagnostics += loader.diags
        if let set, !loader.diags.hasErrors { ruleSets.append(set) }
    }

    /// Two versions of one rule set in force on the same day is a load error.
    private mutating func checkVersions() {
        let groups = Dictionary(grouping: ruleSets, by: \.id)
        for id in groups.keys.sorted() {
            guard let versions = groups[id], versions.count > 1 else { continue }
            let sorted = versions.sorted { a, b in
                guard let x = a.effectiveFrom else { return b.effectiveFrom != nil }
                guard let y = b.effectiveFrom else { return false }
                return x < y
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                var overlap = true
                if let aEnd = a.effectiveUntil, let bFrom = b.effectiveFrom { overlap = bFrom < aEnd }
                if overlap {
                    diagnostics.append(
                        .error(
                            "library.overlapping-versions",
                            "versions \(a.version) and \(b.version) of rule set `\(id)` are both in force on some days",
                            at: SourceLocation(file: b.file, line: 1, column: 1),
                            help: "give the earlier version an `until` no later than the later version's `from`",
                            notes: [
                                .init(
                                    message: "the other version",
                                    location: SourceLocation(file: a.file, line: 1, column: 1))
                            ]))
                }
            }
        }
    }

    /// The rule sets for `kind` in force on `day`, one version per rule-set id, in id order.
    public func applicable(kind: String, on day: CELDate) -> [RuleSet] {
        ruleSets.filter { $0.appliesTo == kind && $0.isInForce(on: day) }.sorted { $0.id < $1.id }
    }

    /// Every decision kind some rule set applies to.
    public var kinds: [String] { Array(Set(ruleSets.map(\.appliesTo))).sorted() }
}

/// What counts as a rule set on disk: a folder holding `ruleset*.yaml` (or `.yml`) files, one per version,
/// under a library root whose `calendars` folder holds calendars instead.
public enum RuleSetFiles {
    /// Every rule-set file under `root`, folder by folder, sorted.
    static func find(root: String) -> [String] {
        folders(root: root).flatMap(inFolder)
    }

    /// The rule-set folders directly under `root`, sorted.
    public static func folders(root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().filter { $0 != "calendars" && !$0.hasPrefix(".") }.map { root + "/" + $0 }
            .filter(isRuleSetFolder)
    }

    /// True when `dir` holds at least one rule-set file.
    public static func isRuleSetFolder(_ dir: String) -> Bool { !inFolder(dir).isEmpty }

    /// The rule-set files in `dir`, sorted.
    static func inFolder(_ dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix("ruleset") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted().map { dir + "/" + $0 }
    }
}

/// Calendars by name, each read once.
struct CalendarCache: @unchecked Sendable {
    // INVARIANT: used only while a library loads, on one thread.
    final class Box { var loaded: [String: Result<WorkingCalendar, LoadFailure>] = [:] }
    let root: String
    let box = Box()

    func calendar(_ name: String) -> Result<WorkingCalendar, LoadFailure> {
        if let done = box.loaded[name] { return done }
        let path = root + "/calendars/" + name + ".yaml"
        let result: Result<WorkingCalendar, LoadFailure>
        if SchemaParser.isIdentifier(name.replacingOccurrences(of: "-", with: "_")) {
            result = WorkingCalendar.load(path: path)
        } else {
            result = .failure(
                LoadFailure(diagnostics: [.error("ruleset.calendar", "`\(name)` is not a calendar name", at: nil)]))
        }
        box.loaded[name] = result
        return result
    }
}
