import Foundation
import Testing

/// `bylaw audit --format html` at any size: the page lists at most `--html-records` records that are not
/// compliant and links a companion JSON Lines file that holds exactly the others, in input order.
@Suite struct HTMLPagingTests {
    /// 15 disposals: every third compliant, the other ten non-compliant with AM-01, AM-07, AM-08 and AM-11.
    static func ledger() -> (csv: String, nonCompliant: [String]) {
        var rows = [Disposal.header]
        var listed: [String] = []
        for k in 1...15 {
            let id = String(format: "ZC-2021-%04d", k)
            if k % 3 == 0 {
                rows.append(Disposal.auction(id: id).csv)
            } else {
                rows.append(Disposal.agreementSale(id: id).csv)
                listed.append(id)
            }
        }
        return (rows.joined(separator: "\n") + "\n", listed)
    }

    static let csvColumns =
        "source,record_id,kind,unit,date,verdict,rule_set,rule_id,title,severity,outcome,cite,message,evidence"

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-paging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs `bylaw audit disposals.csv --format html ARGS --no-audit` in a new folder holding the ledger.
    static func audit(_ args: [String]) throws -> (dir: URL, run: Run) {
        let dir = try folder()
        try ledger().csv.write(to: dir.appendingPathComponent("disposals.csv"), atomically: true, encoding: .utf8)
        let r = try Run.bylaw(
            ["audit", "disposals.csv", "--format", "html"] + args + [
                "--rules", Run.repository + "/rules", "--no-audit",
            ],
            cwd: dir.path)
        return (dir, r)
    }

    /// The record ids of the page's table rows, in order.
    static func pageIDs(_ page: String) -> [String] {
        page.components(separatedBy: "<td class=\"rec\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    @Test func thePageHoldsTheFirstNAndTheCompanionHoldsTheRestExactly() throws {
        let (dir, r) = try Self.audit(["--report", "audit.html", "--html-records", "3"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = Self.ledger().nonCompliant
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("the page lists 3 records; the other 7 are in audit.records.csv"), "\(r.stdout)")
        let page = try String(contentsOf: dir.appendingPathComponent("audit.html"), encoding: .utf8)
        #expect(Self.pageIDs(page) == Array(listed.prefix(3)))
        #expect(page.contains("data-in-page=\"3\" data-beyond=\"7\""))
        #expect(page.contains("<a href=\"audit.records.csv\" download>audit.records.csv</a>"))
        // The summary still counts every record.
        #expect(page.contains("data-verdict=\"non_compliant\" data-count=\"10\""))
        // The companion is the CSV report of exactly the other seven: its header, then each record's four
        // failed rules, in input order.
        let bytes = try Data(contentsOf: dir.appendingPathComponent("audit.records.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark, for spreadsheets")
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            .filter { !$0.isEmpty }
        #expect(rows.first == Self.csvColumns)
        let cells = rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let rules = ["AM-01", "AM-07", "AM-08", "AM-11"]
        let ids = Array(listed.dropFirst(3))
        #expect(cells.map { $0[1] } == ids.flatMap { Array(repeating: $0, count: rules.count) })
        #expect(cells.map { $0[7] } == Array(Array(repeating: rules, count: ids.count).joined()))
        #expect(cells.map { $0[0] }.first == "disposals.csv:row 6")
    }

    @Test func onStandardOutputThePageSaysHowToGetTheRest() throws {
        let (dir, r) = try Self.audit(["--html-records", "4"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = Self.ledger().nonCompliant
        #expect(r.status == 1, "\(r.stderr)")
        #expect(Self.pageIDs(r.stdout) == Array(listed.prefix(4)))
        #expect(r.stdout.contains("The other 6 are not in this report because it went to standard output"))
        #expect(r.stdout.contains("<code>--report FILE.html</code>"))
        #expect(r.stdout.contains("<code>bylaw audit --format csv</code>"))
        let made = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(made == ["disposals.csv"])
    }

    @Test func aRunThatFitsInThePageMakesNoCompanion() throws {
        let (dir, r) = try Self.audit(["--report", "audit.html"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let listed = Self.ledger().nonCompliant
        #expect(r.status == 1, "\(r.stderr)")
        let page = try String(contentsOf: dir.appendingPathComponent("audit.html"), encoding: .utf8)
        #expect(Self.pageIDs(page) == listed)
        #expect(!page.contains("id=\"rest\""))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("audit.records.csv").path))
    }

    @Test func aNegativeLimitIsAUsageError() throws {
        let r = try Run.bylaw(["audit", "x.csv", "--format", "html", "--html-records=-1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--html-records must be 0 or more"))
    }
}
