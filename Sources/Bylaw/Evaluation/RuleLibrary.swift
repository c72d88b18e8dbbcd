import BylawCEL
import BylawDiagnostics
import BylawYAML
import Foundation

/// All rule sets under a rules folder, loaded once, ready to check decisions.
public struct RuleLibrary: Sendable {
    public let root: String
    public private(set) var ruleSets: [RuleSet] = []
    /// `ruleSets`, each with what evaluating it needs computed once; rebuilt whenever sets are added.
    private(set) var runtimes: [RuleSetRuntime] = []
    /// Load problems; any error means the library must not be used to check decisions.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The rule-set files loaded, in the order given, and the bytes of every file read (see `replica()`).
    private var files: [String] = []
    private var sources = LibrarySources()

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
        lib.add(files: files)
        return lib
    }

    /// Loads only the given rule-set files (for `lint` and `test` on one folder).
    public static func load(files: [String], calendarsRoot: String) -> RuleLibrary {
        var lib = RuleLibrary(root: calendarsRoot)
        lib.add(files: files)
        return lib
    }

    /// The bytes `file` (a rule-set or calendar file) had when this library read it; nil for a file it did not
    /// read. What an audit record hashes, rather than the file as it may be now.
    public func loadedBytes(of file: String) -> [UInt8]? { sources.bytes(of: file) }

    /// The same library loaded again from the bytes this one was loaded from, never from the files, which may
    /// have changed since: the same rule sets, rules, tables and calendars, sharing no object with this one.
    ///
    /// A batch gives each worker thread a replica. Threads reading one shared library count references on the
    /// same objects (programs, schemas, names) for every record, and those atomic counts on shared memory
    /// slow every thread down; with a replica each counts on its own.
    public func replica() -> RuleLibrary {
        var lib = RuleLibrary(root: root)
        lib.sources = LibrarySources(replaying: sources)
        lib.add(files: files)
        return lib
    }

    /// Loads the files, parents before the sets that extend them, then checks how versions and extensions
    /// fit together.
    private mutating func add(files: [String]) {
        self.files += files
        // Calendars come from `<root>/calendars/`, each read once, through `sources`.
        let cache = CalendarCache(root: root, sources: sources)
        var documents: [ExtensionOrder.Document] = []
        for file in files {
            do {
                let root = try sources.load(path: file)
                documents.append(.init(file: file, root: root, header: RuleSetLoader.header(root)))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var order = ExtensionOrder(documents: documents)
        diagnostics += order.problems()
        var failed: Set<String> = []
        for doc in order.sorted() {
            var loader = RuleSetLoader(file: doc.file, calendars: { cache.calendar($0) })
            var pieces: [RuleSet] = []
            if let parent = doc.header.extends {
                guard !failed.contains(parent), let bases = order.loaded[parent], !bases.isEmpty else {
                    if let id = doc.header.id { failed.insert(id) }
                    continue
                }
                let overlapping = bases.filter {
                    Periods.overlap(($0.effectiveFrom, $0.effectiveUntil), (doc.header.from, doc.header.until))
                }
                for base in overlapping.isEmpty ? [bases[0]] : overlapping {
                    if let set = loader.parse(doc.root, base: base) { pieces.append(set) }
                }
                if let gap = Periods.firstUncovered(
                    (doc.header.from, doc.header.until), by: bases.map { ($0.effectiveFrom, $0.effectiveUntil) })
                {
                    loader.diags.append(
                        .error(
                            "ruleset.parent-not-in-force",
                            "`\(doc.header.id ?? "")` is in force \(gap) but no version of `\(parent)` is",
                            at: doc.header.extendsLocation,
                            help: "an extending set needs its parent on every day it is in force: "
                                + "give it an `effective` period within its parent's"))
                }
            } else if let set = loader.parse(doc.root) {
                pieces.append(set)
            }
            let diags = Self.unique(loader.diags)
            diagnostics += diags
            if diags.hasErrors {
                if let id = doc.header.id { failed.insert(id) }
            } else {
                ruleSets += pieces
                if let id = pieces.first?.id { order.loaded[id, default: []] += pieces }
            }
        }
        checkVersions()
        diagnostics += Self.extensionProblems(ruleSets)
        runtimes = ruleSets.map(RuleSetRuntime.init)
    }

    /// Diagnostics without repeats, in first-seen order: an extending set is read once per parent version.
    static func unique(_ diags: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diags.filter { seen.insert($0).inserted }
    }

    /// Two versions of one rule set in force on the same day is a load error.
    private mutating func checkVersions() {
        var files: Set<String> = []
        let declared = ruleSets.filter { files.insert($0.file).inserted }.map { set -> RuleSet in
            var s = set
            s.effectiveFrom = set.declaredFrom
            s.effectiveUntil = set.declaredUntil
            return s
        }
        let groups = Dictionary(grouping: declared, by: \.id)
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

    /// The rule sets for `kind` in force on `day` whose scope takes in `unit`, one version per rule-set id,
    /// in id order. A set extended by another that applies is left out: its rules are evaluated once, as part of
    /// the set that extends it. With `unit` nil, sets limited by a `scope` are left out too.
    public func applicable(kind: String, on day: CELDate, unit: String? = nil) -> [RuleSet] {
        applicableRuntimes(kind: kind, on: day, unit: unit).map(\.set)
    }

    /// `applicable`, as the sets' runtimes: what checking a decision uses, once per record of a batch.
    package func applicableRuntimes(kind: String, on day: CELDate, unit: String?) -> [RuleSetRuntime] {
        let sets = runtimes.filter {
            $0.set.appliesTo == kind && $0.set.isInForce(on: day) && $0.set.covers(unit: unit)
        }
        guard sets.count > 1 else { return sets }
        let extended = Set(sets.flatMap { $0.set.parents.map(\.id) })
        return sets.filter { !extended.contains($0.set.id) }.sorted { $0.set.id < $1.set.id }
    }

    /// Adds the rule sets of other libraries, for a rule book that spans them.
    package mutating func include(_ others: [RuleLibrary]) {
        for other in others { ruleSets += other.ruleSets }
        runtimes = ruleSets.map(RuleSetRuntime.init)
    }

    /// Every decision kind some rule set applies to.
    public var kinds: [String] { Array(Set(ruleSets.map(\.appliesTo))).sorted() }
}

/// What counts as a rule set on disk: a folder holding `ruleset*.yaml` (or `.yml`) files, one per version,
/// under a library root whose `calendars` folder holds calendars instead.
public enum RuleSetFiles {
    /// Every rule-set file under `root`, folder by folder, sorted.
    package static func find(root: String) -> [String] {
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
    package static func inFolder(_ dir: String) -> [String] {
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
    let sources: LibrarySources
    let box = Box()

    func calendar(_ name: String) -> Result<WorkingCalendar, LoadFailure> {
        if let done = box.loaded[name] { return done }
        let path = root + "/calendars/" + name + ".yaml"
        let result: Result<WorkingCalendar, LoadFailure>
        if SchemaParser.isIdentifier(name.replacingOccurrences(of: "-", with: "_")) {
            result = WorkingCalendar.load(path: path, reading: sources.load(path:))
        } else {
            result = .failure(
                LoadFailure(diagnostics: [.error("ruleset.calendar", "`\(name)` is not a calendar name", at: nil)]))
        }
        box.loaded[name] = result
        return result
    }
}

/// The bytes of the files a library is loaded from. Loading from the disk keeps them; a replica of the library
/// loads from them again, never from the files (`RuleLibrary.replica()`).
final class LibrarySources: @unchecked Sendable {
    // INVARIANT: `bytes` is written only while its library loads, on one thread, and only read after; a
    // replaying instance never writes it.
    private var bytes: [String: [UInt8]] = [:]
    private let replaying: Bool

    /// Reads from the disk, keeping what it reads.
    init() { replaying = false }

    /// Reads only what `recorded` read.
    init(replaying recorded: LibrarySources) {
        bytes = recorded.bytes
        replaying = true
    }

    /// The bytes kept for `path`.
    func bytes(of path: String) -> [UInt8]? { bytes[path] }

    /// The one document in the file at `path`, under the rule-set limits.
    func load(path: String) throws(YAMLLoadError) -> YAMLNode {
        guard !replaying else {
            guard let kept = bytes[path] else {
                throw YAMLLoadError(diagnostics: [
                    .error("io.unreadable", "`\(path)` was not read when the library was first loaded", at: nil)
                ])
            }
            return try YAMLLoader.load(bytes: kept, file: path, limits: .ruleSet)
        }
        try LibraryPaths.refuseLink(path)
        let (node, read) = try YAMLLoader.loadKeepingBytes(path: path, limits: .ruleSet)
        bytes[path] = read
        return node
    }
}

/// What a rule library reads stays inside it: no file through a symbolic link (a link could show any file of
/// the machine in an error's snippet), and paths written in it resolve within its root.
public enum LibraryPaths {
    /// Refuses a symbolic link at `path`.
    public static func refuseLink(_ path: String) throws(YAMLLoadError) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw YAMLLoadError(diagnostics: [
                .error(
                    "io.symlink",
                    "`\(path)` is a symbolic link: a rule library reads its own files only, never through a link",
                    at: nil)
            ])
        }
    }

    /// Whether `path` lies inside `root`: by its `.` and `..` components, and again with the links in its folders
    /// resolved (a linked folder inside the library may point outside it).
    public static func isInside(_ path: String, root: String) -> Bool {
        func within(_ p: String, _ r: String) -> Bool { p.hasPrefix(r.hasSuffix("/") ? r : r + "/") }
        guard within(lexical(path), lexical(root)) else { return false }
        let parent = resolved((lexical(path) as NSString).deletingLastPathComponent)
        return within(parent + "/" + (path as NSString).lastPathComponent, resolved(root))
    }

    /// An absolute path with `.` and `..` taken away by the text alone, links left as they are.
    public static func lexical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func resolved(_ path: String) -> String {
        guard let p = realpath(path.isEmpty ? "." : path, nil) else { return (path as NSString).standardizingPath }
        defer { free(p) }
        return String(cString: p)
    }
}

/// Replicas of a library for worker threads (see `RuleLibrary.replica()`): the first `limit` callers of
/// `next()` each get a replica of their own, loaded on their own thread; later callers share those, in turn.
/// With more workers than cores, extra replicas would only add loading time.
public final class LibraryReplicas: @unchecked Sendable {
    // INVARIANT: `made` and `handedOut` are read and written only under `lock`.
    private let lock = NSLock()
    private let library: RuleLibrary
    private let limit: Int
    private var made: [RuleLibrary?]
    private var handedOut = 0

    public init(of library: RuleLibrary, limit: Int) {
        self.library = library
        self.limit = max(1, limit)
        made = Array(repeating: nil, count: self.limit)
    }

    /// The library itself for the first worker, a replica for each other one (one per core at most); the
    /// library itself for a worker whose shared replica is still loading. The first worker takes the library
    /// as it is because loading a replica costs what loading the library did (a tenth of a second for the
    /// shipped one), which a small batch on one worker would pay for nothing.
    public func next() -> RuleLibrary {
        lock.lock()
        let index = handedOut % limit
        let fresh = handedOut < limit
        handedOut += 1
        let existing = made[index]
        lock.unlock()
        guard fresh, index > 0 else { return existing ?? library }
        let replica = library.replica()
        lock.lock()
        made[index] = replica
        lock.unlock()
        return replica
    }

    /// How many replicas have been loaded so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return made.count { $0 != nil }
    }
}
