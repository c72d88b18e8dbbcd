import BylawAudit
import BylawServer
import BylawTestSupport
import Foundation
import Testing

/// `POST /v1/audits` and the routes of a run, over a real socket.
// Serialized: each test runs its own server and uploads, and under the whole suite's load on two cores their
// handlers, all on the process's shared event loops, starved each other until clients waited out their two
// minutes (CI saw it in two fresh runs of three; alone the suite passes in seconds). The cause is not yet known.
@Suite("batch audits over HTTP", .serialized)
struct AuditsTests {
    static let examples = TestServer.repository.appendingPathComponent("examples/asset-disposals")
    static let office = TestServer.repository.appendingPathComponent("Tests/BylawTests/Fixtures/office")

    static func configuration(audit: String?, _ change: (inout ServerConfiguration) -> Void = { _ in })
        -> ServerConfiguration
    {
        var c = TestServer.configuration(audit: audit)
        c.auditsFolder = Scratch.root.appendingPathComponent("audits-\(UUID().uuidString)").path
        change(&c)
        return c
    }

    /// A `multipart/form-data` body: text fields, then the file.
    static func form(_ fields: [(String, String)], file: (name: String, bytes: Data)?) -> (Data, String) {
        let boundary = "bylaw-test-\(UUID().uuidString)"
        var body = Data()
        for (name, value) in fields {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Data(
                ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").utf8)
            body += file.bytes + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// Polls a run until it has ended.
    static func ended(_ s: TestServer, _ id: String, as role: String = "auditor") async throws -> [String: Any] {
        for _ in 0..<1200 {
            let r = try await s.call("GET", "/v1/audits/\(id)", as: role)
            if r.object["state"] as? String != "running" { return r.object }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the audit \(id) did not end")
    }

    static func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    /// A YAML stream of the shipped asset-disposal examples.
    static func yamlStream() throws -> (Data, Int) {
        let folder = TestServer.repository.appendingPathComponent("rules/asset-management/examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        let documents = try names.map { try text(folder.appendingPathComponent($0)) }
        return (Data(documents.map { "---\n" + $0 }.joined(separator: "\n").utf8), names.count)
    }

    /// A record's problem is placed in the file as the client named it: no report shows where the service
    /// keeps uploads.
    @Test("reports name the uploaded file as the client named it, never the service's path")
    func reportsHideTheServicesPaths() async throws {
        let columns = try Self.text(Self.examples.appendingPathComponent("columns.yaml"))
        var csv = try Self.text(Self.examples.appendingPathComponent("disposal-ledger.csv"))
        // One row with a category outside the enum: an invalid record whose problem has a place.
        csv = csv.replacingOccurrences(of: ",车辆,", with: ",飞船,", options: [], range: csv.range(of: ",车辆,"))
        let form = Self.form([("kind", "asset_disposal"), ("mapping", columns)], file: ("台账.csv", Data(csv.utf8)))
        var folder = ""
        let store = TestServer.freshStore()
        try await TestServer.with(Self.configuration(audit: store) { folder = $0.auditsFolder ?? "" }) { s in
            let started = try await s.call(
                "POST", "/v1/audits", body: form.0, as: "auditor", headers: ["Content-Type": form.1])
            let id = try #require(started.object["id"] as? String, "\(started.text)")
            let run = try await Self.ended(s, id)
            #expect(run["state"] as? String == "finished")
            for format in ["json", "csv", "html", "junit"] {
                let report = try await s.call("GET", "/v1/audits/\(id)/report?format=\(format)", as: "auditor")
                #expect(report.status == 200, "\(format)")
                #expect(!folder.isEmpty && !report.text.contains(folder), "\(format): \(report.text.prefix(2000))")
                #expect(report.text.contains("台账.csv"), "\(format)")
            }
            // The trail's records name it so too.
            let export = try await s.call("GET", "/v1/log/export", as: "audit-admin")
            #expect(export.status == 200)
            #expect(!export.text.contains(folder), "\(export.text.prefix(2000))")
            #expect(export.text.contains("台账.csv"))
        }
    }

    @Test("each upload format is audited, recorded in full, and reported in every format and language")
    func eachFormat() async throws {
        let store = TestServer.freshStore()
        let columns = try Self.text(Self.examples.appendingPathComponent("columns.yaml"))
        let exportMap = try Self.text(Self.examples.appendingPathComponent("export-map.yaml"))
        let (stream, streamCount) = try Self.yamlStream()
        let csv = try Data(contentsOf: Self.examples.appendingPathComponent("disposal-ledger.csv"))
        let xlsx = try Data(contentsOf: Self.office.appendingPathComponent("ledger.xlsx"))
        let jsonl = try Data(contentsOf: Self.examples.appendingPathComponent("export.jsonl"))
        // (name, body, content type, records, non-compliant, or nil when not pinned)
        let csvForm = Self.form([("kind", "asset_disposal"), ("mapping", columns)], file: ("处置台账.csv", csv))
        let xlsxForm = Self.form([("kind", "asset_disposal"), ("mapping", columns)], file: ("ledger.xlsx", xlsx))
        let jsonlForm = Self.form([("mapping", exportMap)], file: ("export.jsonl", jsonl))
        let uploads: [(String, String, Data, String, Int, Int?)] = [
            ("csv", "/v1/audits", csvForm.0, csvForm.1, 12, 3),
            ("xlsx", "/v1/audits", xlsxForm.0, xlsxForm.1, 12, 3),
            ("jsonl", "/v1/audits", jsonlForm.0, jsonlForm.1, 3, nil),
            ("yaml", "/v1/audits?kind=asset_disposal", stream, "application/yaml", streamCount, nil),
        ]
        let document = SchemaCheck(document: try OpenAPITests.document())
        let runSchema = document.resolve("#/components/schemas/AuditRun")
        try await TestServer.with(Self.configuration(audit: store)) { s in
            var expectedRecords = 0
            for (name, path, body, type, records, nonCompliant) in uploads {
                let started = try await s.call("POST", path, body: body, as: "auditor", headers: ["Content-Type": type])
                #expect(started.status == 202, "\(name): \(started.text)")
                let id = try #require(started.object["id"] as? String, "\(name)")
                #expect(started.headers["location"] == "/v1/audits/\(id)")
                let run = try await Self.ended(s, id)
                #expect(run["state"] as? String == "finished", "\(name): \(run)")
                #expect(document.problems(started.object, runSchema).isEmpty, "\(name)")
                #expect(document.problems(run, runSchema).isEmpty, "\(name): \(document.problems(run, runSchema))")
                #expect(run["records_judged"] as? Int == records, "\(name)")
                let verdicts = run["verdicts"] as? [String: Int] ?? [:]
                #expect(verdicts.values.reduce(0, +) == records, "\(name): \(verdicts)")
                if let nonCompliant { #expect(verdicts["non_compliant"] == nonCompliant, "\(name)") }
                // Every record is in the trail (and the run's own record) by the time the report is served.
                expectedRecords += records + 1
                var filter = RecordFilter()
                filter.actor = "svc-auditor"
                filter.limit = 10_000
                #expect(try AuditStore(readingAt: store).list(filter).count == expectedRecords, "\(name)")

                let json = try await s.call("GET", "/v1/audits/\(id)/report?format=json", as: "auditor")
                #expect(json.status == 200 && json.headers["content-type"]?.hasPrefix("application/json") == true)
                #expect(json.json != nil, "\(name): the JSON report is JSON")
                let csvReport = try await s.call("GET", "/v1/audits/\(id)/report?format=csv", as: "auditor")
                #expect(csvReport.status == 200 && csvReport.headers["content-type"]?.hasPrefix("text/csv") == true)
                // Programs get the machine header whatever the language; people ask for labels.
                let machine = "source,record_id,kind,unit,date,verdict,"
                #expect(csvReport.text.contains(machine) && !csvReport.text.contains("决定编号"), "\(name)")
                let zhMachine = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=csv&lang=zh-Hans", as: "auditor")
                #expect(zhMachine.text == csvReport.text, "\(name)")
                let labels = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=csv&columns=labels&lang=zh-Hans", as: "auditor")
                #expect(labels.text.contains("来源,决定编号,决定类别,单位,日期,结论,"), "\(name)")
                let enLabels = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=csv&columns=labels&lang=en", as: "auditor")
                #expect(enLabels.text == csvReport.text, "\(name)")
                let badColumns = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=csv&columns=chinese", as: "auditor")
                #expect(badColumns.status == 400 && badColumns.object.code == "query.bad-columns", "\(name)")
                let junit = try await s.call("GET", "/v1/audits/\(id)/report?format=junit", as: "auditor")
                #expect(junit.status == 200 && junit.text.contains("<testsuite"), "\(name)")
                let english = try await s.call("GET", "/v1/audits/\(id)/report?format=html&lang=en", as: "auditor")
                let chinese = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=html&lang=zh-Hans", as: "auditor")
                #expect(english.text.contains("<html lang=\"en\""), "\(name)")
                #expect(chinese.text.contains("<html lang=\"zh-Hans\""), "\(name)")
                // With no `lang`, the report follows Accept-Language, else the service's language (English here).
                let asked = try await s.call(
                    "GET", "/v1/audits/\(id)/report?format=html", as: "auditor",
                    headers: ["Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"])
                #expect(asked.text.contains("<html lang=\"zh-Hans\""), "\(name)")
                let plain = try await s.call("GET", "/v1/audits/\(id)/report?format=html", as: "auditor")
                #expect(plain.text.contains("<html lang=\"en\""), "\(name)")
                // The reports name the upload as the client did, never where the service keeps it.
                #expect(!english.text.contains(s.service.audits.folder), "\(name)")
                if name == "csv" { #expect(english.text.contains("处置台账.csv")) }
            }
        }
    }

    @Test("a running audit is cancelled: it stops, gives no report, and the account cannot start past the limit")
    func cancel() async throws {
        let store = TestServer.freshStore()
        let line =
            try Self.text(Self.examples.appendingPathComponent("export.jsonl")).split(separator: "\n")
            .first.map(String.init) ?? ""
        // Enough records that the run is still going when the cancel arrives (a debug build judges a few
        // thousand a second), few enough that the upload itself is quick on a loaded machine: at 20,000 lines
        // the debug build's multipart reading alone could outlast the client's two-minute wait.
        let big = Data(String(repeating: line + "\n", count: 5_000).utf8)
        let exportMap = try Self.text(Self.examples.appendingPathComponent("export-map.yaml"))
        let (body, type) = Self.form([("mapping", exportMap)], file: ("big.jsonl", big))
        try await TestServer.with(Self.configuration(audit: store) { $0.maxAudits = 1 }) { s in
            let started = try await s.call(
                "POST", "/v1/audits", body: body, as: "auditor", headers: ["Content-Type": type])
            #expect(started.status == 202, "\(started.text)")
            let id = try #require(started.object["id"] as? String)
            let small = Self.form([("mapping", exportMap)], file: ("small.jsonl", Data((line + "\n").utf8)))
            let second = try await s.call(
                "POST", "/v1/audits", body: small.0, as: "auditor", headers: ["Content-Type": small.1])
            #expect(second.status == 429 && second.object.code == "audit.busy", "\(second.text)")
            let asked = try await s.call("DELETE", "/v1/audits/\(id)", as: "auditor")
            #expect(asked.status == 202, "\(asked.text)")
            let run = try await Self.ended(s, id)
            #expect(run["state"] as? String == "cancelled")
            #expect((run["records_judged"] as? Int ?? 0) < 5_000)
            // The run ended in the trail: its last record says it was cancelled, and the chain verifies.
            let trail = try AuditStore(readingAt: store)
            var filter = RecordFilter()
            filter.limit = 1
            #expect(try trail.list(filter).first?.event == RunRecord.cancelledEvent)
            #expect(try trail.verify().ok)
            let report = try await s.call("GET", "/v1/audits/\(id)/report?format=json", as: "auditor")
            #expect(report.status == 409 && report.object.code == "audit.not-finished")
            // The run's state is a word of the language too.
            let chinese = try await s.call(
                "GET", "/v1/audits/\(id)/report?format=json", as: "auditor", headers: ["Accept-Language": "zh-CN"])
            #expect(
                (chinese.object["error"] as? [String: Any])?["message"] as? String
                    == "该审计已取消，只有已完成的审计才提供报告")
            // An ended run is removed with its files.
            #expect(try await s.call("DELETE", "/v1/audits/\(id)", as: "auditor").status == 204)
            #expect(try await s.call("GET", "/v1/audits/\(id)", as: "auditor").status == 404)
            #expect(!FileManager.default.fileExists(atPath: s.service.audits.folder(of: id)))
        }
    }

    @Test("audits need the auditor role, and a run is seen only by the account that started it")
    func roles() async throws {
        let csv = try Data(contentsOf: Self.examples.appendingPathComponent("disposal-ledger.csv"))
        try await TestServer.with(Self.configuration(audit: TestServer.freshStore())) { s in
            let refused = try await s.call(
                "POST", "/v1/audits?kind=asset_disposal", body: csv, as: "checker",
                headers: ["Content-Type": "text/csv"])
            #expect(refused.status == 403 && refused.object.code == "auth.forbidden")
            let anonymous = try await s.call("POST", "/v1/audits", body: csv, headers: ["Content-Type": "text/csv"])
            #expect(anonymous.status == 401)
            let started = try await s.call(
                "POST", "/v1/audits?kind=asset_disposal", body: csv, as: "auditor",
                headers: ["Content-Type": "text/csv"])
            #expect(started.status == 202)
            let id = try #require(started.object["id"] as? String)
            #expect(try await s.call("GET", "/v1/audits/\(id)", as: "audit-admin").status == 404)
            #expect(try await s.call("DELETE", "/v1/audits/\(id)", as: "audit-admin").status == 404)
            _ = try await Self.ended(s, id)
        }
    }

    /// An upload the service must refuse, and how.
    struct BadUpload: Sendable, CustomTestStringConvertible {
        var name: String
        var filename: String
        var bytes: Data
        var mapping: String?
        var status: Int
        var code: String
        var testDescription: String { name }
    }

    @Test(
        "a malformed upload is refused with a 4xx that says why, never a 5xx",
        arguments: [
            BadUpload(
                name: "junk workbook", filename: "x.xlsx", bytes: Data([0x50, 0x4B, 0x03, 0x04, 0xFF]), mapping: nil,
                status: 422, code: "audit.unreadable"),
            BadUpload(
                name: "bad mapping", filename: "a.csv", bytes: Data("处置编号\nZC-1\n".utf8), mapping: "columns: [",
                status: 422, code: "audit.mapping"),
            BadUpload(
                name: "no format", filename: "records", bytes: Data("a\n".utf8), mapping: nil, status: 415,
                code: "audit.format"),
            BadUpload(
                name: "unknown kind", filename: "a.csv", bytes: Data("id\n1\n".utf8), mapping: nil, status: 422,
                code: "audit.kind"),
        ])
    func malformed(_ bad: BadUpload) async throws {
        let (name, filename, bytes, mapping, status, code) = (
            bad.name, bad.filename, bad.bytes, bad.mapping, bad.status, bad.code
        )
        var fields = [("kind", name == "unknown kind" ? "no_such_kind" : "asset_disposal")]
        if let mapping { fields.append(("mapping", mapping)) }
        let (body, type) = Self.form(fields, file: (filename, bytes))
        let config = Self.configuration(audit: nil)
        try await TestServer.with(config) { s in
            let r = try await s.call("POST", "/v1/audits", body: body, as: "auditor", headers: ["Content-Type": type])
            #expect(r.status == status, "\(name): \(r.text)")
            #expect(r.object.code == code, "\(name): \(r.text)")
            #expect(!r.text.contains(s.service.audits.folder), "\(name): the answer names the service's folder")
            if status == 422, code != "audit.kind" {
                let diagnostics = (r.object["error"] as? [String: Any])?["diagnostics"] as? [Any] ?? []
                #expect(!diagnostics.isEmpty, "\(name)")
            }
            // Nothing of a refused upload is kept.
            let kept = (try? FileManager.default.contentsOfDirectory(atPath: s.service.audits.folder)) ?? []
            #expect(kept.isEmpty, "\(name): \(kept)")
        }
    }

    @Test("a broken form, an empty body and an upload past max_upload_bytes are refused")
    func limits() async throws {
        try await TestServer.with(Self.configuration(audit: nil) { $0.maxUploadBytes = 1000 }) { s in
            let broken = try await s.call(
                "POST", "/v1/audits", body: Data("--x\r\nno headers end".utf8), as: "auditor",
                headers: ["Content-Type": "multipart/form-data; boundary=x"])
            #expect(broken.status == 400 && broken.object.code == "upload.malformed", "\(broken.text)")
            let empty = try await s.call("POST", "/v1/audits?format=csv", body: Data(), as: "auditor")
            #expect(empty.status == 400 && empty.object.code == "audit.empty", "\(empty.text)")
            let large = try await s.call(
                "POST", "/v1/audits?format=csv", body: Data(repeating: 0x41, count: 5000), as: "auditor")
            #expect(large.status == 413 && large.object.code == "body.too-large", "\(large.text)")
            let format = try await s.call("GET", "/v1/audits/none/report?format=pdf", as: "auditor")
            #expect(format.status == 404 || format.status == 400)
        }
    }
}

extension [String: Any] {
    /// The `code` of an error answer.
    var code: String? { (self["error"] as? [String: Any])?["code"] as? String }
}
