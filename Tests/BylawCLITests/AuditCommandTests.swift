import BylawTestSupport
import Foundation
import Testing

/// `bylaw audit` as an auditor runs it on the shipped asset-management rules: exact counts, exact failed rule ids
/// per record, sources, exit codes and the audit trail.
@Suite struct AuditCommandTests {
    static let rules = Run.repository + "/rules"

    func temp() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// `bylaw audit ARGS --rules rules --format jsonl --no-audit`.
    func audit(_ args: [String], stdin: String? = nil, audit: Bool = false) throws -> (Run, [Line]) {
        var all = ["audit"] + args + ["--rules", Self.rules, "--format", "jsonl"]
        if !audit { all.append("--no-audit") }
        let r = try Run.bylaw(all, stdin: stdin)
        let lines = try r.stdout.split(separator: "\n").map { try Line(String($0)) }
        return (r, lines)
    }

    /// One line of the JSON Lines report.
    struct Line {
        var json: [String: Any]
        init(_ text: String) throws {
            json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }
        var source: String {
            let s = json["source"] as? [String: Any] ?? [:]
            let file = (s["file"] as? String).map { ($0 as NSString).lastPathComponent } ?? "?"
            if let n = s["row"] as? Int { return "\(file):row \(n)" }
            if let n = s["line"] as? Int { return "\(file):\(n)" }
            return file
        }
        var id: String? { json["id"] as? String }
        var verdict: String { json["verdict"] as? String ?? "?" }
        var failed: [String] {
            (json["results"] as? [[String: Any]] ?? []).filter { $0["outcome"] as? String == "failed" }
                .compactMap { $0["rule"] as? String }
        }
        var codes: [String] { (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
        var messages: [String] {
            (json["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        }
        var locations: [String] {
            (json["diagnostics"] as? [[String: Any]] ?? []).map {
                "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)"
            }
        }
        /// `source verdict [failed ids]`, or `source invalid codes` for unreadable records.
        var summary: String {
            verdict == "invalid"
                ? "\(source) invalid \(codes.joined(separator: ","))"
                : "\(source) \(verdict) [\(failed.joined(separator: ","))]"
        }
    }

    // MARK: CSV

    @Test func csvWithBOMCRLFQuotedNewlinesAndARaggedRow() throws {
        let dir = try temp()
        // AM-01's message quotes the asset name: the quoted cell's comma, line break and doubled quotes survive.
        var approvedBySelf = Disposal.auction(id: "ZC-2022-0318", name: "别克GL8商务车,\n川A·3K571 \"老\"车")
        approvedBySelf.fields["approval.body"] = "本单位"
        let rows =
            [Disposal.header] + [
                approvedBySelf.csv,
                Disposal.agreementSale(id: "ZC-2023-0045").csv,
                "asset_disposal,ZC-RAGGED,2022-03-01,acftu/x",
                Disposal.investment(id: "0012").csv,
            ]
        try write("\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n", dir + "/disposals.csv")
        let (r, lines) = try audit([dir + "/disposals.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "disposals.csv:row 2 non_compliant [AM-01]",
                "disposals.csv:row 3 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "disposals.csv:row 4 invalid csv.ragged-row",
                "disposals.csv:row 5 non_compliant [AM-06,AM-14]",
            ])
        let messages = (lines[0].json["results"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages == ["ZC-2022-0318：别克GL8商务车,\n川A·3K571 \"老\"车（原值 328000.00 元）应由省级工会审批"])
        // The ragged row is on line 5: the quoted line break moved it down one.
        #expect(lines[2].locations == ["5:1"])
        // `0012` stays the string the schema says `id` is.
        #expect(lines[3].id == "0012")
    }

    /// As offices save them: Excel keeps formatted columns past the table as trailing commas (on the header and
    /// on every row, or only on some rows), and an exported report has a title and a note above its header.
    /// Empty columns without a header are left out; a value under one is its row's error, naming the cell.
    @Test func csvWithTrailingEmptyColumnsAndATitleAboveTheHeader() throws {
        let dir = try temp()
        let rows = [
            Disposal.auction(id: "ZC-T-1", name: "旧车").csv, Disposal.agreementSale(id: "ZC-T-2").csv,
            Disposal.investment(id: "ZC-T-3").csv,
        ]
        let width = Disposal.header.split(separator: ",").count
        let padded = ([Disposal.header] + rows).map { $0 + ",," }
        try write(padded.joined(separator: "\r\n") + "\r\n", dir + "/trailing.csv")
        let (r, lines) = try audit([dir + "/trailing.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "trailing.csv:row 2 compliant []", "trailing.csv:row 3 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "trailing.csv:row 4 non_compliant [AM-06,AM-14]",
            ])
        // Padding on the header only, on one row only, and a value under an empty header.
        let mixed = [Disposal.header + ",,", rows[0], rows[1] + ",", rows[2] + ",,备注"]
        try write(mixed.joined(separator: "\n") + "\n", dir + "/mixed.csv")
        let (m, mixedLines) = try audit([dir + "/mixed.csv"])
        #expect(m.status == 1, "\(m.stderr)")
        #expect(
            mixedLines.map(\.summary) == [
                "mixed.csv:row 2 compliant []", "mixed.csv:row 3 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "mixed.csv:row 4 invalid csv.cell-outside-header",
            ])
        let cell = "AH4"
        #expect(width == 32, "the cell named below is two past the header's last column")
        #expect(mixedLines[2].messages.first?.contains("cell \(cell) holds `备注`") == true, "\(mixedLines[2].messages)")
        // A title and a note above the header, with blank lines, as a report export has them.
        let titled =
            ["2024年资产处置台账" + String(repeating: ",", count: width - 1), "", "制表单位：全总财务部,,制表日期：2024-12-01"]
            + [Disposal.header] + rows
        try write(titled.joined(separator: "\n") + "\n", dir + "/titled.csv")
        let (t, titledLines) = try audit([dir + "/titled.csv"])
        #expect(t.status == 1, "\(t.stderr)")
        #expect(titledLines.map(\.id) == ["ZC-T-1", "ZC-T-2", "ZC-T-3"])
        // `--header-row` names it too, counted as a spreadsheet counts rows (the blank line included).
        let (h, headerRowLines) = try audit([dir + "/titled.csv", "--header-row", "4"])
        #expect(h.status == 1, "\(h.stderr)")
        #expect(headerRowLines.map(\.id) == ["ZC-T-1", "ZC-T-2", "ZC-T-3"])
        let (e, emptyRow) = try audit([dir + "/titled.csv", "--header-row", "2"])
        #expect(e.status == 2, "a file whose header cannot be read was not audited")
        #expect(emptyRow.map(\.summary) == ["titled.csv:2 invalid csv.no-header"])
        let (p, pastTheEnd) = try audit([dir + "/titled.csv", "--header-row", "40"])
        #expect(p.status == 2)
        #expect(pastTheEnd.map(\.summary) == ["titled.csv:40 invalid csv.no-header"])
        #expect(pastTheEnd.first?.messages == ["row 40 is past the end of the file: it cannot be the header"])
        // A header with a mistake in it is reported, not passed over for a data row below it.
        let typo = [Disposal.header.replacingOccurrences(of: "asset.name,", with: "asset name,")] + rows
        try write(typo.joined(separator: "\n") + "\n", dir + "/typo.csv")
        let (y, typoLines) = try audit([dir + "/typo.csv"])
        #expect(y.status == 2)
        #expect(typoLines.map(\.summary) == ["typo.csv:1 invalid csv.bad-header"])
    }

    /// A report that cannot be written (a full disk) names its file, and the run fails rather than ending as
    /// if the report were whole.
    @Test func aReportThatCannotBeWrittenNamesItsFile() throws {
        let r = try Run.bylaw([
            "audit", Run.repository + "/examples/asset-disposals/disposal-ledger.csv", "--map",
            Run.repository + "/examples/asset-disposals/columns.yaml", "--kind", "asset_disposal", "--no-audit",
            "--rules", Self.rules, "--report", "/dev/full", "--lang", "en",
        ])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write the report to `/dev/full`: no space left on device"), "\(r.stderr)")
    }

    /// A "CSV" whose first line never ends (a link to /dev/zero; a binary file named .csv) is refused as soon
    /// as the header passes the record limit, by audit and by map init, instead of being read for ever.
    @Test func aHeaderThatNeverEndsIsRefusedAtTheLimit() throws {
        let dir = try temp()
        try FileManager.default.createSymbolicLink(atPath: dir + "/zero.csv", withDestinationPath: "/dev/zero")
        let (r, lines) = try audit([dir + "/zero.csv"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["zero.csv:1 invalid csv.limit.record"])
        let proposed = try Run.bylaw([
            "map", "init", dir + "/zero.csv", "--kind", "asset_disposal", "--rules", Run.repository + "/rules",
        ])
        #expect(proposed.status == 2)
        #expect(proposed.stderr.contains("larger than the limit"), "\(proposed.stderr)")
    }

    /// Old Excel for Mac ends lines with a lone CR. Each CR outside quotes ends a row and counts as a line; a CR
    /// inside quotes stays in the cell as it is. Sniffing standard input looks at the header alone, not at a
    /// later row with `: ` in a cell.
    @Test func csvWithCROnlyLineEnds() throws {
        let dir = try temp()
        var approvedBySelf = Disposal.auction(id: "ZC-CR-1", name: "别克GL8商务车,\r川A·3K571")
        approvedBySelf.fields["approval.body"] = "本单位"
        let rows =
            [Disposal.header] + [
                approvedBySelf.csv,
                Disposal.agreementSale(id: "ZC-CR-2").csv,
                "asset_disposal,ZC-RAGGED,2022-03-01,acftu/x",
                Disposal.auction(id: "ZC-CR-4", name: "旧车: 别克GL8").csv,
                Disposal.investment(id: "ZC-CR-5").csv,
            ]
        try write(rows.joined(separator: "\r") + "\r", dir + "/mac.csv")
        let (r, lines) = try audit([dir + "/mac.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "mac.csv:row 2 non_compliant [AM-01]",
                "mac.csv:row 3 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "mac.csv:row 4 invalid csv.ragged-row",
                "mac.csv:row 5 compliant []",
                "mac.csv:row 6 non_compliant [AM-06,AM-14]",
            ])
        #expect(lines.map(\.id) == ["ZC-CR-1", "ZC-CR-2", nil, "ZC-CR-4", "ZC-CR-5"])
        let messages = (lines[0].json["results"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        #expect(messages == ["ZC-CR-1：别克GL8商务车,\r川A·3K571（原值 328000.00 元）应由省级工会审批"])
        // Header line 1, row 2 on lines 2–3 (the quoted CR), row 3 on line 4: the ragged row 4 is on line 5.
        #expect(lines[2].locations == ["5:1"])
        // Standard input, sniffed: the first line ends at its CR, so the fourth line's `: ` does not make it YAML.
        let (s, stdinLines) = try audit(["-"], stdin: rows.joined(separator: "\r"))
        #expect(s.status == 1, "\(s.stderr)")
        #expect(stdinLines.map(\.summary).first == "-:row 2 non_compliant [AM-01]")
        #expect(stdinLines.count == 5)
    }

    @Test func chineseHeadersThroughAMapping() throws {
        let dir = try temp()
        let chinese = Disposal.header.split(separator: ",").map { Disposal.chinese[String($0)] ?? String($0) }
        #expect(chinese.contains("账面原值"))
        let rows = [
            (chinese + ["备注"]).joined(separator: ","), Disposal.auction(id: "A-1").csv + ",已拍卖",
            Disposal.agreementSale(id: "A-2").csv + ",\"协议转让, 待复核\"",
        ]
        try write(rows.joined(separator: "\n") + "\n", dir + "/导出.csv")
        let map =
            "columns:\n"
            + Disposal.chinese.sorted { $0.key < $1.key }.map { "  \($1): \($0)" }.joined(
                separator: "\n") + "\n  备注: ~\n"
        try write(map, dir + "/map.yaml")
        let (r, lines) = try audit([dir + "/导出.csv", "--map", dir + "/map.yaml"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "导出.csv:row 2 compliant []", "导出.csv:row 3 non_compliant [AM-01,AM-07,AM-08,AM-11]",
            ])
        // Without the mapping the header is not a field path: the file is one invalid record at the header.
        let (bare, bareLines) = try audit([dir + "/导出.csv"])
        #expect(bare.status == 2)
        #expect(
            bareLines.map(\.summary) == [
                "导出.csv:1 invalid " + Array(repeating: "csv.bad-header", count: 12).joined(separator: ",")
            ])
    }

    @Test func aBadMappingIsAUsageErrorWithItsPosition() throws {
        let dir = try temp()
        try write("asset.name\nx\n", dir + "/d.csv")
        try write("columns:\n  账面原值: asset..book_value\nextra: 1\n", dir + "/map.yaml")
        let (r, lines) = try audit([dir + "/d.csv", "--map", dir + "/map.yaml"])
        #expect(r.status == 2)
        #expect(lines.isEmpty)
        #expect(r.stderr.contains("map.yaml:2:9: error: `asset..book_value` is not a field path"), "\(r.stderr)")
        #expect(r.stderr.contains("map.yaml:3:1: error: unknown key `extra` in a column mapping"))
        let missing = try audit([dir + "/d.csv", "--map", dir + "/nope.yaml"]).0
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read `\(dir)/nope.yaml`"), "\(missing.stderr)")
    }

    @Test func listFieldsFromIndexedColumnsAndAJSONCell() throws {
        let dir = try temp()
        let header =
            "kind,id,date,unit,body,organisation,total_members,model_or_frontline,female_members,"
            + "vice_chairs.0.name,vice_chairs.0.full_time,vice_chairs.0.is_model_worker,"
            + "vice_chairs.1.name,vice_chairs.1.full_time,vice_chairs.1.is_model_worker,relatives_of_enterprise_head"
        let common = "committee_roster,ZZ-1,2018-10-26,acftu/organisation,全总执行委员会,第十七届执委会,316,49,96"
        let rows = [
            header,
            common + ",赵卫东,true,false,马建军,false,true,[]",
            // Item 1 is all empty, so the list has one item; the JSON cell names a relative.
            common.replacingOccurrences(of: "ZZ-1", with: "ZZ-2") + ",赵卫东,true,false,,,,\"[\"\"张三\"\"]\"",
        ]
        try write(rows.joined(separator: "\n"), dir + "/roster.csv")
        let (r, lines) = try audit([dir + "/roster.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        let cases = try String(contentsOfFile: Self.rules + "/committee-composition/ruleset.yaml", encoding: .utf8)
        #expect(cases.contains("vice_chairs"))
        #expect(lines.map(\.verdict) == ["compliant", "non_compliant"], "\(r.stdout)")
        #expect(lines.first?.failed == [])
        // One vice chair left, and full time: no part-time model-worker vice chair (CC-05). The JSON cell typed as
        // the list of strings the schema wants (a text cell would make the record invalid).
        #expect(lines.last?.failed == ["CC-05"], "\(lines.last?.failed ?? [])")
    }

    // MARK: JSON Lines, folders, standard input

    /// A JSON cell over a JSON limit makes its row `invalid` at the cell, naming the row, the column and the limit,
    /// instead of being kept as text; the rows around it are checked as usual.
    @Test func aJSONCellOverALimitIsAnInvalidRow() throws {
        let dir = try temp()
        let header =
            "kind,id,date,unit,body,organisation,total_members,model_or_frontline,female_members,"
            + "vice_chairs.0.name,vice_chairs.0.full_time,vice_chairs.0.is_model_worker,"
            + "vice_chairs.1.name,vice_chairs.1.full_time,vice_chairs.1.is_model_worker,relatives_of_enterprise_head"
        let common = "committee_roster,ZZ-1,2018-10-26,acftu/organisation,全总执行委员会,第十七届执委会,316,49,96"
        let chairs = ",赵卫东,true,false,马建军,false,true,"
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let longKey = "\"{\"\"" + String(repeating: "k", count: 1025) + "\"\": 1}\""
        let rows = [
            header,
            common + chairs + "[]",
            common.replacingOccurrences(of: "ZZ-1", with: "ZZ-2") + chairs + deep,
            common.replacingOccurrences(of: "ZZ-1", with: "ZZ-3") + chairs + longKey,
            common.replacingOccurrences(of: "ZZ-1", with: "ZZ-4") + ",赵卫东,true,false,,,,\"[\"\"张三\"\"]\"",
        ]
        try write(rows.joined(separator: "\n") + "\n", dir + "/roster.csv")
        let (r, lines) = try audit([dir + "/roster.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "roster.csv:row 2 compliant []", "roster.csv:row 3 invalid json.limit.depth",
                "roster.csv:row 4 invalid json.limit.key-length", "roster.csv:row 5 non_compliant [CC-05]",
            ])
        let column = (common + chairs).unicodeScalars.count + 1
        #expect(lines.count == 4 && lines[1].locations == ["3:\(column)"] && lines[2].locations == ["4:\(column)"])
        let messages = lines.dropFirst().prefix(2).map {
            ($0.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String
        }
        #expect(
            messages == [
                "the JSON in row 3, column 16 is over a limit: collections are nested deeper than the limit of 64",
                "the JSON in row 4, column 16 is over a limit: the member name is longer than the limit of 1024 bytes",
            ])
    }

    @Test func jsonLinesWithABadLineAndABlankLine() throws {
        let dir = try temp()
        let text = [
            Disposal.auction(id: "J-1").json, "",
            "{\"kind\": \"asset_disposal\", \"id\": \"J-BAD\",, }",
            Disposal.agreementSale(id: "J-3").json,
            Disposal.investment(id: "J-4").without("kind").json,
        ].joined(separator: "\n")
        try write(text, dir + "/dump.jsonl")
        let (r, lines) = try audit([dir + "/dump.jsonl", "--kind", "asset_disposal"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "dump.jsonl:1 compliant []", "dump.jsonl:3 invalid json.syntax",
                "dump.jsonl:4 non_compliant [AM-01,AM-07,AM-08,AM-11]", "dump.jsonl:5 non_compliant [AM-06,AM-14]",
            ])
        #expect(lines[1].locations == ["3:42"])
    }

    /// A hostile 2.6 MB line of 200,000 keys stops at the decision key limit (10,000) instead of hanging, and a
    /// duplicate member is still found; the good lines around them are audited as usual.
    @Test func jsonLinesWithTooManyKeysAndADuplicateKey() throws {
        let dir = try temp()
        let keys = (0..<200_000).map { "\"k\($0)\":0" }
        let text = [
            Disposal.auction(id: "J-1").json,
            "{" + keys.joined(separator: ",") + "}",
            "{\"kind\": \"asset_disposal\", \"id\": \"J-D\", \"id\": \"J-E\"}",
            Disposal.agreementSale(id: "J-4").json,
        ].joined(separator: "\n")
        try write(text, dir + "/dump.jsonl")
        let (r, lines) = try audit([dir + "/dump.jsonl", "--kind", "asset_disposal"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "dump.jsonl:1 compliant []", "dump.jsonl:2 invalid json.limit.keys",
                "dump.jsonl:3 invalid json.duplicate-key", "dump.jsonl:4 non_compliant [AM-01,AM-07,AM-08,AM-11]",
            ])
        // The 10,001st key, after `{` and 10,000 members each followed by a comma.
        let column = 2 + keys.prefix(10_000).reduce(0) { $0 + $1.count + 1 }
        #expect(lines[1].locations == ["2:\(column)"])
        #expect(lines[2].locations == ["3:41"])
    }

    @Test func aFolderIsReadRecursivelyInSortedOrder() throws {
        let dir = try temp()
        let auction = try String(
            contentsOfFile: Self.rules + "/asset-management/examples/compliant-vehicle-auction.yaml", encoding: .utf8)
        let sale = try String(
            contentsOfFile: Self.rules + "/asset-management/examples/non-compliant-building-agreement-sale.yaml",
            encoding: .utf8)
        try write(auction + "---\n" + sale, dir + "/in/b-stream.yaml")
        try write(auction, dir + "/in/a-one.yml")
        try write(
            "[" + Disposal.investment(id: "F-1").json + ",\n " + Disposal.auction(id: "F-2").json
                + "]", dir + "/in/sub/c.json")
        try write(Disposal.header + "\n" + Disposal.agreementSale(id: "F-3").csv + "\n", dir + "/in/sub/d.csv")
        try write("not a record", dir + "/in/notes.txt")
        try write(auction, dir + "/in/.hidden.yaml")
        let (r, lines) = try audit([dir + "/in"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "a-one.yml compliant []", "b-stream.yaml:2 compliant []",
                "b-stream.yaml:30 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                "c.json:1 non_compliant [AM-06,AM-14]", "c.json:2 compliant []",
                "d.csv:row 2 non_compliant [AM-01,AM-07,AM-08,AM-11]",
            ])
    }

    @Test func standardInputIsSniffedOrNamed() throws {
        let jsonl = Disposal.auction(id: "S-1").json + "\n" + Disposal.investment(id: "S-2").json
        let (r, lines) = try audit(["-"], stdin: jsonl + "\n")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["-:1 compliant []", "-:2 non_compliant [AM-06,AM-14]"])
        let csv = Disposal.header + "\n" + Disposal.auction(id: "S-3").csv + "\n"
        let (c, csvLines) = try audit(["-", "--input-format", "csv"], stdin: csv)
        #expect(c.status == 0, "\(c.stderr)")
        #expect(csvLines.map(\.summary) == ["-:row 2 compliant []"])
        let (sniffed, sniffedLines) = try audit(["-"], stdin: csv)
        #expect(sniffed.status == 0)
        #expect(sniffedLines.map(\.summary) == ["-:row 2 compliant []"])
    }

    // MARK: order, exit codes, audit trail

    @Test func orderIsKeptAcrossChunksAndWorkers() throws {
        let dir = try temp()
        let n = 1_234
        let text = (1...n).map { i in
            (i % 3 == 0 ? Disposal.agreementSale(id: "O-\(i)") : Disposal.auction(id: "O-\(i)")).json
        }.joined(separator: "\n")
        try write(text, dir + "/many.jsonl")
        let (r, lines) = try audit([dir + "/many.jsonl", "--jobs", "2"])
        #expect(r.status == 1)
        #expect(lines.map(\.id) == (1...n).map { "O-\($0)" })
        #expect(lines.filter { $0.verdict == "non_compliant" }.count == n / 3)
    }

    @Test func allCompliantExitsZeroAndMissingInputExitsTwo() throws {
        let ok = Self.rules + "/asset-management/examples/compliant-vehicle-auction.yaml"
        #expect(try audit([ok]).0.status == 0)
        let missing = try audit([ok, "/nonexistent/disposals.csv"]).0
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("there is no input `/nonexistent/disposals.csv`"), "\(missing.stderr)")
        let chinese = try audit([ok, "/nonexistent/disposals.csv", "--lang", "zh"]).0
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("找不到输入文件：`/nonexistent/disposals.csv`"), "\(chinese.stderr)")
        let badKind = try audit([ok, "--kind", "asset_disposals"]).0
        #expect(badKind.status == 2)
        #expect(badKind.stderr.contains("no rule set applies to kind `asset_disposals`"))
    }

    @Test func everyRecordAndTheRunAreRecordedAndTheChainVerifies() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        let csv = [Disposal.header, Disposal.auction(id: "T-1").csv, "bad,row", Disposal.agreementSale(id: "T-3").csv]
        try write(csv.joined(separator: "\n"), dir + "/t.csv")
        let (r, lines) = try audit([dir + "/t.csv", "--audit", store, "--actor", "审计员"], audit: true)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 3)
        let list = try Run.bylaw(["log", "list", "--audit", store, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["event"] as? String } == ["audit-run", "audit", "audit", "audit"])
        // The run's verdict is the worst of its records'.
        #expect(rows.map { $0["verdict"] as? String } == ["invalid", "non_compliant", "invalid", "compliant"])
        #expect(rows.map { $0["id"] as? String } == [nil, "T-3", nil, "T-1"])
        #expect(rows.allSatisfy { $0["actor"] as? String == "审计员" })
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.status == 0)
        #expect(verify.stdout.hasPrefix("✓ 4 records verified"))
        let run = try Run.bylaw(["log", "show", "--audit", store, "4"]).stdout
        let digest = try shasum(dir + "/t.csv")
        #expect(run.contains("\"sha256\":\"\(digest)\""), "\(run)")
        #expect(
            run.contains(
                "\"verdicts\":{\"compliant\":1,\"error\":0,\"invalid\":1,\"needs_review\":0,\"non_compliant\":1}"))
        #expect(run.contains("\"first_seq\":1") && run.contains("\"last_seq\":3"))
        let second = try Run.bylaw(["log", "show", "--audit", store, "2"]).stdout
        #expect(second.contains("\"source\":{\"file\":\"\(dir)/t.csv\",\"row\":3}"))
        #expect(second.contains("\"sha256_raw\":\"\(try sha256("bad,row"))\""))
    }

    /// Records are committed in transactions of 2,000 (four chunks), each before its records are reported:
    /// a transaction's records share their `recorded_at`, and every record of the input is in the trail.
    @Test func recordsAreCommittedInTransactionsOfTwoThousand() throws {
        let dir = try temp()
        let store = dir + "/trail.sqlite"
        // Every thousandth record breaches AM-01, AM-07, AM-08 and AM-11.
        let lines = (1...4500).map {
            ($0 % 1000 == 0 ? Disposal.agreementSale(id: "TX-\($0)") : Disposal.auction(id: "TX-\($0)")).json
        }
        try write(lines.joined(separator: "\n") + "\n", dir + "/d.jsonl")
        let (r, report) = try audit([dir + "/d.jsonl", "--audit", store], audit: true)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(report.count == 4500)
        let export = try Run.bylaw(["log", "export", "--audit", store]).stdout.split(separator: "\n")
        #expect(export.count == 4501)
        var stamps: [String] = []
        for line in export.dropLast() {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            stamps.append(try #require(record["recorded_at"] as? String))
        }
        var runs: [Int] = []
        for (k, stamp) in stamps.enumerated() {
            if k > 0, stamps[k - 1] == stamp { runs[runs.count - 1] += 1 } else { runs.append(1) }
        }
        #expect(runs == [2000, 2000, 500])
        // The records are kept compressed (against a dictionary trained on the first chunk) and read back whole.
        let verify = try Run.bylaw(["log", "verify", "--audit", store])
        #expect(verify.stdout.hasPrefix("✓ 4501 records verified"), "\(verify.stdout)\(verify.stderr)")
        let exported = export.reduce(0) { $0 + $1.utf8.count }
        let kept = [store, store + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        #expect(kept * 4 < exported, "the store takes \(kept) bytes for \(exported) bytes of records")
        let failed = try Run.bylaw(["log", "list", "--audit", store, "--rule", "AM-11", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["TX-4000", "TX-3000", "TX-2000", "TX-1000"])
    }

    @Test func anUnwritableStoreFailsClosed() throws {
        let dir = try temp()
        try FileManager.default.createDirectory(atPath: dir + "/store.sqlite", withIntermediateDirectories: true)
        let ok = Self.rules + "/asset-management/examples/compliant-vehicle-auction.yaml"
        let (r, lines) = try audit([ok, "--audit", dir + "/store.sqlite"], audit: true)
        #expect(r.status == 2)
        #expect(lines.isEmpty)
        #expect(r.stderr.contains("bylaw: audit trail: cannot open `\(dir)/store.sqlite`"), "\(r.stderr)")
    }

    func shasum(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    func sha256(_ text: String) throws -> String {
        let dir = try temp()
        try write(text, dir + "/x")
        return try shasum(dir + "/x")
    }

    /// The shipped spreadsheet example the README's demo audits: a Chinese-header export with a BOM, CRLF
    /// line ends and a note with a quoted newline, mapped by its `columns.yaml`.
    @Test func shippedSpreadsheetExampleGivesItsKnownFindings() throws {
        let dir = Run.repository + "/examples/asset-disposals"
        let (r, lines) = try audit([
            dir + "/disposal-ledger.csv", "--kind", "asset_disposal", "--map", dir + "/columns.yaml",
        ])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 12)
        let findings = lines.filter { $0.verdict != "compliant" }.map { "\($0.id ?? "?") \($0.summary)" }
        #expect(
            findings == [
                "ZC-2024-0000006 disposal-ledger.csv:row 7 non_compliant [AM-04]",
                "ZC-2024-0000010 disposal-ledger.csv:row 11 non_compliant [AM-03]",
                "ZC-2025-0000012 disposal-ledger.csv:row 13 non_compliant [AM-01]",
            ])
        #expect(lines.allSatisfy { $0.codes.isEmpty }, "every column is mapped")
    }

    /// The text report an auditor reads first: counts, and only the rule sets of the `--kind` audited.
    @Test func textReportOfTheShippedExampleNamesItsRuleSetAndCounts() throws {
        let dir = Run.repository + "/examples/asset-disposals"
        let r = try Run.bylaw([
            "audit", dir + "/disposal-ledger.csv", "--kind", "asset_disposal", "--map", dir + "/columns.yaml",
            "--rules", Self.rules, "--no-audit",
        ])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("rule sets") && $0.contains("asset-management 1.2.1") })
        #expect(lines.contains { $0.hasPrefix("records") && $0.hasSuffix(" 12") })
        #expect(lines.contains { $0.hasPrefix("non-compliant") && $0.contains(" 3 ") })
    }
}
