import BylawYAML
import Foundation
import Testing

/// The yaml-test-suite, read from `../shared/conformance/yaml` beside the package (never copied in).
///
/// Every valid case with `in.json` must load (in multi-document mode) to that JSON; every `error`
/// case must be rejected. Cases that differ by our policy or because of libyaml 0.2.5 are listed in
/// `yaml-suite-deviations.txt`; a listed case that no longer deviates fails too.
@Suite struct ConformanceTests {
    static let suite: String = {
        var url = URL(fileURLWithPath: testsDirectory)
        for _ in 0..<2 { url.deleteLastPathComponent() }  // Tests/BylawYAMLTests -> package root
        return url.deletingLastPathComponent().appendingPathComponent("shared/conformance/yaml").path
    }()

    /// Case id (`2G84/01`) -> folder.
    static func cases() -> [(id: String, dir: String)] {
        let fm = FileManager.default
        guard let top = try? fm.contentsOfDirectory(atPath: suite) else { return [] }
        var out: [(String, String)] = []
        for name in top.sorted() {
            let dir = suite + "/" + name
            if fm.fileExists(atPath: dir + "/in.yaml") {
                out.append((name, dir))
            } else if let subs = try? fm.contentsOfDirectory(atPath: dir) {
                for sub in subs.sorted() where fm.fileExists(atPath: dir + "/" + sub + "/in.yaml") {
                    out.append((name + "/" + sub, dir + "/" + sub))
                }
            }
        }
        return out
    }

    static func deviations() -> [String: String] {
        guard let text = readText(testsDirectory + "/yaml-suite-deviations.txt") else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.allSatisfy(\.isWhitespace) {
            let parts = line.split(separator: " ", maxSplits: 1)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        }
        return out
    }

    enum Outcome {
        case matches
        case skipped
        case deviates(String)
    }

    static func run(_ dir: String) -> Outcome {
        let fm = FileManager.default
        guard let input = fm.contents(atPath: dir + "/in.yaml") else { return .skipped }
        let stream = YAMLDocumentStream(bytes: Array(input), file: "in.yaml", limits: .ruleSet)
        var docs: [JSONValue] = []
        var failure: String?
        do {
            while let doc = try stream.next() { docs.append(YAMLNodeView(node: doc).json) }
        } catch {
            failure = error.diagnostics.first.map { "\($0.code): \($0.message)" } ?? "rejected"
        }
        if fm.fileExists(atPath: dir + "/error") {
            return failure == nil ? .deviates("accepted, but the suite says it is invalid") : .matches
        }
        guard let expectedBytes = fm.contents(atPath: dir + "/in.json") else { return .skipped }
        if let failure { return .deviates("rejected: \(failure)") }
        guard let expected = JSONValue.parseAll(Array(expectedBytes)) else { return .skipped }
        return expected == docs ? .matches : .deviates("loaded to different JSON: \(docs)")
    }

    @Test func yamlTestSuite() {
        let cases = Self.cases()
        guard !cases.isEmpty else {
            print("yaml-test-suite: skipped, no cases at \(Self.suite)")
            return
        }
        let listed = Self.deviations()
        var (passed, deviating, skipped) = (0, 0, 0)
        var suggestions: [String] = []
        for c in cases {
            switch Self.run(c.dir) {
            case .skipped:
                skipped += 1
                if listed[c.id] != nil { Issue.record("\(c.id) is listed as deviating but is skipped (no in.json)") }
            case .matches:
                passed += 1
                if listed[c.id] != nil {
                    Issue.record("\(c.id) is listed as deviating but now conforms: remove it from the list")
                }
            case .deviates(let why):
                deviating += 1
                if listed[c.id] == nil {
                    Issue.record("\(c.id) deviates and is not listed: \(why)")
                    suggestions.append("\(c.id) \(why)")
                }
            }
        }
        for id in listed.keys where !cases.contains(where: { $0.id == id }) {
            Issue.record("\(id) is listed as deviating but is not in the suite")
        }
        let counts = "\(passed) passed, \(deviating) deviating (listed), \(skipped) skipped (no in.json)"
        print("yaml-test-suite: \(cases.count) cases: \(counts)")
        #expect(passed + deviating + skipped == cases.count, "every case is counted once")
        #expect(passed > 250, "most of the suite loads to its expected JSON")
        if ProcessInfo.processInfo.environment["BYLAW_PRINT_DEVIATIONS"] != nil {
            print(suggestions.joined(separator: "\n"))
        }
    }
}
