import BylawTestSupport
import Foundation
import Testing

/// `bylaw schema` and the committed schemas editors read.
@Suite struct SchemaCommandTests {
    @Test(arguments: [("--ruleset", "schemas/ruleset.schema.json"), ("--test", "schemas/test.schema.json")])
    func committedSchemasAreCurrent(flag: String, file: String) throws {
        let r = try Run.bylaw(["schema", flag])
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(contentsOfFile: Run.repository + "/" + file, encoding: .utf8)
        #expect(
            r.stdout == committed,
            "\(file) is stale: run `swift run bylaw schema \(flag) > \(file)` and commit it")
    }

    @Test func ruleSetSchemaIsTheDefaultAndDeterministic() throws {
        let a = try Run.bylaw(["schema"])
        let b = try Run.bylaw(["schema", "--ruleset"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let json = try a.json()
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(json["additionalProperties"] as? Bool == false)
        let required = try #require(json["required"] as? [String])
        #expect(required == ["ruleset", "title", "version", "source", "applies_to", "rules"])
        let defs = try #require(json["$defs"] as? [String: Any])
        let rule = try #require(defs["rule"] as? [String: Any])
        let props = try #require(rule["properties"] as? [String: Any])
        let severity = try #require(props["severity"] as? [String: Any])
        #expect(severity["enum"] as? [String] == ["violation", "warning", "notice"])
    }

    @Test func decisionSchemaHasTheCommonFieldsAndTheKindsInput() throws {
        let r = try Run.bylaw(["schema", "--decision", "asset_disposal"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        let required = try #require(json["required"] as? [String])
        #expect(Array(required.prefix(4)) == ["kind", "id", "date", "unit"])
        #expect(!required.contains("method"), "`method?` is optional")
        let props = try #require(json["properties"] as? [String: Any])
        #expect((props["kind"] as? [String: Any])?["const"] as? String == "asset_disposal")
        #expect((props["date"] as? [String: Any])?["pattern"] as? String == #"^\d{4}-\d{2}-\d{2}$"#)
        let asset = try #require(props["asset"] as? [String: Any])
        #expect(asset["additionalProperties"] as? Bool == false)
        let assetProps = try #require(asset["properties"] as? [String: Any])
        let bookValue = try #require(assetProps["book_value"] as? [String: Any])
        #expect((bookValue["anyOf"] as? [Any])?.count == 2, "decimals are numbers or numeric text")
        // A field's label is its title, as an editor or a form shows it.
        #expect(bookValue["title"] as? String == "账面原值")
        #expect((props["unit_type"] as? [String: Any])?["title"] as? String == "单位性质")
    }

    /// In Chinese the schema's own words are Chinese; the fields' labels and the rule sets' descriptions are as
    /// their authors wrote them.
    @Test func decisionSchemaInChinese() throws {
        let r = try Run.bylaw(["schema", "--decision", "asset_disposal", "--lang", "zh"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try r.json()
        #expect(json["title"] as? String == "bylaw 决定：asset_disposal")
        #expect((json["description"] as? String)?.hasPrefix("决定类别 asset_disposal，按规则集 asset-management") == true)
        let props = try #require(json["properties"] as? [String: Any])
        #expect((props["kind"] as? [String: Any])?["description"] as? String == "决定类别，据此选用规则集。")
        #expect((props["id"] as? [String: Any])?["description"] as? String == "决定编号，在同一类别内唯一")
        #expect((props["date"] as? [String: Any])?["description"] as? String == "决定日期 — 日期，YYYY-MM-DD")
        #expect(!r.stdout.contains("a decimal number") && !r.stdout.contains("The decision kind"))
    }

    @Test func unknownKindExitsTwoAndListsTheKnownKinds() throws {
        let r = try Run.bylaw(["schema", "--decision", "asset_disposl"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("known kinds: asset_disposal"))
    }

    @Test func onlyOneSchemaAtATime() throws {
        let r = try Run.bylaw(["schema", "--test", "--decision", "proposal"])
        #expect(r.status == 2)
    }

    /// Validates every shipped rule set, test file and example with Python's `jsonschema`,
    /// an implementation independent of bylaw.
    @Test func shippedLibraryValidatesWithAnIndependentValidator() throws {
        let probe = try? Self.shell(["python3", "-c", "import jsonschema, yaml"])
        guard let probe, probe.status == 0 else {
            print("skipped: python3 with jsonschema and yaml is not available (scripts/setup installs them)")
            return
        }
        let bin = try #require(Run.binary)
        let r = try Self.shell([Run.repository + "/scripts/validate-schemas.py", "--bylaw", bin])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains(": 0 problems"), "\(r.stdout)")
    }

    static func shell(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: Run.repository)
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}

/// `bylaw new`: a scaffold that passes `bylaw test` at once.
@Suite struct NewCommandTests {
    static func tempLibrary() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-new-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Run.repository + "/rules", toPath: dir + "/rules")
        return dir
    }

    @Test func scaffoldPassesItsOwnTestsWithCoverage() throws {
        let dir = try Self.tempLibrary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try Run.bylaw(["new", "travel-expenses", "--kind", "travel_claim"], cwd: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let set = dir + "/rules/travel-expenses"
        for file in [
            "ruleset.yaml", "examples/compliant-example.yaml", "examples/non-compliant-example.yaml",
            "tests/cases.yaml",
        ] {
            #expect(FileManager.default.fileExists(atPath: set + "/" + file), "\(file)")
        }
        let ruleset = try String(contentsOfFile: set + "/ruleset.yaml", encoding: .utf8)
        #expect(ruleset.hasPrefix("# yaml-language-server: $schema=../../schemas/ruleset.schema.json\n"))
        #expect(ruleset.contains("- id: TE-01"))
        let tested = try Run.bylaw(["test", "--require-coverage", "rules/travel-expenses"], cwd: dir)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("3 passed, 0 failed"))
        // The whole library still loads and passes with the new set in it.
        let all = try Run.bylaw(["test", "rules"], cwd: dir)
        #expect(all.status == 0, "\(all.stdout.suffix(1000))\(all.stderr)")
        // The compliant example is checked by the new set.
        let check = try Run.bylaw(["check", "rules/travel-expenses/examples/compliant-example.yaml"], cwd: dir)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// With `--lang zh` the texts the author replaces, the rule's message and the case's name are Chinese; the
    /// scaffold still loads, lints clean and passes its own case with the message filled in.
    @Test func chineseScaffoldHasChinesePlaceholders() throws {
        let dir = Scratch.root.appendingPathComponent("bylaw-new-zh-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/rules", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try Run.bylaw(["new", "travel-expenses", "--kind", "travel_claim", "--lang", "zh"], cwd: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let set = dir + "/rules/travel-expenses"
        let ruleset = try String(contentsOfFile: set + "/ruleset.yaml", encoding: .utf8)
        for line in [
            "title: TODO 规则集标题", "  issuer: TODO 发文机关", "    title: TODO 用一句话写明要求", "    cite: TODO 依据条款",
            "    message: '{id}：金额 {amount} 超过上限 {params.max_amount}'",
        ] {
            #expect(ruleset.contains("\n" + line + "\n"), "missing: \(line)")
        }
        #expect(!ruleset.contains("TODO the"))
        let cases = try String(contentsOfFile: set + "/tests/cases.yaml", encoding: .utf8)
        #expect(cases.contains("  - name: 金额超过上限时 TE-01 不通过\n"))
        let lint = try Run.bylaw(["lint", "rules/travel-expenses"], cwd: dir)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        let check = try Run.bylaw(
            ["check", "rules/travel-expenses/examples/non-compliant-example.yaml", "--no-audit"], cwd: dir)
        #expect(check.status == 1)
        #expect(check.stdout.contains("EXAMPLE-002：金额 12000.00 超过上限 10000.00"), "\(check.stdout)")
    }

    @Test func refusesToOverwrite() throws {
        let dir = try Self.tempLibrary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Run.bylaw(["new", "asset-management", "--kind", "asset_disposal"], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("already exists"))
        let before = try String(
            contentsOfFile: Run.repository + "/rules/asset-management/ruleset.yaml", encoding: .utf8)
        let after = try String(contentsOfFile: dir + "/rules/asset-management/ruleset.yaml", encoding: .utf8)
        #expect(before == after)
    }

    @Test(arguments: ["Travel", "travel_expenses", "travel-", "travel--expenses", "旅费"])
    func rejectsNamesThatAreNotKebabCase(name: String) throws {
        let dir = try Self.tempLibrary()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Run.bylaw(["new", name, "--kind", "travel_claim"], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("kebab-case"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/rules/" + name))
    }
}
