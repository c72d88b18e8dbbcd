import Bylaw
import BylawTestSupport
import BylawYAML
import Crypto
import Foundation
import Testing

@testable import BylawAudit

/// An attacker with the store file and the rule set tries every birth date of 40 years against every hash and
/// every text the store holds. A masked value must not be found, with or without the masking key configured.
@Suite(.serialized) struct BruteForceTests {
    static let ruleSet = """
        ruleset: person
        title: 出生日期
        version: 1.0.0
        source: {title: 测试, issuer: 测试}
        applies_to: person_check
        sensitive: [person.birth_date]
        input:
          person: {name: string, birth_date: date}
        rules:
          - id: P-01
            title: 年满十八周岁
            cite: 第一条
            require: years_between(person.birth_date, date("2025-01-01")) >= 18
            message: '{person.name} 出生于 {person.birth_date}，不满十八周岁'
        """

    static func decision(_ birth: String) -> String {
        "kind: person_check\nid: P-1\ndate: 2025-01-01\nunit: acftu/x\nperson: {name: 王五, birth_date: \(birth)}\n"
    }

    /// Every day from 1960 to 1999, as YYYY-MM-DD.
    static let candidates: [String] = {
        var out: [String] = []
        for year in 1960...1999 {
            for month in 1...12 {
                for day in 1...31 {
                    guard
                        let d = Calendar(identifier: .gregorian).date(
                            from: DateComponents(year: year, month: month, day: day)),
                        Calendar(identifier: .gregorian).component(.day, from: d) == day
                    else { continue }
                    out.append(String(format: "%04d-%02d-%02d", year, month, day))
                }
            }
        }
        return out
    }()

    @Test(arguments: [false, true])
    func aMaskedBirthDateCannotBeRecovered(withKey: Bool) throws {
        let root = try AuditPaths.temp()
        try FileManager.default.createDirectory(atPath: root + "/person", withIntermediateDirectories: true)
        try Data(Self.ruleSet.utf8).write(to: URL(fileURLWithPath: root + "/person/ruleset.yaml"))
        let library = RuleLibrary.load(root: root)
        #expect(!library.diagnostics.hasErrors)
        let secret = "1990-03-07"
        let store = try AuditStore(path: root + "/trail.sqlite")
        let builder = RecordBuilder(
            maskingKey: withKey ? Array("a key only the office has".utf8) : nil, library: library)
        // A valid decision that fails its rule (the message would quote the date), and one whose date is written
        // wrongly (the type error would quote it).
        for text in [Self.decision(secret), Self.decision("1990年3月7日")] {
            let raw = Array(text.utf8)
            let node = try YAMLLoader.load(bytes: raw, file: "p.yaml", limits: .decision)
            let result = library.check(node, file: "p.yaml")
            try store.append([builder.draft(result, raw: raw, document: node, event: "check")], actor: "t")
        }
        try store.tamper("PRAGMA wal_checkpoint(TRUNCATE)")
        let file = try Data(contentsOf: URL(fileURLWithPath: root + "/trail.sqlite"))
        let contents = String(decoding: file, as: UTF8.self)
        #expect(!contents.contains(secret))
        #expect(!contents.contains("1990年3月7日"))
        #expect(!contents.contains("19900307"))
        // Every hex hash the store holds in text, against every candidate's raw and canonical hashes.
        var stored: Set<String> = []
        let hex = Array(contents.utf8)
        var run = 0
        for (k, c) in hex.enumerated() {
            let isHex = (c >= 48 && c <= 57) || (c >= 97 && c <= 102)
            run = isHex ? run + 1 : 0
            if run >= 64 { stored.insert(String(decoding: hex[(k - 63)...k], as: UTF8.self)) }
        }
        #expect(!stored.isEmpty)
        var found: [String] = []
        for candidate in Self.candidates {
            let raw = Array(Self.decision(candidate).utf8)
            let node = try YAMLLoader.load(bytes: raw, file: "p.yaml", limits: .decision)
            var w = CanonicalWriter(capacity: 512)
            w.document(node)
            for digest in [AuditHex.sha256(raw), AuditHex.sha256(w.bytes)] where stored.contains(digest) {
                found.append(candidate)
            }
        }
        #expect(found.isEmpty, "recovered: \(found)")
        #expect(Self.candidates.count > 14_000)
        #expect(try store.verify().ok)
    }

    /// An input file's digest in an `audit-run` record: plain for inputs without sensitive fields, keyed or left
    /// out for the rest.
    @Test func inputDigestsOfSensitiveRunsAreKeyedOrLeftOut() throws {
        let bytes = Array(Self.decision("1990-03-07").utf8)
        for key in [nil, Array("k".utf8)] as [[UInt8]?] {
            let digests = InputDigests(key: key)
            digests.begin(file: "p.jsonl")
            bytes.withUnsafeBytes { digests.update($0) }
            digests.end(file: "p.jsonl")
            let entry = try #require(digests.entries.first)
            #expect(entry.digest(sensitive: false) == AuditHex.sha256(bytes))
            #expect(entry.digest(sensitive: true) == (key == nil ? "[redacted]" : entry.mac))
            if key != nil { #expect(entry.mac?.hasPrefix("hmac-sha256:") == true) }
        }
    }
}
