import BylawTestSupport
import Foundation
import Testing

/// `bylaw audit` on files as Chinese offices save them (Tests/BylawTests/Fixtures/office, made by
/// scripts/fixtures/make_office_fixtures.py from the shipped disposal ledger): the same exact findings as the
/// UTF-8 ledger, and one actionable error for a file that cannot be decoded.
@Suite struct OfficeInputTests {
    static let office = Run.fixtures + "/office"
    static let example = Run.repository + "/examples/asset-disposals"
    /// The shipped ledger's known findings (see `AuditCommandTests.shippedSpreadsheetExampleGivesItsKnownFindings`).
    static let ledgerFindings = [
        "ZC-2024-0000006 row 7 non_compliant [AM-04]",
        "ZC-2024-0000010 row 11 non_compliant [AM-03]",
        "ZC-2025-0000012 row 13 non_compliant [AM-01]",
    ]

    /// `bylaw audit FILE --kind asset_disposal --map columns.yaml ARGS --format jsonl --no-audit`.
    func audit(_ file: String, _ args: [String] = []) throws -> (Run, [AuditCommandTests.Line]) {
        let r = try Run.bylaw(
            ["audit", file, "--kind", "asset_disposal", "--map", Self.example + "/columns.yaml"] + args + [
                "--rules", Run.repository + "/rules", "--format", "jsonl", "--no-audit",
            ])
        return (r, try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) })
    }

    static func findings(_ lines: [AuditCommandTests.Line]) -> [String] {
        lines.filter { $0.verdict != "compliant" }.map { line in
            "\(line.id ?? "?") \(line.source.split(separator: ":").last ?? "") \(line.verdict) [\(line.failed.joined(separator: ","))]"
        }
    }

    /// The encodings Excel saves, and its other delimited saves: "Unicode text" (`.txt`, tabs, UTF-16) and a
    /// CSV with semicolons (where the list separator is one); the separator is found from the header line.
    @Test(arguments: [
        "ledger-gbk.csv", "ledger-utf16le.csv", "ledger-utf16be.csv", "ledger-unicode.txt", "ledger-semicolon.csv",
    ])
    func encodingsAreDetectedAndGiveTheLedgersFindings(_ name: String) throws {
        let (r, lines) = try audit(Self.office + "/" + name)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 12)
        #expect(Self.findings(lines) == Self.ledgerFindings)
        #expect(lines.allSatisfy { $0.codes.isEmpty })
    }

    @Test func gbkNamedWithEncodingGivesTheSameFindings() throws {
        let (r, lines) = try audit(Self.office + "/ledger-gbk.csv", ["--encoding", "gbk"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(Self.findings(lines) == Self.ledgerFindings)
    }

    /// A UTF-8 file with one cell pasted from a GBK file: one invalid record naming the row, the cell and its
    /// header, and the fix; the rows before it are judged; the run exits 2 since the file was not read whole.
    @Test func aStrayGBKCellIsOneErrorNamingItsCell() throws {
        let (r, lines) = try audit(Self.office + "/ledger-stray-gbk.csv")
        #expect(r.status == 2, "\(r.stderr)")
        #expect(lines.map(\.summary).suffix(1) == ["ledger-stray-gbk.csv:row 5 invalid csv.encoding"])
        #expect(lines.count == 4)
        let message = try #require(
            (lines.last?.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
        #expect(
            message
                == "row 5, cell H5 (column `资产名称`) is not valid UTF-8 text, so the rest of the file was not read: "
                + "save the sheet from Excel as \"CSV UTF-8\", or name the file's encoding with --encoding gb18030")
    }

    /// GBK read as UTF-8 because the user said so: the header's first cell is named.
    @Test func aWrongEncodingOnTheCommandLineIsNamedAtTheHeader() throws {
        let (r, lines) = try audit(Self.office + "/ledger-gbk.csv", ["--encoding", "utf-8"])
        #expect(r.status == 2)
        #expect(lines.count == 1)
        let message = try #require(
            (lines.first?.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
        #expect(message.hasPrefix("the header row, cell A1 is not valid UTF-8 text"))
    }

    @Test func anUnknownEncodingIsAUsageError() throws {
        let r = try Run.bylaw(["audit", Self.office + "/ledger-gbk.csv", "--encoding", "latin1", "--no-audit"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("utf-8"))
    }
}

/// `.xlsx` workbooks end to end: the shipped ledger saved as Excel saves it gives the CSV's exact results.
@Suite struct WorkbookInputTests {
    let office = OfficeInputTests()

    /// Each result as JSON without its source, to compare a workbook's results with the CSV's.
    static func results(_ lines: [AuditCommandTests.Line]) throws -> [String] {
        try lines.map { line in
            var json = line.json
            json["source"] = nil
            json["file"] = nil
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A merged title, a note and a blank row above the header (row 4), serial dates in two date formats, an
    /// amount with a double's noise, booleans, inline strings and a merged 事项 column over rows 5–8.
    @Test func aWorkbookGivesTheCSVsExactResults() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            OfficeInputTests.findings(lines) == [
                "ZC-2024-0000006 row 10 non_compliant [AM-04]",
                "ZC-2024-0000010 row 14 non_compliant [AM-03]",
                "ZC-2025-0000012 row 16 non_compliant [AM-01]",
            ])
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try Self.results(lines) == Self.results(csv))
    }

    @Test func theDateSystemOf1904IsRead() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-1904.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try Self.results(lines) == Self.results(csv))
        #expect(lines.first?.source == "ledger-1904.xlsx:row 2")
    }

    @Test func aSheetIsChosenByName() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger.xlsx", ["--sheet", "抽查记录"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            OfficeInputTests.findings(lines) == [
                "ZC-2024-0000006 row 2 non_compliant [AM-04]", "ZC-2024-0000010 row 3 non_compliant [AM-03]",
            ])
        let (missing, one) = try office.audit(OfficeInputTests.office + "/ledger.xlsx", ["--sheet", "Sheet9"])
        #expect(missing.status == 2)
        #expect(one.map(\.summary) == ["ledger.xlsx invalid xlsx.no-sheet"])
    }

    /// A promotion file saved by an editor in GBK or in UTF-16 is checked as the UTF-8 original is: the same
    /// verdict and failed rules, and the trail keeps the file's own bytes' hash.
    @Test func aDecisionSavedInGBKOrUTF16IsChecked() throws {
        let original = Run.repository + "/rules/cadre-selection/examples/non-compliant-2025-skip-single-signature.yaml"
        let text = try String(contentsOfFile: original, encoding: .utf8)
        let dir = Scratch.root.appendingPathComponent("encodings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let u16 = dir.appendingPathComponent("utf16.yaml")
        let units: [UInt8] = text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try Data([0xFF, 0xFE] + units).write(to: u16)
        let gbk = dir.appendingPathComponent("gbk.yaml")
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", gbk.path, original]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0)
        let args = ["check", "--rules", Run.repository + "/rules", "--no-audit", "--format", "json"]
        let expected = try Run.bylaw(args + [original])
        #expect(expected.status == 1)
        for file in [u16.path, gbk.path] {
            let r = try Run.bylaw(args + [file])
            #expect(r.status == 1, "\(file): \(r.stderr)")
            #expect(r.stdout.contains("\"verdict\":\"non_compliant\""))
            for id in ["CS2-15", "CS2-23"] {
                #expect(
                    r.stdout.contains("\"rule\":\"\(id)\",") == expected.stdout.contains("\"rule\":\"\(id)\","), "\(id)"
                )
            }
            #expect(r.stdout.contains("廉洁自律结论性意见缺少纪委书记"))
        }
    }

    /// An export saved from a Windows editor as "Unicode" (UTF-16 with its mark) or in GBK: `audit` reads JSON
    /// Lines and JSON arrays in them as their text, as `check` reads a single decision, instead of calling every
    /// line a syntax error (and counting a record for each UTF-16 NUL-split line).
    @Test func jsonLinesSavedInUTF16OrGBKAreAudited() throws {
        let lines = try String(
            contentsOfFile: Run.repository + "/examples/asset-disposals/export.jsonl", encoding: .utf8)
        let dir = Scratch.root.appendingPathComponent("json-encodings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
            (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF])
                + text.utf16.flatMap { (u: UInt16) -> [UInt8] in
                    littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)]
                }
        }
        let array = "[" + lines.split(separator: "\n").joined(separator: ",\n") + "]\n"
        try Data(utf16(lines, littleEndian: true)).write(to: dir.appendingPathComponent("le.jsonl"))
        try Data(utf16(array, littleEndian: false)).write(to: dir.appendingPathComponent("be.json"))
        try Data([0xEF, 0xBB, 0xBF] + Array(lines.utf8)).write(to: dir.appendingPathComponent("bom.jsonl"))
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = [
            "-f", "UTF-8", "-t", "GB18030", "-o", dir.appendingPathComponent("gbk.jsonl").path,
            Run.repository + "/examples/asset-disposals/export.jsonl",
        ]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(iconv.terminationStatus == 0)
        func audit(_ file: String) throws -> (Run, [AuditCommandTests.Line]) {
            let r = try Run.bylaw([
                "audit", file, "--map", Run.repository + "/examples/asset-disposals/export-map.yaml", "--rules",
                Run.repository + "/rules", "--format", "jsonl", "--no-audit",
            ])
            return (r, try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) })
        }
        let (_, expected) = try audit(Run.repository + "/examples/asset-disposals/export.jsonl")
        #expect(expected.count == lines.split(separator: "\n").count)
        #expect(expected.allSatisfy { $0.verdict != "invalid" })
        for name in ["le.jsonl", "be.json", "bom.jsonl", "gbk.jsonl"] {
            let (r, found) = try audit(dir.appendingPathComponent(name).path)
            #expect(r.status == 1, "\(name): \(r.stderr)")
            #expect(found.map(\.verdict) == expected.map(\.verdict), "\(name)")
            #expect(found.map(\.id) == expected.map(\.id), "\(name)")
        }
        // UTF-8 records with one value pasted from a GBK file: that line alone is refused, where it is; the
        // others are not read as GB18030 (which would turn their Chinese into other characters).
        var stray = Array(lines.utf8)
        let second = try #require(stray.firstIndex(of: UInt8(ascii: "\n"))) + 1
        stray.insert(
            contentsOf: Array(#"{"ref": ""#.utf8) + [0xB1, 0xB8, 0xD7, 0xA2] + Array("\"}\n".utf8), at: second)
        try Data(stray).write(to: dir.appendingPathComponent("stray.jsonl"))
        let (_, mixed) = try audit(dir.appendingPathComponent("stray.jsonl").path)
        #expect(mixed.count == expected.count + 1)
        #expect(mixed.map(\.codes).filter { $0.contains("json.encoding") }.count == 1)
        #expect(mixed.filter { !$0.codes.contains("json.encoding") }.map(\.id) == expected.map(\.id))
    }

    /// A cover sheet of one-cell notes before the ledger: without --sheet, the first sheet with a header (one
    /// naming the mapping's headers) is read, not the notes; named with --sheet, the notes are read and refused.
    @Test func aCoverSheetIsPassedOver() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-cover.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try Self.results(lines) == Self.results(csv))
        #expect(lines.first?.source == "ledger-cover.xlsx:row 2")
        let (notes, refused) = try office.audit(OfficeInputTests.office + "/ledger-cover.xlsx", ["--sheet", "填表说明"])
        #expect(notes.status == 2)
        #expect(refused.allSatisfy { $0.verdict == "invalid" } && !refused.isEmpty)
        // `--header-row 1` looks at row 1 of each sheet: the notes' row 1 is one cell, the ledger's a header.
        let (byRow, rows) = try office.audit(OfficeInputTests.office + "/ledger-cover.xlsx", ["--header-row", "1"])
        #expect(byRow.status == 1, "\(byRow.stderr)")
        #expect(rows.count == 12)
        // `map init` (and the web page's upload, which proposes through the same sample) reads the same sheet.
        let proposed = try Run.bylaw(
            [
                "map", "init", OfficeInputTests.office + "/ledger-cover.xlsx", "--kind", "asset_disposal", "--rules",
                Run.repository + "/rules",
            ])
        #expect(proposed.status == 0, "\(proposed.stderr)")
        #expect(proposed.stdout.contains("处置编号: id") && !proposed.stdout.contains("本表由资产管理系统导出"))
    }

    /// Cells out of place, as no spreadsheet program writes them (a cell written twice, an unknown type, a cell
    /// of another row, a row numbered like the one before): each such row is refused naming the cell, not read
    /// with a value put in the wrong column; the other rows are judged as in the ledger.
    @Test func cellsOutOfPlaceRefuseTheirRow() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-cell-refs.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 12)
        let refused = lines.filter { $0.codes == ["xlsx.cell-ref"] }.map(\.source)
        #expect(
            refused == [
                "ledger-cell-refs.xlsx:row 3", "ledger-cell-refs.xlsx:row 5", "ledger-cell-refs.xlsx:row 7",
                "ledger-cell-refs.xlsx:row 10",
            ])
        #expect(lines.filter { $0.verdict == "invalid" }.count == 4)
    }

    /// A hidden first sheet (an old copy of one row) is not the table: the visible ledger is read, unless
    /// `--sheet` names the hidden one.
    @Test func aHiddenSheetIsPassedOver() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-hidden-old.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try Self.results(lines) == Self.results(csv))
        let (named, old) = try office.audit(OfficeInputTests.office + "/ledger-hidden-old.xlsx", ["--sheet", "旧表"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(old.count == 1)
    }

    /// `--header-row 2` names the note row: its cells are not headers the mapping knows.
    @Test func theHeaderRowCanBeNamed() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger.xlsx", ["--header-row", "2"])
        #expect(r.status == 2)
        #expect(lines.map(\.summary) == ["ledger.xlsx:row 2 invalid csv.bad-header"])
        #expect(lines.first?.locations == ["2:31"])
        let (ok, all) = try office.audit(OfficeInputTests.office + "/ledger.xlsx", ["--header-row", "4"])
        #expect(ok.status == 1)
        #expect(all.count == 12)
    }

    /// `name-not-utf8.xlsx` and `strings-not-utf8.xlsx` stopped the whole process (a trap in FoundationXML's
    /// parser) before their bytes were checked; `entities-utf16.xlsx` slipped past the document-type scan.
    @Test(arguments: [
        ("bomb.xlsx", "xlsx.limit.ratio"), ("entities.xlsx", "xlsx.doctype"),
        ("entities-utf16.xlsx", "xlsx.encoding"), ("name-not-utf8.xlsx", "xlsx.xml"),
        ("strings-not-utf8.xlsx", "xlsx.xml"),
    ])
    func hostileWorkbooksAreRefused(_ name: String, _ code: String) throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/" + name)
        #expect(r.status == 2)
        #expect(lines.map(\.summary) == ["\(name) invalid \(code)"])
    }

    @Test func aWorkbookCannotComeFromStandardInput() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: OfficeInputTests.office + "/ledger.xlsx"))
        let r = try Run.bylaw(
            ["audit", "-", "--kind", "asset_disposal", "--no-audit", "--format", "jsonl"],
            stdin: String(decoding: bytes, as: UTF8.self))
        #expect(r.status == 2)
        #expect(r.stdout.contains("xlsx.stdin"))
    }
}

/// Values as offices write them, read through the mapping file's formats and the fields' types.
@Suite struct ValueFormatTests {
    let office = OfficeInputTests()

    /// Dates in five forms, amounts with separators and currency signs, booleans as 是/否, √/×, 有/无 and
    /// TRUE/FALSE, approving bodies by their everyday names, full-width spaces: the plain ledger's exact results.
    @Test func valuesAsOfficesWriteThemGiveTheLedgersResults() throws {
        let file = OfficeInputTests.office + "/ledger-formats.csv"
        let r = try Run.bylaw([
            "audit", file, "--kind", "asset_disposal", "--map", OfficeInputTests.office + "/ledger-formats.yaml",
            "--rules", Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        #expect(r.status == 1, "\(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(OfficeInputTests.findings(lines) == OfficeInputTests.ledgerFindings)
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
    }

    /// Without `date: dd/MM/yyyy` in the mapping, a date whose first number is over 12 (`26/08/2023`) reads
    /// only one way and is read; `11/09/2024` reads two ways, and its row is invalid, naming its cell and both days.
    @Test func anAmbiguousDateIsAnErrorNamingItsCell() throws {
        let r = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-formats.csv", "--kind", "asset_disposal", "--map",
            OfficeInputTests.office + "/ledger-formats-undeclared.yaml", "--rules", Run.repository + "/rules",
            "--format", "jsonl", "--no-audit",
        ])
        #expect(r.status == 1)
        let lines = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(lines.count == 12)
        // Rows 7, 8 and 9 hold 11/09/2024, 04/12/2021 and 07/02/2023; every other row is judged as with the
        // declared form.
        #expect(
            OfficeInputTests.findings(lines) == [
                "? row 7 invalid []", "? row 8 invalid []", "? row 9 invalid []",
                "ZC-2024-0000010 row 11 non_compliant [AM-03]", "ZC-2025-0000012 row 13 non_compliant [AM-01]",
            ])
        let invalid = lines.filter { !$0.codes.isEmpty }
        #expect(invalid.count == 3)
        #expect(invalid.allSatisfy { $0.codes == ["cell.ambiguous-date"] })
        let first = try #require((invalid.first?.json["diagnostics"] as? [[String: Any]])?.first)
        #expect(
            first["message"] as? String
                == "cell AD7, column `账务核销日期` (ledger_writeoff): `11/09/2024` could be read day first (`2024-09-11`) "
                + "or month first (`2024-11-09`)")
        #expect(first["help"] as? String == "say which in the mapping file: `date: d/M/yyyy` or `date: M/d/yyyy`")
        let zh = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-formats.csv", "--kind", "asset_disposal", "--map",
            OfficeInputTests.office + "/ledger-formats-undeclared.yaml", "--rules", Run.repository + "/rules",
            "--no-audit", "--lang", "zh",
        ])
        #expect(zh.stdout.contains("提示：请在映射文件中写明：日在前写 `date: d/M/yyyy`，月在前写 `date: M/d/yyyy`"))
        #expect(zh.stdout.contains("`11/09/2024` 可能是日在前（`2024-09-11`），也可能是月在前（`2024-11-09`）"))
        #expect(!zh.stdout.contains("say which"))
        // Row 7's record is on line 8 of the file: the header is line 1, and row 2's note spans lines 2 and 3.
        #expect(invalid.first?.locations.first?.hasPrefix("8:") == true)
    }
}

/// Invalid records named as the auditor sees the sheet, counted by reason, and a run that is mostly invalid
/// said so at the top with its fix.
@Suite struct InvalidReasonTests {
    func run(_ args: [String]) throws -> Run {
        try Run.bylaw(["audit"] + args + ["--rules", Run.repository + "/rules", "--no-audit"])
    }

    /// The auditor forgot `--kind`: every record is invalid for the same reason, and the report says so first.
    @Test func aMissingKindIsSaidAtTheTopWithItsFix() throws {
        let args = [
            OfficeInputTests.example + "/disposal-ledger.csv", "--map", OfficeInputTests.example + "/columns.yaml",
        ]
        let text = try run(args)
        #expect(text.status == 1)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.dropFirst(4).first
                == "! most records are invalid: 12 of 12 (100.0%), so none was judged against the rules")
        #expect(
            lines.dropFirst(6).first?.hasPrefix(
                "  fix: give the records their kind with --kind (known kinds: asset_disposal") == true)
        let json = try run(args + ["--format", "json"]).json()
        #expect(json["most_invalid"] as? Bool == true)
        let reasons = try #require(json["invalid_reasons"] as? [[String: Any]])
        #expect(
            reasons.map { "\($0["code"] ?? "") \($0["subject"] ?? "") \($0["records"] ?? "")" } == [
                "decision.missing-field kind 12"
            ])
        let html = try run(args + ["--format", "html"]).stdout
        #expect(html.contains("<section class=\"panel notice\" id=\"most-invalid\">"))
        #expect(html.contains("<td class=\"key\">decision.missing-field</td><td>kind</td>"))
    }

    /// Reasons counted by code and column, with the first record's cell as the sample.
    @Test func reasonsAreCountedByColumnWithASampleCell() throws {
        let json = try run([
            OfficeInputTests.office + "/ledger-formats.csv", "--kind", "asset_disposal", "--map",
            OfficeInputTests.office + "/ledger-formats-undeclared.yaml", "--format", "json",
        ]).json()
        let reasons = try #require(json["invalid_reasons"] as? [[String: Any]])
        #expect(reasons.count == 1)
        let top = try #require(reasons.first)
        #expect(top["code"] as? String == "cell.ambiguous-date")
        #expect(top["subject"] as? String == "账务核销日期")
        #expect(top["records"] as? Int == 3)
        let sample = try #require(top["sample"] as? [String: Any])
        #expect((sample["source"] as? String)?.hasSuffix("ledger-formats.csv:row 7") == true)
        #expect((sample["message"] as? String)?.hasPrefix("cell AD7, column `账务核销日期`") == true)
    }

    /// In a workbook, a value the schema refuses is named by its cell (`D5`), its header, then its field.
    @Test func aWorkbookCellIsNamedAsExcelNamesIt() throws {
        let dir = Scratch.root.appendingPathComponent("office-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: OfficeInputTests.example + "/columns.yaml", encoding: .utf8)
        let mapping = shipped.replacingOccurrences(
            of: "  产权单位层级: owner_level\n", with: "  产权单位层级: {field: owner_level, values: {市级工会: 市级}}\n")
        #expect(mapping != shipped)
        try mapping.write(toFile: dir + "/columns.yaml", atomically: true, encoding: .utf8)
        let r = try run([
            OfficeInputTests.office + "/ledger.xlsx", "--kind", "asset_disposal", "--map", dir + "/columns.yaml",
            "--format", "jsonl",
        ])
        let first = try #require(r.stdout.split(separator: "\n").first.map { try AuditCommandTests.Line(String($0)) })
        #expect(first.codes == ["decision.bad-enum"])
        let message = try #require((first.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String)
        #expect(message == "cell D5, column `产权单位层级`: `owner_level` is `市级`, which is not one of its values")
        #expect(first.locations == ["5:4"])
    }

    /// A field no column gives says which, and how to map one.
    @Test func aFieldNoColumnGivesSaysHowToMapIt() throws {
        let dir = Scratch.root.appendingPathComponent("office-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: OfficeInputTests.example + "/columns.yaml", encoding: .utf8)
        try shipped.replacingOccurrences(of: "  资产类别: asset.category\n", with: "  资产类别: ~\n")
            .write(toFile: dir + "/columns.yaml", atomically: true, encoding: .utf8)
        let json = try run([
            OfficeInputTests.example + "/disposal-ledger.csv", "--kind", "asset_disposal", "--map",
            dir + "/columns.yaml", "--format", "json",
        ]).json()
        let top = try #require((json["invalid_reasons"] as? [[String: Any]])?.first)
        #expect(top["subject"] as? String == "asset.category")
        #expect(
            top["help"] as? String == "map the header of the column that holds it with --map (`header: asset.category`)"
        )
        #expect(
            ((top["sample"] as? [String: Any])?["message"] as? String)?.hasPrefix(
                "no column gives `asset.category`: required field `asset.category`") == true)
    }
}

/// `bylaw map init`: a mapping proposed from a sheet's headers and the rule sets' labels, that audits as is.
@Suite struct MapInitTests {
    func mapInit(_ args: [String]) throws -> Run {
        try Run.bylaw(["map", "init"] + args + ["--rules", Run.repository + "/rules"])
    }

    /// The workbook's header is found in row 4, below its title; every header but the notes matches a label.
    @Test func aWorkbooksHeadersAreMatchedByLabel() throws {
        let r = try mapInit([OfficeInputTests.office + "/ledger.xlsx", "--kind", "asset_disposal"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("kind asset_disposal: the header in row 4, 12 rows sampled.") == true)
        #expect(
            lines.contains(
                "# 30 of 31 headers matched a field by the labels the rule sets give their input fields. Review before use:"
            ))
        #expect(lines.contains("  处置编号: id   # matched by alias"))
        #expect(lines.contains("  账面原值: asset.book_value   # matched by label"))
        #expect(lines.contains { $0.hasPrefix("  备注: ~   # no field of `asset_disposal` has this name") })
    }

    /// A CSV export with a title and a note above its header, and trailing empty columns: the header is found
    /// below them (or named with `--header-row`), as `audit` finds it, and the mapping proposed audits the file.
    @Test func aCSVHeaderBelowATitleIsFound() throws {
        let dir = Scratch.root.appendingPathComponent("map-init-title-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ledger = try String(contentsOfFile: OfficeInputTests.example + "/disposal-ledger.csv", encoding: .utf8)
        let titled = "2024年资产处置台账,,,\n制表单位：全总财务部,,制表日期：2024-12-01,\n" + ledger
        try titled.write(toFile: dir + "/titled.csv", atomically: true, encoding: .utf8)
        for (k, args) in [[String](), ["--header-row", "3"]].enumerated() {
            let out = dir + "/columns-\(k).yaml"
            let r = try mapInit([dir + "/titled.csv", "--kind", "asset_disposal", "-o", out] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("the header in row 3") && text.contains("  处置编号: id"), "\(text)")
            #expect(!text.contains("2024年资产处置台账"))
            let audited = try Run.bylaw([
                "audit", dir + "/titled.csv", "--kind", "asset_disposal", "--map", out, "--rules",
                Run.repository + "/rules", "--format", "jsonl", "--no-audit",
            ])
            #expect(audited.status == 1, "\(audited.stderr)")
            let lines = try audited.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
            #expect(lines.count == 12 && lines.allSatisfy { $0.verdict != "invalid" })
        }
        let missing = try mapInit([dir + "/titled.csv", "--kind", "asset_disposal", "--header-row", "90"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("row 90"), "\(missing.stderr)")
    }

    /// With `--lang zh` the proposal's comments are Chinese; the mapping itself (headers and field paths) is the
    /// same file.
    @Test func theProposalSpeaksTheReadersLanguage() throws {
        let file = OfficeInputTests.office + "/ledger-formats.csv"
        let zh = try mapInit([file, "--kind", "asset_disposal", "--lang", "zh"])
        let en = try mapInit([file, "--kind", "asset_disposal", "--lang", "en"])
        #expect(zh.status == 0 && en.status == 0, "\(zh.stderr)\(en.stderr)")
        let lines = zh.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("# 由 `bylaw map init` 为 ") == true, "\(lines.first ?? "")")
        #expect(lines.contains("  处置编号: id   # 按别名匹配"), "\(zh.stdout)")
        #expect(lines.contains("  账务核销日期: {field: ledger_writeoff, date: d/M/yyyy}   # 按标签匹配；日期为日在前（部分首位数字大于 12）"))
        #expect(!zh.stdout.contains("matched by"))
        // Only the comments differ: the YAML the two describe is the same.
        func mapping(_ text: String) -> [String] {
            text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.components(separatedBy: "   #")[0] }
        }
        #expect(mapping(zh.stdout) == mapping(en.stdout))
    }

    /// The proposal for the file of office formats declares the day-first dates and guesses the synonyms, and
    /// auditing with it gives the plain ledger's exact results.
    @Test func theProposalAuditsTheOfficeFormatsAsIs() throws {
        let dir = Scratch.root.appendingPathComponent("map-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = OfficeInputTests.office + "/ledger-formats.csv"
        let r = try mapInit([file, "--kind", "asset_disposal", "-o", dir + "/columns.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: dir + "/columns.yaml", encoding: .utf8)
        #expect(
            text.contains(
                "  账务核销日期: {field: ledger_writeoff, date: d/M/yyyy}   # matched by label; the dates are day first"))
        #expect(text.contains("  审批机关: {field: approval.body, values: {市总工会: 市级工会, 省总工会: 省级工会}}"))
        let audit = try Run.bylaw([
            "audit", file, "--kind", "asset_disposal", "--map", dir + "/columns.yaml", "--rules",
            Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        let lines = try audit.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(OfficeInputTests.findings(lines) == OfficeInputTests.ledgerFindings)
        let again = try mapInit([file, "--kind", "asset_disposal", "-o", dir + "/columns.yaml"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists"))
    }

    /// JSON Lines name their fields: map init says so rather than reading the records as a CSV header.
    @Test func recordsInJSONAreNoTable() throws {
        let r = try mapInit([OfficeInputTests.example + "/export.jsonl", "--kind", "asset_disposal"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is no CSV file or workbook"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func anUnknownKindOrFileIsAnError() throws {
        let r = try mapInit([OfficeInputTests.office + "/ledger.xlsx", "--kind", "asset_sale"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("known kinds: asset_disposal"))
        let missing = try mapInit([OfficeInputTests.office + "/nothing.xlsx", "--kind", "asset_disposal"])
        #expect(missing.status == 2)
        let bomb = try mapInit([OfficeInputTests.office + "/bomb.xlsx", "--kind", "asset_disposal"])
        #expect(bomb.status == 2)
        #expect(bomb.stderr.contains("zip bomb"))
    }
}

/// The ledger as other programs export it (`scripts/fixtures/make_office_fixtures.py`, `exporters`): each gives
/// the plain CSV's exact results, or names the cell or file that cannot be read.
@Suite struct ExportedWorkbookTests {
    let office = OfficeInputTests()

    /// Text in CDATA sections, ids followed by Excel's `_x000D_` escape, a header typed on two lines and one
    /// ending in an escaped carriage return: read as the plain ledger.
    @Test func anExportersEscapesAndCDATAAreText() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-exporter.xlsx")
        #expect(r.status == 1, "\(r.stderr)")
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
    }

    /// A mapping written by an older `map init` keeps a two-line header's line break in its key: it still names
    /// the column, whose header is compared the same way.
    @Test func aMappingKeyTypedOnTwoLinesStillNamesItsColumn() throws {
        let dir = Scratch.root.appendingPathComponent("two-line-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shipped = try String(contentsOfFile: OfficeInputTests.example + "/columns.yaml", encoding: .utf8)
        #expect(shipped.contains("\n  处置编号: id\n"))
        try shipped.replacingOccurrences(of: "\n  处置编号: id\n", with: "\n  \"处置\\n编号\": id\n")
            .write(toFile: dir + "/columns.yaml", atomically: true, encoding: .utf8)
        let r = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-exporter.xlsx", "--kind", "asset_disposal", "--map",
            dir + "/columns.yaml", "--rules", Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        let lines = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
    }

    /// A formula's error is no value in any column the mapping reads, text columns too; in a column it leaves
    /// out (备注), it does not matter.
    @Test func formulaErrorsAreRefusedWhereTheyAreRead() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-error-cells.xlsx")
        #expect(r.status == 1)
        #expect(lines.count == 12)
        let invalid = lines.filter { $0.verdict == "invalid" }
        #expect(invalid.map(\.codes) == [["cell.excel-error"], ["cell.excel-error"]])
        let messages = invalid.compactMap { ($0.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String }
        #expect(
            messages == [
                "cell C2, column `单位` (unit): `#REF!` is the error a spreadsheet formula gave, not a value",
                "cell A3, column `处置编号` (id): `#N/A` is the error a spreadsheet formula gave, not a value",
            ])
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(
            try WorkbookInputTests.results(Array(lines.dropFirst(2)))
                == WorkbookInputTests.results(Array(csv.dropFirst(2))))
    }

    /// A blank form before the filled ledger is passed over; `--sheet` names a sheet without the space its tab
    /// name ends in.
    @Test func aBlankFormBeforeTheLedgerIsPassedOver() throws {
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        for args in [[], ["--sheet", "2024年"]] {
            let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-form-first.xlsx", args)
            #expect(r.status == 1, "\(r.stderr)")
            // Which sheet was read is said, unless --sheet named it.
            #expect(
                r.stderr.contains(
                    "ledger-form-first.xlsx: read the sheet `2024年 ` (the workbook's sheets: `填报模板`, `2024年 `)")
                    == args.isEmpty)
            #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
        }
    }

    /// An Excel 97–2003 `.xls` (or a workbook with a password) says what to do, in both languages.
    @Test func anOldWorkbookSaysToSaveItAsXLSX() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-old.xls")
        // No record could be read at all: a usage error, as for any workbook that cannot be opened.
        #expect(r.status == 2)
        #expect(lines.map(\.codes) == [["xlsx.old-format"]])
        let zh = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-old.xls", "--kind", "asset_disposal", "--map",
            OfficeInputTests.example + "/columns.yaml", "--rules", Run.repository + "/rules", "--no-audit", "--lang",
            "zh",
        ])
        #expect(zh.stdout.contains("请用 Excel 或 WPS 打开，另存为不设密码的 .xlsx 工作簿"))
    }

    /// `map init`'s proposal, audited as it stands, gives the plain ledger's results: serial dates in a 1904
    /// workbook (`date: excel` follows the workbook), and amounts in 万元 (`unit: 万元`).
    @Test(arguments: ["ledger-1904-general.xlsx", "ledger-wan.csv"])
    func theProposalReadsTheExportAsTheLedger(_ name: String) throws {
        let dir = Scratch.root.appendingPathComponent("map-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let file = OfficeInputTests.office + "/" + name
        let made = try Run.bylaw([
            "map", "init", file, "--kind", "asset_disposal", "-o", dir + "/columns.yaml", "--rules",
            Run.repository + "/rules",
        ])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: dir + "/columns.yaml", encoding: .utf8)
        if name.hasSuffix(".csv") {
            #expect(text.contains("  账面原值（万元）: {field: asset.book_value, unit: 万元}"))
        } else {
            #expect(text.contains("  决策日期: {field: date, date: excel}"))
            #expect(text.contains("1904 date system"))
        }
        let audit = try Run.bylaw([
            "audit", file, "--kind", "asset_disposal", "--map", dir + "/columns.yaml", "--rules",
            Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        let lines = try audit.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
    }

    /// A 小计 row inside the table and, under it, a 合计 row, the signature line, a note and an end mark: read as
    /// the plain ledger, in a CSV and in a workbook, with the five rows named as not checked on standard error
    /// and in every report.
    @Test(arguments: ["csv", "xlsx"])
    func totalsAndSignaturesAreNotRecords(_ ext: String) throws {
        let file = OfficeInputTests.office + "/ledger-footer." + ext
        let (r, lines) = try office.audit(file)
        #expect(r.status == 1, "\(r.stderr)")
        let (_, csv) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(csv))
        // Numbered as the sheet shows them, the same in the CSV and the workbook.
        let (sub, total) = (8, 15)
        #expect(
            r.stderr.contains(
                "note: 5 rows are not records and were not checked (totals, signatures, notes): "
                    + "\(file):row \(sub) `小  计` (a totals row), \(file):row \(total) `合计（元）：` (a totals row), "
                    + "\(file):row \(total + 2) `制表人：张三` (a signature line), and 2 more"),
            "\(r.stderr)")
        let base = [
            "audit", file, "--kind", "asset_disposal", "--map", OfficeInputTests.example + "/columns.yaml", "--rules",
            Run.repository + "/rules", "--no-audit", "--quiet",
        ]
        let text = try Run.bylaw(base + ["--format", "text", "--lang", "zh"])
        #expect(text.stderr.isEmpty)
        #expect(text.stdout.contains("未检查的行：5 行不是记录（合计、签字栏、说明）\n"))
        #expect(text.stdout.contains("  \(file) 第 \(total + 3) 行  注：金额单位为元，日期为公历。  说明\n"))
        #expect(text.stdout.contains("  \(file) 第 \(total + 4) 行  （以下空白）  结束标记\n"))
        let json = try Run.bylaw(base + ["--format", "json"])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let skipped = try #require(report["skipped_rows"] as? [String: Any])
        #expect(skipped["count"] as? Int == 5)
        let kinds = (skipped["first"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["totals", "totals", "signature", "note", "end_mark"])
        let html = try Run.bylaw(base + ["--format", "html"])
        #expect(html.stdout.contains("<section class=\"panel\" id=\"skipped-rows\">"))
        #expect(html.stdout.contains("<td>制表人：张三</td>"))
    }
}

/// A ledger whose header is written on two rows (`scripts/fixtures/make_office_fixtures.py`, `two_row_headers`):
/// group titles over the columns they group, the other headers standing over both rows.
@Suite struct TwoRowHeaderAuditTests {
    let office = OfficeInputTests()

    /// As a CSV with the shipped mapping, and as a workbook with merged ranges whose two `日期` columns the
    /// mapping names with their groups: the plain ledger's results, at the rows the sheet shows (one lower).
    @Test(arguments: [
        ("ledger-two-row-header.csv", OfficeInputTests.example + "/columns.yaml"),
        ("ledger-two-row-header.xlsx", OfficeInputTests.office + "/ledger-two-row-header.yaml"),
    ])
    func aHeaderOnTwoRowsIsReadAsOne(_ name: String, _ mapping: String) throws {
        let r = try Run.bylaw([
            "audit", OfficeInputTests.office + "/" + name, "--kind", "asset_disposal", "--map", mapping, "--rules",
            Run.repository + "/rules", "--format", "jsonl", "--no-audit",
        ])
        #expect(r.status == 1, "\(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        let (_, plain) = try office.audit(OfficeInputTests.example + "/disposal-ledger.csv")
        #expect(lines.count == 12)
        #expect(try WorkbookInputTests.results(lines) == WorkbookInputTests.results(plain))
        #expect(
            OfficeInputTests.findings(lines) == [
                "ZC-2024-0000006 row 8 non_compliant [AM-04]", "ZC-2024-0000010 row 12 non_compliant [AM-03]",
                "ZC-2025-0000012 row 14 non_compliant [AM-01]",
            ])
    }

    /// `map init` joins the rows as `audit` does: the two `日期` columns are proposed with their groups, the
    /// header comment names both rows, and the grouped columns are matched by their own labels.
    @Test func mapInitProposesTheJoinedHeaders() throws {
        let r = try Run.bylaw([
            "map", "init", OfficeInputTests.office + "/ledger-two-row-header.xlsx", "--kind", "asset_disposal",
            "--rules", Run.repository + "/rules",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("the header on rows 1 and 2 (read as one)"), "\(r.stdout)")
        #expect(r.stdout.contains("\n  审批情况/日期: "))
        #expect(r.stdout.contains("\n  评估情况/日期: "))
        #expect(r.stdout.contains("\n  账面原值: asset.book_value "))
        #expect(r.stdout.contains("\n  处置编号: id "))
        #expect(!r.stdout.contains("资产信息"))
    }

    /// A header with an empty column over a record that fills it: the record is not joined to the header, it is
    /// its own invalid row naming the cell, and every other record is judged.
    @Test func aRecordIsNeverTakenForHalfAHeader() throws {
        let dir = Scratch.root.appendingPathComponent("two-row-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ledger = try String(contentsOfFile: OfficeInputTests.example + "/disposal-ledger.csv", encoding: .utf8)
        var lines = ledger.components(separatedBy: "\n")
        // Blank the header of 单位性质 (column E), which the first record fills.
        lines[0] = lines[0].replacingOccurrences(of: ",单位性质,", with: ",,")
        try lines.joined(separator: "\n").write(toFile: dir + "/gap.csv", atomically: true, encoding: .utf8)
        let (r, out) = try office.audit(dir + "/gap.csv")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(out.count == 12)
        #expect(out.allSatisfy { $0.verdict == "invalid" && $0.codes == ["csv.cell-outside-header"] })
        #expect(out.first?.source.hasSuffix("gap.csv:row 2") == true)
    }

    func scratch(_ name: String, _ text: String) throws -> String {
        let dir = Scratch.root.appendingPathComponent("two-row-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        return dir + "/" + name
    }

    /// The shipped ledger with its header on two rows as the CSV fixture has it, edited by `edit`.
    func twoRowLedger(_ edit: ([String]) -> [String]) throws -> String {
        let text = try String(
            contentsOfFile: OfficeInputTests.office + "/ledger-two-row-header.csv", encoding: .utf8)
        return edit(text.components(separatedBy: "\r\n")).joined(separator: "\r\n")
    }

    /// `--header-row` may name either row of the header, in a CSV file as in a workbook.
    @Test(arguments: ["1", "2"]) func eitherHeaderRowMayBeNamed(_ row: String) throws {
        let (r, lines) = try office.audit(
            OfficeInputTests.office + "/ledger-two-row-header.csv", ["--header-row", row])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 12 && lines.allSatisfy { $0.codes.isEmpty }, "\(r.stdout.prefix(600))")
    }

    /// An export that unmerges the header and fills every cell in (the standing headers below themselves, each
    /// group's title over each of its columns) reads as the merged one.
    @Test func aFilledInHeaderReadsAsMerged() throws {
        let file = try scratch(
            "filled.csv",
            try twoRowLedger { lines in
                let first = lines[0].hasPrefix("\u{FEFF}") ? String(lines[0].dropFirst()) : lines[0]
                var upper = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var lower = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                for k in upper.indices {
                    if lower[k].isEmpty { lower[k] = upper[k] } else if upper[k].isEmpty { upper[k] = upper[k - 1] }
                }
                return [upper.joined(separator: ","), lower.joined(separator: ",")] + lines.dropFirst(2)
            })
        let (r, lines) = try office.audit(file)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            OfficeInputTests.findings(lines) == [
                "ZC-2024-0000006 row 8 non_compliant [AM-04]", "ZC-2024-0000010 row 12 non_compliant [AM-03]",
                "ZC-2025-0000012 row 14 non_compliant [AM-01]",
            ])
    }

    /// An empty line is a row, as Excel shows the file: the records after it keep their sheet rows.
    @Test func anEmptyLineKeepsTheRowsAfterIt() throws {
        let file = try scratch("gap.csv", try twoRowLedger { lines in Array(lines[..<4]) + [""] + lines[4...] })
        let (r, lines) = try office.audit(file)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.count == 12)
        #expect(
            OfficeInputTests.findings(lines) == [
                "ZC-2024-0000006 row 9 non_compliant [AM-04]", "ZC-2024-0000010 row 13 non_compliant [AM-03]",
                "ZC-2025-0000012 row 15 non_compliant [AM-01]",
            ])
    }

    /// A record under a header whose trailing column is unnamed, holding words that are field paths (`ok`, `x`):
    /// it is a record, invalid for its cell, not the lower half of the header.
    @Test func aRecordOfFieldPathWordsStaysARecord() throws {
        let ledger = try String(
            contentsOfFile: OfficeInputTests.example + "/disposal-ledger.csv", encoding: .utf8)
        // The ledger's lines end in CRLF; only the header is edited and a line put after it.
        var lines = ledger.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        lines[0] += ","
        lines.insert(String(repeating: ",", count: width - 1) + "ok,x", at: 1)
        let file = try scratch("words.csv", lines.joined(separator: "\n"))
        let (r, out) = try office.audit(file)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(out.count == 13)
        #expect(out.first?.codes == ["csv.cell-outside-header"], "\(out.first?.json ?? [:])")
    }

    /// `map init` does not take a first record for the header's lower half: its values name no field.
    @Test func mapInitKeepsTheFirstRecordARecord() throws {
        let file = try scratch("address.csv", "编号,地址,,资产名称,备注\nZC-2023-001,河北,石家庄,投影仪,\nZC-2023-002,河北,保定,电脑,x\n")
        let r = try Run.bylaw(["map", "init", file, "--kind", "asset_disposal", "--rules", Run.repository + "/rules"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("the header in row 1, 2 rows sampled"), "\(r.stdout)")
        #expect(r.stdout.contains("\n  编号: id "))
    }

    /// Two rows shaped as a header that are not joined say why, beside the header's errors: the lower headers
    /// the mapping does not name, or that only a mapping joins them.
    @Test func rowsNotJoinedSayWhy() throws {
        let (r, lines) = try office.audit(OfficeInputTests.office + "/ledger-two-row-header.xlsx")
        #expect(lines.count == 1 && lines[0].verdict == "invalid", "\(r.stdout.prefix(500))")
        let messages = lines[0].messages
        #expect(
            messages.contains(
                "the header looks written on rows 1 and 2, but the mapping does not name `审批情况/日期`, `评估情况/日期`"),
            "\(messages)")
        let zh = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-two-row-header.xlsx", "--kind", "asset_disposal", "--map",
            OfficeInputTests.example + "/columns.yaml", "--rules", Run.repository + "/rules", "--no-audit", "--lang",
            "zh",
        ])
        #expect(zh.stdout.contains("表头似乎占第 1、2 两行，但映射文件没有写明下一行中的 `审批情况/日期`、`评估情况/日期`"), "\(zh.stdout)")
        let bare = try Run.bylaw([
            "audit", OfficeInputTests.office + "/ledger-two-row-header.csv", "--kind", "asset_disposal", "--rules",
            Run.repository + "/rules", "--no-audit", "--format", "jsonl",
        ])
        let line = try AuditCommandTests.Line(String(bare.stdout.split(separator: "\n").first ?? ""))
        #expect(line.codes.contains("csv.two-row-header") && line.codes.contains("csv.bad-header"), "\(line.codes)")
        #expect(
            line.messages.contains(
                "the header looks written on rows 1 and 2: two header rows are read as one only with --map"))
    }

    /// A header that reads by itself is never joined with the record under it, even when the record's only value
    /// is a header the mapping names (and `map init` does not join it either).
    @Test func aRecordHoldingAMappedHeaderStaysARecord() throws {
        let ledger = try String(contentsOfFile: OfficeInputTests.example + "/disposal-ledger.csv", encoding: .utf8)
        var lines = ledger.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        let width = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        lines.insert(String(repeating: ",", count: width - 1) + "资产分类", at: 1)
        let file = try scratch("note.csv", lines.joined(separator: "\n"))
        let mapping = try String(contentsOfFile: OfficeInputTests.example + "/columns.yaml", encoding: .utf8)
        let map = (file as NSString).deletingLastPathComponent + "/columns.yaml"
        try (mapping + "  资产分类: ~\n").write(toFile: map, atomically: true, encoding: .utf8)
        let r = try Run.bylaw([
            "audit", file, "--kind", "asset_disposal", "--map", map, "--rules", Run.repository + "/rules", "--no-audit",
            "--format", "jsonl",
        ])
        let out = try r.stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(out.count == 13, "\(r.stderr)")
        #expect(out.first?.source.hasSuffix("note.csv:row 2") == true)
        let proposed = try Run.bylaw([
            "map", "init", file, "--kind", "asset_disposal", "--rules", Run.repository + "/rules",
        ])
        #expect(proposed.stdout.contains("the header in row 1, 13 rows sampled"), "\(proposed.stdout.prefix(300))")
    }
}
