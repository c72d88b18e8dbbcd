import Bylaw
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawJSON

/// The record writer builds canonical bytes directly; these tests hold it to RFC 8785 by re-canonicalising
/// with the independent `JCS` and to the record's meaning by reading fields back.
@Suite struct RecordBuilderTests {
    static let library = RuleLibrary.load(root: AuditPaths.repository + "/rules")

    static var examples: [String] {
        ["asset-management", "cadre-selection", "grassroots-election"].flatMap { set -> [String] in
            let dir = AuditPaths.repository + "/rules/\(set)/examples"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
        }
    }

    func record(_ node: YAMLNode?, result: DecisionResult, raw: [UInt8]?, key: [UInt8]? = nil) throws -> [UInt8] {
        let builder = RecordBuilder(maskingKey: key, library: Self.library)
        let draft = builder.draft(result, raw: raw, document: node, event: "check")
        return try AuditRecord.canonical(
            seq: 42, recordID: "r-42", recordedAt: "2026-11-24T19:00:00.000Z", actor: "tester",
            previousChainHash: Array(repeating: 7, count: 32), draft: draft)
    }

    func member(_ value: JSONValue, _ path: String...) -> JSONValue? {
        var v: JSONValue? = value
        for name in path {
            guard case .object(let members)? = v else { return nil }
            v = members.first { $0.0 == name }?.1
        }
        return v
    }

    /// A record names each rule set with the hash of the bytes its rules were loaded from, even when the file
    /// has changed on disk since.
    @Test func ruleSetHashIsOfTheBytesLoaded() throws {
        let root = Scratch.root.appendingPathComponent("hash-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: AuditPaths.repository + "/rules", toPath: root)
        let file = root + "/asset-management/ruleset.yaml"
        let loaded = Array(try #require(FileManager.default.contents(atPath: file)))
        let library = RuleLibrary.load(root: root)
        try (String(decoding: loaded, as: UTF8.self) + "\n# edited after loading\n").write(
            toFile: file, atomically: false, encoding: .utf8)
        let example = AuditPaths.repository + "/rules/asset-management/examples/compliant-vehicle-auction.yaml"
        let raw = Array(try #require(FileManager.default.contents(atPath: example)))
        let node = try YAMLLoader.load(bytes: raw, file: example, limits: .decision)
        let draft = RecordBuilder(maskingKey: nil, library: library).draft(
            library.check(node, file: example), raw: raw, document: node, event: "check")
        let bytes = try AuditRecord.canonical(
            seq: 1, recordID: "r-1", recordedAt: "2026-11-25T00:00:00.000Z", actor: "tester",
            previousChainHash: Array(repeating: 0, count: 32), draft: draft)
        guard case .array(let sets)? = member(try JSONValue.parse(bytes), "rule_sets"), let set = sets.first else {
            Issue.record("no rule sets in the record")
            return
        }
        #expect(member(set, "sha256") == .string(AuditHex.sha256(loaded)))
        #expect(member(set, "sha256") != .string(FileHash.sha256(path: file) ?? ""), "the file did change")
    }

    /// The same rule set written as YAML and as JSON (JSON is YAML too), with other key order and spacing: the
    /// file hashes differ, the canonical hashes of its parsed form do not; a real change moves both.
    @Test func ruleSetCanonicalHashIgnoresHowTheSetIsWritten() throws {
        let yaml = """
            # a comment
            ruleset: s
            title: 测试
            version: 1.0.0
            source: {title: t}
            applies_to: k
            parameters:
              limit: {value: 650000.00, description: 上限}
            input:
              amount: decimal
            rules:
              - {id: R-1, title: 上限, cite: 第一条, require: amount <= params.limit}
            """
        let json = """
            {"version": "1.0.0", "ruleset": "s", "title": "测试", "source": {"title": "t"}, "applies_to": "k",
             "input": {"amount": "decimal"},
             "parameters": {"limit": {"description": "上限", "value": 650000.00}},
             "rules": [{"require": "amount <= params.limit", "id": "R-1", "title": "上限", "cite": "第一条"}]}
            """
        let changed = yaml.replacingOccurrences(of: "650000.00", with: "650000.01")
        var hashes: [(raw: String, canonical: String)] = []
        for text in [yaml, json, changed] {
            let root = Scratch.root.appendingPathComponent("canonical-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/s", withIntermediateDirectories: true)
            try text.write(toFile: root + "/s/ruleset.yaml", atomically: true, encoding: .utf8)
            let library = RuleLibrary.load(root: root)
            #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.description))")
            let file = root + "/s/ruleset.yaml"
            hashes.append((FileHash.sha256(of: file, in: library), FileHash.canonicalSHA256(of: file, in: library)))
        }
        #expect(hashes[0].raw != hashes[1].raw)
        #expect(hashes[0].canonical == hashes[1].canonical)
        #expect(hashes[0].canonical != hashes[2].canonical)
        #expect(hashes[0].canonical.count == 64)
    }

    @Test(arguments: examples)
    func shippedExamplesGiveCanonicalRecords(_ file: String) throws {
        let raw = try #require(FileManager.default.contents(atPath: file).map(Array.init))
        let node = try YAMLLoader.load(bytes: raw, file: file, limits: .decision)
        let result = Self.library.check(node, file: file)
        let bytes = try record(node, result: result, raw: raw)
        #expect(try JCS.canonicalize(json: bytes) == bytes, "not canonical: \(file)")

        let value = try JSONValue.parse(bytes)
        #expect(member(value, "seq")?.integerValue == 42)
        #expect(member(value, "previous_chain_hash") == .string(String(repeating: "07", count: 32)))
        #expect(member(value, "verdict") == .string(result.verdict.rawValue))
        #expect(member(value, "decision", "id") == .string(try #require(result.id)))
        let plain = try JCS.canonicalize(DocumentJSON.value(node))
        if case .array(let masked)? = member(value, "decision", "masked_paths"), !masked.isEmpty {
            // Without a masking key, no hash of a document holding masked values is kept.
            #expect(member(value, "decision", "sha256_canonical") == .null)
            #expect(member(value, "decision", "sha256_raw") == .null)
        } else {
            #expect(member(value, "decision", "sha256_canonical") == .string(AuditHex.sha256(plain)))
            #expect(member(value, "decision", "sha256_raw") == .string(AuditHex.sha256(raw)))
        }
        guard case .array(let outcomes)? = member(value, "outcomes") else {
            Issue.record("no outcomes")
            return
        }
        #expect(outcomes.count == result.results.count)
        let failed = outcomes.compactMap { o -> String? in
            guard member(o, "outcome") == .string("failed"), case .string(let id)? = member(o, "rule") else {
                return nil
            }
            return id
        }
        #expect(failed == result.results(.failed).map(\.ruleID))
        for (o, r) in zip(outcomes, result.results) {
            #expect(member(o, "rule") == .string(r.ruleID))
            #expect(member(o, "cite") == .string(r.cite))
            #expect(member(o, "message") == r.message.map(JSONValue.string), "\(r.ruleID)")
            #expect((member(o, "evidence") == nil) == r.evidence.isEmpty, "\(r.ruleID)")
        }
        if Self.library.ruleSets.first(where: { $0.id == result.ruleSets.first?.id })?.sensitive.isEmpty == false {
            guard case .array(let maskedPaths)? = member(value, "decision", "masked_paths") else {
                Issue.record("no masked paths")
                return
            }
            #expect(!maskedPaths.isEmpty, "a cadre file names sensitive fields: \(file)")
            #expect(member(value, "decision", "document") != .object([]))
        } else {
            #expect(member(value, "decision", "document") == (try JSONValue.parse(plain)))
        }
    }

    /// Names out of order, escapes, and the one place UTF-16 order differs from code-point order: a
    /// character above U+FFFF sorts before one in U+E000…U+FFFF.
    @Test func awkwardDocumentsStayCanonical() throws {
        let text = """
            kind: asset_disposal
            zeta: "quote \\" backslash \\\\ tab \\t newline \\n bell \\u0007"
            "\u{FF21}": full-width A
            "\u{1F600}": astral
            账面原值: "0012"
            alpha: [true, null, ~, 1.50, "yes", no]
            nested: {b: 1, a: {d: x, c: y}}
            """
        let raw = Array(text.utf8)
        let node = try YAMLLoader.load(bytes: raw, file: "awkward.yaml", limits: .decision)
        let result = DecisionResult(
            file: "awkward.yaml", kind: "asset_disposal", verdict: .invalid, ruleSets: [], results: [],
            diagnostics: [.error("decision.bad-date", "a \"quoted\"\nmessage", at: nil)])
        let bytes = try record(node, result: result, raw: raw)
        #expect(try JCS.canonicalize(json: bytes) == bytes)
        let document = try #require(member(try JSONValue.parse(bytes), "decision", "document"))
        #expect(try JCS.canonicalize(document) == (try JCS.canonicalize(DocumentJSON.value(node))))
        let canonicalText = String(decoding: bytes, as: UTF8.self)
        let astral = try #require(canonicalText.range(of: "\u{1F600}"))
        let fullWidth = try #require(canonicalText.range(of: "\u{FF21}"))
        #expect(astral.lowerBound < fullWidth.lowerBound)
        #expect(canonicalText.contains(#"newline \n bell \u0007""#))
    }

    @Test(arguments: ["seq", "record_id", "recorded_at", "actor", "event", "bylaw_version", "previous_chain_hash"])
    func bodyMembersMayNotShadowTheHeader(name: String) throws {
        let draft = RecordDraft(
            event: "check", kind: nil, decisionID: nil, decisionDate: nil, unit: nil, verdict: "compliant",
            body: [(name, .string("forged"))])
        #expect(throws: AuditStoreError.self) {
            try AuditRecord.canonical(
                seq: 1, recordID: "r", recordedAt: "t", actor: "a", previousChainHash: [], draft: draft)
        }
        // Nor can it be sealed for the store's compressed path.
        #expect(StoredForm(draft: draft, actor: "a") == nil)
        #expect(!AuditRecord.isHeaderName(name + "_"))
    }

    /// Evidence may show a sensitive value other than at its own path: inside a whole object, through
    /// `decision.`, under a list index, or copied into a `let`. None of it may reach the record.
    @Test func sensitiveValuesAreMaskedWhereverEvidenceShowsThem() throws {
        let root = try AuditPaths.temp()
        try FileManager.default.createDirectory(atPath: root + "/masking", withIntermediateDirectories: true)
        let ruleSet = """
            ruleset: masking
            title: 证件号脱敏
            version: 1.0.0
            source: {title: 测试, issuer: 测试}
            applies_to: masked_thing
            sensitive: [person.id_number, holders.id_number]
            input:
              person: {name: string, id_number: string}
              holders: {list: {id_number: string}}
            let:
              copied: person.id_number + ""
              region: copied + "-region"
            rules:
              - id: M-01
                title: 复制进 let
                cite: 第一条
                require: region.startsWith("99")
                message: 不符合
              - id: M-02
                title: 整个对象
                cite: 第二条
                require: size(person) > 5
                message: 不符合
              - id: M-03
                title: 列表
                cite: 第三条
                require: holders.all(h, h.id_number.startsWith("99"))
                message: 不符合
            """
        try Data(ruleSet.utf8).write(to: URL(fileURLWithPath: root + "/masking/ruleset.yaml"))
        let library = RuleLibrary.load(root: root)
        #expect(!library.diagnostics.hasErrors, "\(library.diagnostics.map(\.message))")
        let secret = "110101199003078888"
        let other = "220202198807066666"
        let text = """
            kind: masked_thing
            id: M-1
            date: 2024-01-02
            unit: acftu/test
            person: {name: 张三, id_number: "\(secret)"}
            holders: [{id_number: "\(other)"}]
            """
        let node = try YAMLLoader.load(bytes: Array(text.utf8), file: "m.yaml", limits: .decision)
        let result = library.check(node, file: "m.yaml")
        #expect(result.results(.failed).map(\.ruleID) == ["M-01", "M-02", "M-03"])
        let builder = RecordBuilder(maskingKey: Array("k".utf8), library: library)
        let draft = builder.draft(result, raw: nil, document: node, event: "check")
        let bytes = try AuditRecord.canonical(
            seq: 1, recordID: "r", recordedAt: "t", actor: "a", previousChainHash: [], draft: draft)
        let record = String(decoding: bytes, as: UTF8.self)
        #expect(!record.contains(secret))
        #expect(!record.contains(other))
        #expect(!record.contains("\(secret.prefix(6))"))
        #expect(record.contains("hmac-sha256:"))
        #expect(record.contains(#""path":"region","value":"hmac-sha256:"#))
    }
}

/// One `DraftCache` carried across many decisions (as a worker thread does) gives every record the same
/// bytes as a fresh draft: cached outcomes are reused only where they fit.
@Suite struct DraftCacheTests {
    @Test func sharedCacheGivesTheSameDraftsAsFreshOnes() throws {
        let library = RecordBuilderTests.library
        let builder = RecordBuilder(maskingKey: nil, library: library)
        var cache = DraftCache()
        var checked = 0
        var distinctOutcomes: Set<String> = []
        // Twice through, so the second pass meets entries the first pass left behind for other decisions.
        for file in RecordBuilderTests.examples + RecordBuilderTests.examples {
            let raw = try #require(FileManager.default.contents(atPath: file).map(Array.init))
            let node = try YAMLLoader.load(bytes: raw, file: file, limits: .decision)
            let result = library.check(node, file: file)
            let fresh = builder.draft(result, raw: raw, document: node, event: "check")
            let cached = builder.draft(result, raw: raw, document: node, event: "check", cache: &cache)
            #expect(fresh.members.map(\.name) == cached.members.map(\.name))
            #expect(fresh.members.map(\.canonical) == cached.members.map(\.canonical), "\(file)")
            for r in result.results { distinctOutcomes.insert("\(r.ruleSet)/\(r.ruleID)/\(r.outcome)") }
            checked += 1
        }
        #expect(checked >= 10)
        #expect(distinctOutcomes.count > 20, "the examples exercise many rules and outcomes")
    }
}
