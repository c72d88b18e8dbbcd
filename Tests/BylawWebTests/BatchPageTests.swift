import Crypto
import Foundation
import Testing

@testable import BylawWeb

@Suite("batch audit page")
struct BatchPageTests {
    @Test("an auditor uploads a register, confirms the proposed mapping, and gets the report and its downloads")
    func run() async throws {
        let h = WebHarness()
        var c = h.client("auditor1")
        _ = c.get("/batch")
        let upload = UploadedFile(
            field: "file", filename: "处置台账.csv", bytes: Examples.bytes("examples/asset-disposals/disposal-ledger.csv"))
        let created = c.post("/batch", [("csrf", c.csrf), ("kind", "asset_disposal")], files: [upload])
        #expect(created.status == 303)
        let location = try #require(created.header("Location"))
        let runPath = String(location.dropFirst("/ui".count))
        let proposal = c.get(runPath).text
        #expect(proposal.contains("<textarea id=\"mapping\""))
        #expect(proposal.contains("账面原值"))
        let id = String(runPath.split(separator: "=").last ?? "")
        let mapping = try #require(h.app.batchRuns.get(id, owner: "auditor1")?.proposal)
        #expect(c.post("/batch/start", [("csrf", c.csrf), ("id", id), ("mapping", mapping)]).status == 303)
        for _ in 0..<200 where h.app.batchRuns.get(id, owner: "auditor1")?.finished != true {
            try await Task.sleep(for: .milliseconds(50))
        }
        let done = c.get(runPath).text
        #expect(done.contains("id=\"batch-done\""))
        #expect(done.contains("审计完成：共 12 条记录"))
        let page = c.get("/batch/report?id=\(id)&format=html")
        let html = page.text
        // The report's one script runs (its filters and language switch), allowed by its hash and nothing else.
        let policy = try #require(page.header("Content-Security-Policy"))
        let script = try #require(html.range(of: "<script>").map { html[$0.upperBound...] })
        let text = String(script[..<(try #require(script.range(of: "</script>"))).lowerBound])
        let hash = "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
        #expect(policy.contains("script-src \(hash)"), "\(policy)")
        #expect(policy.contains("default-src 'none'") && !policy.contains("unsafe-inline'; script"))
        #expect(html.contains("<html") && html.contains("处置台账.csv"))
        // The report speaks the page's language.
        #expect(html.contains("<html lang=\"zh-Hans\""))
        #expect(c.get("/batch/report?id=\(id)&format=html&lang=en").text.contains("<html lang=\"en\""))
        #expect(!html.contains(h.app.batchRuns.folder))
        let csv = c.get("/batch/report?id=\(id)&format=csv&download=1")
        #expect(csv.header("Content-Disposition")?.contains("attachment") == true)
        // The download is for people: its header in the page's language (English since the `lang=en` above).
        #expect(csv.text.contains("source,record_id,") && !csv.text.contains("决定编号"))
        let chinese = c.get("/batch/report?id=\(id)&format=csv&download=1&lang=zh").text
        #expect(chinese.contains("来源,决定编号,") && !chinese.contains("record_id"))
        #expect(h.records() == 13)  // twelve records and the run
        // Another account cannot see the run.
        var other = h.client("admin1")
        #expect(other.get(runPath).status == 404)
    }

    @Test(
        "an upload's name is kept only as a safe file name",
        arguments: [
            ("处置台账.xlsx", "处置台账.xlsx"), ("../../etc/passwd", "passwd.csv"), ("a/b\\c.CSV", "c.CSV"),
            ("", "upload.csv"), (".hidden", "upload.hidden.csv"), ("宏.xlsm", "宏.xlsm"), ("旧表.xls", "旧表.xls"),
            ("导出.tsv", "导出.tsv"), ("x.exe", "x.exe.csv"),
        ])
    func safeName(given: String, kept: String) {
        #expect(BatchRuns.safeName(given) == kept)
    }

    @Test("an upload that is not a register is refused with the reader's message, not a 5xx")
    func badUpload() {
        let h = WebHarness()
        var c = h.client("auditor1")
        _ = c.get("/batch")
        let junk = UploadedFile(field: "file", filename: "x.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04, 0xFF])
        let r = c.post("/batch", [("csrf", c.csrf), ("kind", "asset_disposal")], files: [junk])
        #expect(r.status == 400)
        #expect(r.text.contains("role=\"alert\""))
        #expect(c.post("/batch", [("csrf", c.csrf), ("kind", "nope")]).status == 400)
    }
}
