import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import Bylaw
@testable import BylawBatch
@testable import BylawReports

/// A replica of a rule library (what each batch worker checks with) is the library it was made from, loaded
/// again from the bytes that library read: the same rules and results, whatever has happened to the files.
@Suite struct LibraryReplicaTests {
    /// Every shipped example, through `library`, as JSON Lines report lines.
    static func lines(_ library: RuleLibrary) throws -> [String] {
        let checker = BatchChecker(library: library)
        let examples = try FileManager.default.subpathsOfDirectory(atPath: Paths.shippedRules)
            .filter { $0.contains("/examples/") && $0.hasSuffix(".yaml") }.sorted()
        #expect(examples.count >= 10, "the shipped examples are there")
        return try examples.enumerated().map { index, path in
            let file = Paths.shippedRules + "/" + path
            let raw = try #require(FileManager.default.contents(atPath: file))
            let record = BatchRecord(
                source: RecordSource(file: path, position: .line(1)),
                body: .document(try YAMLLoader.load(path: file, limits: .decision)), raw: Array(raw))
            return JSONLinesReporter.line(checker.check(record, index: index, keepDocument: false).item)
        }
    }

    static func summary(_ library: RuleLibrary) -> [String] {
        library.ruleSets.map { set in
            ([set.id, set.version, set.file] + set.rules.map { $0.id + ":" + $0.require.source }).joined(separator: " ")
        }
    }

    @Test func aReplicaChecksEveryExampleAlike() throws {
        let library = RuleLibrary.load(root: Paths.shippedRules)
        #expect(!library.diagnostics.hasErrors)
        let replica = library.replica()
        #expect(replica.diagnostics.isEmpty == library.diagnostics.isEmpty)
        #expect(Self.summary(replica) == Self.summary(library))
        #expect(try Self.lines(replica) == Self.lines(library))
    }

    @Test func aReplicaIgnoresChangesMadeToTheFilesSince() throws {
        let root = Scratch.root.appendingPathComponent("replica-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Paths.shippedRules, toPath: root)
        let library = RuleLibrary.load(root: root)
        #expect(!library.diagnostics.hasErrors)
        // A rules officer edits one set, removes another and breaks the calendar while the batch starts.
        let asset = root + "/asset-management/ruleset.yaml"
        let edited = try String(contentsOfFile: asset, encoding: .utf8).replacingOccurrences(
            of: "value: 10000000.00", with: "value: 1.00")
        #expect(edited != (try String(contentsOfFile: asset, encoding: .utf8)))
        try edited.write(toFile: asset, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/cadre-selection/ruleset.yaml")
        for calendar in try FileManager.default.contentsOfDirectory(atPath: root + "/calendars") {
            try "not: [a calendar".write(toFile: root + "/calendars/" + calendar, atomically: false, encoding: .utf8)
        }
        let replica = library.replica()
        #expect(!replica.diagnostics.hasErrors, "\(replica.diagnostics.map(\.message))")
        #expect(Self.summary(replica) == Self.summary(library))
        #expect(try Self.lines(replica) == Self.lines(library))
        // Loading the changed files afresh does differ: the test above could have failed.
        #expect(RuleLibrary.load(root: root).diagnostics.hasErrors)
    }

    /// The first worker takes the library itself and each other one a replica; workers beyond the limit share
    /// what was handed out already, and every one checks alike.
    @Test func replicasForManyWorkersAreCapped() throws {
        let library = RuleLibrary.load(root: Paths.shippedRules)
        let replicas = LibraryReplicas(of: library, limit: 3)
        let handed = (0..<7).map { _ in replicas.next() }
        #expect(replicas.count == 2)
        // Told apart by their rule sets' runtime objects, which no two loads share.
        func same(_ a: RuleLibrary, _ b: RuleLibrary) -> Bool { a.runtimes.first === b.runtimes.first }
        #expect(same(handed[0], library) && !same(handed[1], library) && !same(handed[2], library))
        #expect(!same(handed[1], handed[2]))
        #expect(same(handed[3], handed[0]) && same(handed[4], handed[1]) && same(handed[5], handed[2]))
        #expect(same(handed[6], handed[0]))
        let expected = try Self.lines(library)
        for replica in handed { #expect(try Self.lines(replica) == expected) }
    }

    /// Loading that keeps the bytes parses what it kept, and refuses what `load(path:)` refuses.
    @Test func keepingTheBytesLoadsTheSameDocument() throws {
        let path = Paths.shippedRules + "/asset-management/ruleset.yaml"
        let (node, bytes) = try YAMLLoader.loadKeepingBytes(path: path, limits: .ruleSet)
        #expect(bytes == Array(try #require(FileManager.default.contents(atPath: path))))
        let plain = try YAMLLoader.load(path: path, limits: .ruleSet)
        #expect(node["ruleset"]?.scalar?.text == plain["ruleset"]?.scalar?.text)
        #expect(node.mapping?.count == plain.mapping?.count)
        var small = YAMLLimits.ruleSet
        small.maxBytes = 100
        #expect(throws: YAMLLoadError.self) { try YAMLLoader.loadKeepingBytes(path: path, limits: small) }
        #expect(throws: YAMLLoadError.self) {
            try YAMLLoader.loadKeepingBytes(path: Paths.shippedRules + "/missing.yaml", limits: .ruleSet)
        }
    }
}
