import Foundation
import Testing

/// `--map` on JSON Lines and JSON inputs (`fields` and `constants`), and the note that says how many JSON
/// records took the slow path and why.
@Suite struct JSONMappingTests {
    static let mapping = """
        # another system's export: the decision date under disposal, the id as ref, the unit under org
        fields:
          ref: id
          disposal.date: date
          org.unit: unit
          internal_note: ~
        constants:
          kind: asset_disposal
        """

    /// `d` as another system exports it: no `kind`, `ref` for `id`, `disposal.date`, `org.unit`, and a note.
    static func exported(_ d: Disposal) -> String {
        let rest = d.without("kind").without("id").without("date").without("unit").json
        return "{\"ref\":\"\(d.fields["id"] ?? "")\",\"disposal\":{\"date\":\"\(d.fields["date"] ?? "")\"},"
            + "\"org\":{\"unit\":\"\(d.fields["unit"] ?? "")\"},\"internal_note\":\"导出备注\"," + rest.dropFirst()
    }

    static let records = [
        exported(Disposal.auction(id: "ZC-1")), exported(Disposal.agreementSale(id: "ZC-2")),
        exported(Disposal.auction(id: "ZC-3")),
    ]

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-jsonmap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func audit(_ name: String, _ text: String, map: String?, _ args: [String] = []) throws -> (
        Run, [AuditCommandTests.Line]
    ) {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        var mapArgs: [String] = []
        if let map {
            try map.write(to: dir.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
            mapArgs = ["--map", "map.yaml"]
        }
        let r = try Run.bylaw(
            ["audit", name] + mapArgs + args + ["--rules", Run.repository + "/rules", "--format", "jsonl"],
            cwd: dir.path)
        return (r, try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) })
    }

    @Test(arguments: [
        (
            "export.jsonl", records.joined(separator: "\n") + "\n",
            ["export.jsonl:1", "export.jsonl:2", "export.jsonl:3"]
        ),
        (
            "export.json", "[\n" + records.joined(separator: ",\n") + "\n]\n",
            ["export.json:2", "export.json:3", "export.json:4"]
        ),
    ])
    func fieldsAndConstantsMapAnExportWithoutRewritingIt(_ name: String, _ text: String, _ sources: [String]) throws {
        let (r, lines) = try audit(name, text, map: Self.mapping, ["--no-audit"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "\(sources[0]) compliant []", "\(sources[1]) non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "\(sources[2]) compliant []",
            ])
        #expect(lines.map(\.id) == ["ZC-1", "ZC-2", "ZC-3"])
        #expect(lines.allSatisfy { $0.codes.isEmpty }, "the dropped note and moved fields leave no warning")
        #expect(r.stderr.contains("3 rewritten by the `fields` or `constants` of --map"), "\(r.stderr)")
    }

    /// The shipped example that `bylaw audit --help` shows.
    @Test func theShippedExportGivesItsKnownFindings() throws {
        let example = Run.repository + "/examples/asset-disposals"
        let r = try Run.bylaw([
            "audit", example + "/export.jsonl", "--map", example + "/export-map.yaml", "--rules",
            Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        let lines = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map { "\($0.id ?? "?") \($0.verdict) \($0.failed)" } == [
                "ZC-2022-0318 compliant []", "ZC-2023-0507 non_compliant [\"AM-01\", \"AM-07\", \"AM-08\", \"AM-11\"]",
                "ZC-2021-0906 non_compliant [\"AM-06\", \"AM-14\"]",
            ])
    }

    @Test func withoutTheMappingTheExportIsInvalid() throws {
        let (r, lines) = try audit("export.jsonl", Self.records[0] + "\n", map: nil, ["--no-audit"])
        #expect(r.status == 1)
        #expect(lines.map(\.verdict) == ["invalid"])
    }

    @Test func aMovedFieldLandingOnOneTheRecordHasIsAnError() throws {
        let record = Self.records[0].replacingOccurrences(of: "{\"ref\"", with: "{\"date\":\"2022-03-01\",\"ref\"")
        let (r, lines) = try audit("export.jsonl", record + "\n", map: Self.mapping, ["--no-audit"])
        #expect(r.status == 1)
        #expect(lines.map(\.summary) == ["export.jsonl:1 invalid map.field-clash"])
        #expect(lines.first?.locations == ["1:54"])
    }

    @Test func aMappingWithABadPathIsRefusedAtItsLine() throws {
        let (r, _) = try audit("export.jsonl", Self.records[0] + "\n", map: "fields:\n  approvals.0.body: x\n")
        #expect(r.status == 2)
        #expect(
            r.stderr.contains("map.yaml:2:3: error: `approvals.0.body` is not a path of field names"), "\(r.stderr)")
    }

    @Test func theTrailKeepsTheDecisionAsMapped() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("trail.sqlite").path
        let (r, lines) = try audit(
            "export.jsonl", Self.records.joined(separator: "\n") + "\n", map: Self.mapping, ["--audit", store])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.verdict) == ["compliant", "non_compliant", "compliant"])
        let list = try Run.bylaw(["log", "list", "--audit", store, "--format", "json"])
        #expect(list.stdout.contains("\"ZC-2\""), "\(list.stdout)")
        #expect(!list.stdout.contains("internal_note"))
    }

    // MARK: the slow-path note

    @Test func undeclaredFieldsAreCountedWithTheirReason() throws {
        let plain = Disposal.auction(id: "ZC-1").json
        let extra = String(Disposal.auction(id: "ZC-2").json.dropLast()) + ",\"remarks\":\"备注\"}"
        let (r, lines) = try audit(
            "a.jsonl", [plain, extra, extra].joined(separator: "\n") + "\n", map: nil, ["--no-audit"])
        #expect(lines.map(\.verdict) == ["compliant", "compliant", "compliant"], "\(r.stderr)")
        #expect(r.stderr.contains("note: 2 of 3 records took the slow path"), "\(r.stderr)")
        #expect(r.stderr.contains("  2 a field the input schema does not declare (warning decision.unknown-field)"))
    }

    /// Records without a `kind` of their own keep the fast path with the trail on, and the trail keeps the
    /// same document as for the records with their kind written in.
    @Test func kindFromTheOptionWithTheTrailKeepsTheFastPath() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        func stored(_ store: String, kindless: Bool) throws -> (Run, [String: Any]) {
            let text = (1...3).map { k in
                let d = Disposal.auction(id: "ZC-\(k)")
                return (kindless ? d.without("kind") : d).json
            }.joined(separator: "\n")
            let path = dir.appendingPathComponent(store).path
            let (r, lines) = try audit("a.jsonl", text + "\n", map: nil, ["--kind", "asset_disposal", "--audit", path])
            #expect(lines.map(\.verdict) == ["compliant", "compliant", "compliant"])
            let show = try Run.bylaw(["log", "show", "--audit", path, "2"])
            let record = try #require(show.json()["decision"] as? [String: Any])
            return (r, record)
        }
        let (r, kindless) = try stored("a.sqlite", kindless: true)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("slow path"), "\(r.stderr)")
        let (_, own) = try stored("b.sqlite", kindless: false)
        let document = try #require(kindless["document"] as? [String: Any])
        #expect(document["kind"] as? String == "asset_disposal")
        #expect(kindless["sha256_canonical"] as? String == own["sha256_canonical"] as? String)
        #expect(kindless["sha256_raw"] as? String != own["sha256_raw"] as? String)
        let verify = try Run.bylaw(["log", "verify", "--audit", dir.appendingPathComponent("a.sqlite").path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func undeclaredFieldsNameTheFirstRecord() throws {
        let plain = Disposal.auction(id: "ZC-1").json
        let extra = String(Disposal.auction(id: "ZC-2").json.dropLast()) + ",\"remarks\":\"备注\"}"
        let (r, _) = try audit(
            "a.jsonl", [plain, extra, extra].joined(separator: "\n") + "\n", map: nil, ["--no-audit"])
        #expect(r.stderr.contains("(warning decision.unknown-field) (the first: a.jsonl:2)"), "\(r.stderr)")
        let (zh, _) = try audit(
            "a.jsonl", [plain, extra].joined(separator: "\n") + "\n", map: nil, ["--no-audit", "--lang", "zh"])
        #expect(zh.stderr.contains("（首条：a.jsonl:2）"), "\(zh.stderr)")
    }

    /// A record the fast plan could not settle is counted, and the first is named with what the interpreter
    /// settled there: here a `let` that reads an absent optional field.
    @Test func theInterpreterIsNamedWithTheFirstRecordAndWhatItSettled() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("rules/t"), withIntermediateDirectories: true)
        try """
        {ruleset: t, title: 解释器的记录, version: 0.1.0, applies_to: k, source: {title: 测试},
         input: {a?: {b: int}}, let: {doubled: a.b * 2},
         rules: [{id: R1, title: r1, cite: c, require: doubled > 0},
                 {id: R2, title: r2, cite: c, require: a.b > 0, when: has(decision.a)}]}
        """.write(to: dir.appendingPathComponent("rules/t/ruleset.yaml"), atomically: true, encoding: .utf8)
        let records = [
            #"{"kind":"k","id":"1","date":"2024-01-01","unit":"u","a":{"b":1}}"#,
            #"{"kind":"k","id":"2","date":"2024-01-01","unit":"u"}"#,
            #"{"kind":"k","id":"3","date":"2024-01-01","unit":"u"}"#,
        ]
        try (records.joined(separator: "\n") + "\n").write(
            to: dir.appendingPathComponent("r.jsonl"), atomically: true, encoding: .utf8)
        let r = try Run.bylaw(
            ["audit", "r.jsonl", "--rules", "rules", "--no-audit", "--format", "jsonl"], cwd: dir.path)
        #expect(r.stderr.contains("note: 2 of 3 records had expressions settled by the interpreter"), "\(r.stderr)")
        #expect(r.stderr.contains("the first: r.jsonl:2; settled by the interpreter: t: doubled"), "\(r.stderr)")
        let zh = try Run.bylaw(
            ["audit", "r.jsonl", "--rules", "rules", "--no-audit", "--format", "jsonl", "--lang", "zh"],
            cwd: dir.path)
        #expect(zh.stderr.contains("首条：r.jsonl:2，由解释器求值的：t: doubled"), "\(zh.stderr)")
    }

    @Test func aPlainRunSaysNothing() throws {
        let text = (1...3).map { Disposal.auction(id: "ZC-\($0)").json }.joined(separator: "\n")
        let (r, _) = try audit("a.jsonl", text + "\n", map: nil, ["--no-audit"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("slow path"), "\(r.stderr)")
    }
}
