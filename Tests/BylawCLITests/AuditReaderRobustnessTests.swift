import Foundation
import Testing

/// `bylaw audit` on inputs that break part way: a record over the limit, a YAML error after a good document, a
/// read error, no records at all. Nothing read may be lost, nothing unread may be called compliant.
@Suite struct AuditReaderRobustnessTests {
    let base = AuditCommandTests()
    static let mib = 1 << 20

    @Test func aYAMLSyntaxErrorInTheSecondDocumentKeepsTheFirst() throws {
        let dir = try base.temp()
        let auction = try String(
            contentsOfFile: AuditCommandTests.rules + "/asset-management/examples/compliant-vehicle-auction.yaml",
            encoding: .utf8)
        try base.write(auction + "---\nkind: asset_disposal\nid: [unclosed\n", dir + "/s.yaml")
        let (r, lines) = try base.audit([dir + "/s.yaml"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["s.yaml:2 compliant []", "s.yaml:31 invalid yaml.syntax"])
    }

    /// YAML too: libyaml reads through the same stream, and the read error is one record, not two.
    @Test(arguments: ["jsonl", "yaml"]) func standardInputThatIsAFolderIsUnreadableNotCompliant(format: String) throws {
        let dir = try base.temp()
        let bin = try #require(Run.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [
            "-c", "\"$0\" audit - --input-format \"$3\" --rules \"$1\" --format jsonl --no-audit < \"$2\"", bin,
            AuditCommandTests.rules, dir, format,
        ]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2, "\(stderr)")
        let lines = try stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(lines.map(\.summary) == ["- invalid io.unreadable"])
        let message = (lines.first?.json["diagnostics"] as? [[String: Any]])?.first?["message"] as? String
        #expect(message == "cannot read `-`: is a directory")
    }

    @Test func inputsWithNoRecordsAreAFailedRunNotACompliantOne() throws {
        let dir = try base.temp()
        try base.write("", dir + "/empty.jsonl")
        try base.write("\n \n", dir + "/blank.jsonl")
        let (r, lines) = try base.audit([dir + "/empty.jsonl", dir + "/blank.jsonl"])
        #expect(r.status == 2)
        #expect(lines.isEmpty)
        #expect(r.stderr.contains("bylaw: the inputs hold no records"), "\(r.stderr)")
    }

    /// A 9 MiB row (unquoted, then a quoted cell with a line break) between good rows: one limit error, and the
    /// rows after it are read with their right lines.
    @Test func readingGoesOnAfterAnOversizedCSVRecord() throws {
        let dir = try base.temp()
        let big = String(repeating: "x", count: 9 * Self.mib) + ",\"a\nb\""
        let rows = [
            Disposal.header, Disposal.auction(id: "C-1").csv, big, Disposal.auction(id: "C-3").csv,
            Disposal.investment(id: "C-4").csv, Disposal.auction(id: "C-5").csv,
        ]
        try base.write(rows.joined(separator: "\n") + "\n", dir + "/big.csv")
        let (r, lines) = try base.audit([dir + "/big.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "big.csv:row 2 compliant []", "big.csv:row 3 invalid csv.limit.record", "big.csv:row 4 compliant []",
                "big.csv:row 5 non_compliant [AM-06,AM-14]", "big.csv:row 6 compliant []",
            ])
        #expect(lines.count == 5 && lines[1].locations == ["3:1"])
        #expect(lines.map(\.id) == ["C-1", nil, "C-3", "C-4", "C-5"])
    }

    /// Formatted blank rows as Excel saves them (`,,,,`) and rows of spaces carry nothing to check: skipped, not
    /// reported invalid; the rows after them keep their numbers.
    @Test func blankRowsAreSkippedAndTheRowsAfterThemKeepTheirNumbers() throws {
        let dir = try base.temp()
        let width = Disposal.header.split(separator: ",", omittingEmptySubsequences: false).count
        let commas = String(repeating: ",", count: width - 1)
        let spaces = Array(repeating: " ", count: width).joined(separator: ",")
        let rows = [
            Disposal.header, Disposal.auction(id: "B-1").csv, commas, spaces, Disposal.auction(id: "B-4").csv, commas,
        ]
        try base.write(rows.joined(separator: "\n") + "\n", dir + "/blank.csv")
        let (r, lines) = try base.audit([dir + "/blank.csv"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(lines.map(\.summary) == ["blank.csv:row 2 compliant []", "blank.csv:row 5 compliant []"])
    }

    /// One stray quote takes the lines up to the next quote into one cell: the record says which lines, and
    /// the rows after them are read.
    @Test func aStrayQuoteIsNamedWithTheLinesItTookIn() throws {
        let dir = try base.temp()
        let rows = [
            Disposal.header, "\"" + Disposal.auction(id: "Q-1").csv, Disposal.auction(id: "Q-2").csv,
            "\"" + Disposal.auction(id: "Q-3").csv, Disposal.auction(id: "Q-4").csv,
        ]
        try base.write(rows.joined(separator: "\n") + "\n", dir + "/q.csv")
        let (r, lines) = try base.audit([dir + "/q.csv"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["q.csv:row 2 invalid csv.stray-quote", "q.csv:row 3 compliant []"])
        #expect(r.stdout.contains("lines `2`–`4` were read as this one cell"), "\(r.stdout)")
    }

    @Test func readingGoesOnAfterAnOversizedJSONArrayItem() throws {
        let dir = try base.temp()
        let big = "{\"note\": \"" + String(repeating: "a", count: 9 * Self.mib) + "\\\"],\", \"x\": [1, \"]\"]}"
        let items = [
            Disposal.auction(id: "A-1").json, big, Disposal.auction(id: "A-3").json,
            Disposal.investment(id: "A-4").json, Disposal.auction(id: "A-5").json,
        ]
        try base.write("[" + items.joined(separator: ",\n") + "]\n", dir + "/big.json")
        let (r, lines) = try base.audit([dir + "/big.json"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            lines.map(\.summary) == [
                "big.json:1 compliant []", "big.json:2 invalid json.limit.size", "big.json:3 compliant []",
                "big.json:4 non_compliant [AM-06,AM-14]", "big.json:5 compliant []",
            ])
    }

    /// A line a little over the limit whose newline arrives in the same block as the limit is still too long.
    @Test func aJSONLineOverTheLimitIsRefusedEvenWithItsNewlineInTheBuffer() throws {
        let dir = try base.temp()
        let head = "{\"kind\": \"asset_disposal\", \"note\": \""
        let long = head + String(repeating: "a", count: 8 * Self.mib + 100 - head.utf8.count - 2) + "\"}"
        #expect(long.utf8.count == 8 * Self.mib + 100)
        try base.write(long + "\n" + Disposal.auction(id: "L-2").json + "\n", dir + "/l.jsonl")
        let (r, lines) = try base.audit([dir + "/l.jsonl"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["l.jsonl:1 invalid json.limit.size", "l.jsonl:2 compliant []"])
    }

    /// A quoted cell that never closes stops reading its file after 8 MiB; the run record still hashes and
    /// counts the whole file.
    @Test func theRunRecordHashesTheWholeFileWhenReadingStopsEarly() throws {
        let dir = try base.temp()
        let store = dir + "/trail.sqlite"
        let text =
            Disposal.header + "\n" + Disposal.auction(id: "H-1").csv + "\nx,\""
            + String(repeating: "a", count: 10 * Self.mib) + "\n" + Disposal.auction(id: "H-3").csv + "\n"
        try base.write(text, dir + "/h.csv")
        let (r, lines) = try base.audit([dir + "/h.csv", "--audit", store], audit: true)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(lines.map(\.summary) == ["h.csv:row 2 compliant []", "h.csv:row 3 invalid csv.unterminated-quote"])
        let run = try Run.bylaw(["log", "show", "--audit", store, "3"]).stdout
        #expect(run.contains("\"event\":\"audit-run\""), "\(run)")
        #expect(run.contains("\"sha256\":\"\(try base.shasum(dir + "/h.csv"))\""), "\(run.prefix(2000))")
        #expect(run.contains("\"bytes\":\(text.utf8.count)"), "\(run.prefix(2000))")
    }

    /// The run record's hash of a YAML input is the SHA-256 of the text its records were parsed from, and each
    /// record's `sha256_raw` is that of its own document, for a file and for standard input alike.
    @Test func theRunRecordHashesTheYAMLThatWasEvaluated() throws {
        let dir = try base.temp()
        let examples = AuditCommandTests.rules + "/asset-management/examples/"
        let auction = try String(contentsOfFile: examples + "compliant-vehicle-auction.yaml", encoding: .utf8)
        let sale = try String(contentsOfFile: examples + "non-compliant-building-agreement-sale.yaml", encoding: .utf8)
        let text = "\u{FEFF}" + auction + "---\n" + sale
        try base.write(text, dir + "/s.yml")
        for input in [dir + "/s.yml", "-"] {
            let store = dir + "/trail-\(input == "-" ? "stdin" : "file").sqlite"
            let (r, lines) = try base.audit(
                [input, "--input-format", "yaml", "--audit", store], stdin: input == "-" ? text : nil, audit: true)
            #expect(r.status == 1, "\(r.stderr)")
            let name = input == "-" ? "-" : "s.yml"
            #expect(
                lines.map(\.summary) == [
                    "\(name):2 compliant []", "\(name):30 non_compliant [AM-01,AM-07,AM-08,AM-11]",
                ])
            let run = try Run.bylaw(["log", "show", "--audit", store, "3"]).stdout
            #expect(run.contains("\"event\":\"audit-run\""), "\(run)")
            #expect(run.contains("\"sha256\":\"\(try base.sha256(text))\""), "\(run)")
            #expect(run.contains("\"bytes\":\(text.utf8.count)"), "\(run)")
            let second = try Run.bylaw(["log", "show", "--audit", store, "2"]).stdout
            let document = "---\n" + sale
            #expect(second.contains("\"sha256_raw\":\"\(try base.sha256(document))\""), "\(second)")
        }
    }

    /// A `.json` file holding one 96 MiB object is refused without holding it: the process stays well under the
    /// file's size (it was over 280 MiB for a 200 MiB file before).
    @Test func anOversizedJSONFileIsReadInBoundedMemory() throws {
        let dir = try base.temp()
        let size = 96 * Self.mib
        let head = "{\"kind\": \"asset_disposal\", \"note\": \""
        try base.write(head + String(repeating: "a", count: size) + "\"}", dir + "/big.json")
        let time = "/usr/bin/time"
        try #require(FileManager.default.isExecutableFile(atPath: time), "needs \(time) to measure memory")
        let bin = try #require(Run.binary)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: time)
        p.arguments = [
            "-f", "maxrss=%M", bin, "audit", dir + "/big.json", "--rules", AuditCommandTests.rules, "--format",
            "jsonl", "--no-audit",
        ]
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 1, "\(stderr)")
        let lines = try stdout.split(separator: "\n").map { try AuditCommandTests.Line(String($0)) }
        #expect(lines.map(\.summary) == ["big.json invalid json.limit.size"])
        let kib = try #require(stderr.split(separator: "\n").last { $0.hasPrefix("maxrss=") }?.dropFirst(7))
        let maxRSS = try #require(Int(kib)) * 1024
        #expect(maxRSS < size * 3 / 4, "max RSS \(maxRSS / Self.mib) MiB for a \(size / Self.mib) MiB file")
    }
}
