import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML
import Foundation

/// One test case of a rule set: a decision and exactly what checking it must give.
public struct TestCase: Sendable {
    public var name: String
    /// The file the case is written in.
    public var file: String
    public var location: SourceLocation
    public var decision: YAMLNode
    public var decisionFile: String
    public var asOf: CELDate?
    public var expectedVerdict: Verdict?
    /// Exact sets, when given.
    public var failed: [String]?
    public var notApplicable: [String]?
    public var errors: [String]?
    /// The rules whose result must rest on a provisional calendar period: exact, when given.
    public var provisional: [String]? = nil
    public var messages: [String: String]
    /// For the case an example file makes, that file's name (`compliant-2019.yaml`): its `name` is
    /// `example compliant-2019.yaml`, which `--run` selects by, and reports word it in their language.
    public var exampleFile: String? = nil
}

/// Reads `tests/*.yaml` and `examples/*.yaml` of a rule-set folder.
public enum TestCaseLoader {
    /// Every case of a folder: those written in `tests/`, then one per example file, whose name says its verdict.
    /// - Parameter folder: a rule-set folder; its parent is the rule library, the only place its tests and
    ///   their decisions are read from.
    public static func load(folder: String) -> (cases: [TestCase], diagnostics: [Diagnostic]) {
        var cases: [TestCase] = []
        var diags: [Diagnostic] = []
        let library = ((folder as NSString).standardizingPath as NSString).deletingLastPathComponent
        for file in yamlFiles(in: folder + "/tests") {
            do {
                try LibraryPaths.refuseLink(file)
                let root = try YAMLLoader.load(path: file, limits: .ruleSet)
                cases += parse(root, file: file, library: library.isEmpty ? "." : library, into: &diags)
            } catch {
                diags += error.diagnostics
            }
        }
        for file in yamlFiles(in: folder + "/examples") {
            let name = (file as NSString).lastPathComponent
            let verdict: Verdict? =
                name.hasPrefix("compliant")
                ? .compliant
                : name.hasPrefix("non-compliant")
                    ? .nonCompliant
                    : name.hasPrefix("needs-review") ? .needsReview : nil
            guard let verdict else { continue }
            do {
                try LibraryPaths.refuseLink(file)
                let root = try YAMLLoader.load(path: file, limits: .decision)
                cases.append(
                    TestCase(
                        name: "example \(name)", file: file, location: root.location, decision: root,
                        decisionFile: file,
                        asOf: nil, expectedVerdict: verdict, failed: nil, notApplicable: nil, errors: nil,
                        messages: [:],
                        exampleFile: name
                    ))
            } catch {
                diags += error.diagnostics
            }
        }
        return (cases, diags)
    }

    static func yamlFiles(in dir: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { dir + "/" + $0 }
    }

    static func parse(_ root: YAMLNode, file: String, library: String, into diags: inout [Diagnostic]) -> [TestCase] {
        /// A decision file a case names: inside the library, never through a link.
        func readDecision(_ path: String, at node: YAMLNode) throws(YAMLLoadError) -> YAMLNode {
            // By the text of the path: standardising it would follow a link before it could be refused.
            let full = LibraryPaths.lexical(
                path.hasPrefix("/") ? path : (file as NSString).deletingLastPathComponent + "/" + path)
            guard LibraryPaths.isInside(full, root: library) else {
                throw YAMLLoadError(diagnostics: [
                    .error(
                        "test.path-outside",
                        "`\(path)` is outside the rule library `\(library)`: a test reads decisions from inside it only",
                        at: node.location)
                ])
            }
            try LibraryPaths.refuseLink(full)
            return try YAMLLoader.load(path: full, limits: .decision)
        }
        guard var top = Fields(root, what: "a test file", into: &diags) else { return [] }
        let items = top.required("cases", in: "a test file", into: &diags)?.sequence ?? []
        top.reportUnknownKeys(in: "a test file", into: &diags)
        var out: [TestCase] = []
        var names: Set<String> = []
        for item in items {
            guard var f = Fields(item, what: "a test case", into: &diags) else { continue }
            let name = f.string("name", required: true, in: "a test case", into: &diags) ?? "?"
            if !names.insert(name).inserted {
                diags.append(.error("test.duplicate-name", "two cases are called `\(name)`", at: item.location))
            }
            _ = f.string("description", required: false, in: "", into: &diags)
            var asOf: CELDate?
            if let a = f.optional("as_of") {
                asOf = a.scalar.flatMap { DecisionTyper.date($0.text) }
                if asOf == nil {
                    diags.append(.error("test.bad-date", "`as_of` is a date written YYYY-MM-DD", at: a.location))
                }
            }
            var decision: YAMLNode?
            var decisionFile = file
            let base = f.optional("base")
            let patch = f.optional("patch")
            if let base {
                // A base decision changed by a merge patch: a case states only what differs.
                if let d = f.optional("decision") {
                    diags.append(
                        .error(
                            "test.decision-and-base", "a case gives either `decision` or `base` and `patch`, not both",
                            at: d.location))
                }
                if let scalar = base.scalar, !scalar.isNull {
                    let path = scalar.text
                    decisionFile = resolve(path, from: file)
                    do {
                        let root = try readDecision(path, at: base)
                        if let patch {
                            if patch.mapping == nil {
                                diags.append(
                                    .error(
                                        "test.bad-patch", "`patch` is a mapping of the fields to change",
                                        at: patch.location))
                            }
                            decision = MergePatch.apply(patch, to: root)
                        } else {
                            decision = root
                        }
                    } catch {
                        diags += error.diagnostics
                    }
                } else {
                    diags.append(
                        .error("test.bad-base", "`base` is the path of a decision file", at: base.location))
                }
            } else if let patch {
                diags.append(.error("test.patch-without-base", "`patch` needs a `base` decision", at: patch.location))
            } else if let d = f.required("decision", in: "test case `\(name)`", into: &diags) {
                if let path = d.scalar?.text {
                    decisionFile = resolve(path, from: file)
                    do {
                        decision = try readDecision(path, at: d)
                    } catch {
                        diags += error.diagnostics
                    }
                } else {
                    decision = d
                }
            }
            var c = TestCase(
                name: name, file: file, location: item.location, decision: decision ?? item, decisionFile: decisionFile,
                asOf: asOf, expectedVerdict: nil, failed: nil, notApplicable: nil, errors: nil, messages: [:])
            if let e = f.required("expect", in: "test case `\(name)`", into: &diags) {
                expectations(e, into: &c, diags: &diags)
            }
            f.reportUnknownKeys(in: "test case `\(name)`", into: &diags)
            if decision != nil { out.append(c) }
        }
        return out
    }

    /// A path written in a test file, relative to that file unless absolute.
    private static func resolve(_ path: String, from file: String) -> String {
        let full = path.hasPrefix("/") ? path : (file as NSString).deletingLastPathComponent + "/" + path
        return (full as NSString).standardizingPath
    }

    private static func expectations(_ node: YAMLNode, into c: inout TestCase, diags: inout [Diagnostic]) {
        guard var e = Fields(node, what: "`expect`", into: &diags) else { return }
        if let v = e.optional("verdict") {
            c.expectedVerdict = v.scalar.flatMap { Verdict(rawValue: $0.text) }
            if c.expectedVerdict == nil {
                diags.append(
                    .error(
                        "test.bad-verdict",
                        "verdict must be one of " + Verdict.allCases.map(\.rawValue).joined(separator: ", "),
                        at: v.location))
            }
        }
        func ids(_ key: String) -> [String]? {
            guard let n = e.optional(key) else { return nil }
            guard let items = n.sequence else {
                diags.append(.error("test.bad-ids", "`\(key)` is a list of rule ids", at: n.location))
                return nil
            }
            return items.compactMap { Fields.text($0, what: "a rule id", into: &diags) }
        }
        c.failed = ids("failed")
        c.notApplicable = ids("not_applicable")
        c.errors = ids("errors")
        c.provisional = ids("provisional")
        if let m = e.optional("messages") {
            for pair in m.mapping ?? [] {
                if let k = pair.key.scalar?.text, let v = pair.value.scalar?.text { c.messages[k] = v }
            }
        }
        e.reportUnknownKeys(in: "`expect`", into: &diags)
    }
}
