import Bylaw
import BylawBatch
import BylawDiagnostics
import BylawJobs
import BylawLocale
import BylawReports
import Foundation
import Hummingbird

extension BylawService {
    /// `POST /v1/audits`, `GET /v1/audits/{id}`, `GET /v1/audits/{id}/report`, `DELETE /v1/audits/{id}`: batch
    /// audits in the background through `AuditJob.run`, kept in the registry the web page's batch audit shares.
    func addAuditRoutes(to router: Router<BasicRequestContext>) {
        on(router, .post, "/v1/audits", .audits) { request, account in
            let owner = account?.name ?? "anonymous"
            let (id, folder) = try self.reserveAudit()
            do {
                let run = try await self.startAudit(request, id: id, folder: folder, owner: owner)
                var response = JSONResponse.ok(Self.json(run), status: .accepted)
                response.headers[.location] = "/v1/audits/\(id)"
                return response
            } catch {
                self.audits.discard(id)
                throw error
            }
        }
        on(router, .get, "/v1/audits/{id}", .audits) { request, account in
            JSONResponse.ok(Self.json(try self.auditRun(request, account, dropping: 0)))
        }
        on(router, .delete, "/v1/audits/{id}", .audits) { request, account in
            let run = try self.auditRun(request, account, dropping: 0)
            guard run.state == .running, let asked = self.audits.cancel(run.id, owner: run.owner) else {
                self.audits.discard(run.id)
                return Response(status: .noContent)
            }
            return JSONResponse.ok(Self.json(asked), status: .accepted)
        }
        on(router, .get, "/v1/audits/{id}/report", .audits) { request, account in
            let run = try self.auditRun(request, account, dropping: 1)
            let query = request.uri.queryParameters
            let formatName = query.get("format") ?? "html"
            guard let format = AuditReportFormat(rawValue: formatName), AuditRuns.formats.contains(format) else {
                throw APIError(.badRequest, "query.bad-format", .text("api.query.bad-format.report"))
            }
            let language = try query.get("lang").map { tag throws(APIError) in
                guard let l = Language(tag: tag) else {
                    throw APIError(.badRequest, "query.bad-lang", .text("api.query.bad-lang"))
                }
                return l
            }
            let columns = try query.get("columns").map { name throws(APIError) in
                guard let c = CSVColumns(rawValue: name) else {
                    throw APIError(.badRequest, "query.bad-columns", .text("api.query.bad-columns"))
                }
                return c
            }
            guard run.state == .finished else {
                throw APIError(
                    .conflict, "audit.not-finished",
                    APIMessage("api.audit.not-finished", [.entry("api.audit.state." + run.state.rawValue)]))
            }
            guard
                let path = self.audits.report(
                    run.id, owner: run.owner, format: format,
                    language: language ?? APILanguage.of(request, fallback: self.configuration.language),
                    csvColumns: columns ?? .machine)
            else { throw APIError(.notFound, "audit.not-found", .text("api.audit.not-found", run.id)) }
            return try Self.file(path, contentType: Self.contentType(format))
        }
    }

    private func reserveAudit() throws(APIError) -> (String, String) {
        do {
            return try audits.reserve()
        } catch {
            throw APIError(
                .serviceUnavailable, "audit.storage", .text("api.audit.storage.why", error.localizedDescription))
        }
    }

    /// The run the path names, when the account started it.
    private func auditRun(_ request: Request, _ account: Account?, dropping: Int) throws(APIError) -> AuditRuns.Run {
        let parts = request.uri.path.split(separator: "/")
        let id = parts.dropLast(dropping).last.map(String.init) ?? ""
        guard let run = audits.get(id, owner: account?.name ?? "anonymous") else {
            throw APIError(.notFound, "audit.not-found", .text("api.audit.not-found.yours", id))
        }
        return run
    }

    /// Receives the upload into the run's folder, checks that it can be read, and starts the run.
    private func startAudit(_ request: Request, id: String, folder: String, owner: String) async throws
        -> AuditRuns.Run
    {
        let body = folder + "/body"
        let size = try await receive(request, to: body)
        guard size > 0 else { throw APIError(.badRequest, "audit.empty", .text("api.audit.empty")) }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters where query[String(key)] == nil {
            query[String(key)] = String(value)
        }
        let settings = query
        let contentType = request.headers[.contentType]
        let upload = try await offload {
            try AuditUpload.read(body, folder: folder, contentType: contentType, query: settings)
        }
        let current = library.snapshot.library
        if let kind = upload.kind, !current.kinds.contains(kind) {
            throw APIError(
                .unprocessableContent, "audit.kind", APIMessage("api.audit.kind", [.plain(kind), .list(current.kinds)]))
        }
        let asOf = try self.asOf(request).map { (date: $0, text: settings["as_of"] ?? "") }
        var options = AuditJobOptions(
            inputs: [upload.name], files: upload.files, kind: upload.kind, mapping: upload.mapping,
            sheet: upload.sheet, asOf: asOf, jobs: max(1, AuditJob.cores - 1))
        options.shownNames = [upload.path: upload.name]
        let recording: @Sendable () throws -> Recording? = { self.recording(actor: owner) }
        do throws(AuditRuns.Refusal) {
            return try audits.start(
                id, owner: owner, options: options, library: current,
                recording: recording)
        } catch {
            switch error {
            case .busy(let n):
                throw APIError(
                    .tooManyRequests, "audit.busy", .text("api.audit.busy", "\(n)"), headers: [.retryAfter: "5"])
            case .unknown:
                throw APIError(.notFound, "audit.not-found", .text("api.audit.not-found.unstarted"))
            }
        }
    }

    /// Streams the request body into `path`, refused with 413 past `max_upload_bytes` (by its declared length
    /// before a byte is read). Memory holds one buffer at a time.
    private func receive(_ request: Request, to path: String) async throws -> Int {
        try BylawService.refuseCodings(request)
        let limit = configuration.maxUploadBytes
        let tooLarge = APIError(.contentTooLarge, "body.too-large", .text("api.body.too-large.upload", "\(limit)"))
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw APIError(.serviceUnavailable, "audit.storage", .text("api.audit.storage")) }
        defer { try? handle.close() }
        var total = 0
        BylawService.bodyReading?.started()
        defer { BylawService.bodyReading?.ended() }
        do {
            for try await buffer in request.body {
                total += buffer.readableBytes
                if total > limit { throw tooLarge }
                // Writing is the service's part: a stalled disk is not the client's slowness.
                BylawService.bodyReading?.ended()
                do {
                    try handle.write(contentsOf: Data(buffer.readableBytesView))
                } catch {
                    throw APIError(.serviceUnavailable, "audit.storage", .text("api.audit.storage.why", "\(error)"))
                }
                BylawService.bodyReading?.started()
            }
        } catch {
            throw Self.bodyFailure(error)
        }
        return total
    }

    static func json(_ run: AuditRuns.Run) -> String {
        let verdicts = Verdict.allCases.map { "\(JSONText.quote($0.rawValue)):\(run.counts[$0, default: 0])" }
        var out = "{\"id\":\(JSONText.quote(run.id)),\"state\":\(JSONText.quote(run.state.rawValue)),"
        out += "\"inputs\":[\(run.inputs.map(JSONText.quote).joined(separator: ","))],"
        out += "\"kind\":\(run.kind.map(JSONText.quote) ?? "null"),\"records_judged\":\(run.judged),"
        out += "\"bytes_read\":\(run.bytesRead),\"bytes_total\":\(run.totalBytes.map(String.init) ?? "null"),"
        out += "\"verdicts\":{\(verdicts.joined(separator: ","))},"
        out += "\"error\":\(run.failure.map(JSONText.quote) ?? "null"),"
        out += "\"report\":\(run.state == .finished ? JSONText.quote("/v1/audits/\(run.id)/report") : "null")}"
        return out
    }

    static func contentType(_ format: AuditReportFormat) -> String {
        switch format {
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .junit: "application/xml; charset=utf-8"
        case .jsonl: "application/x-ndjson; charset=utf-8"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// A file as the response body, read 64 KiB at a time.
    static func file(_ path: String, contentType: String) throws -> Response {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else {
            throw APIError(.notFound, "audit.not-found", .text("api.audit.not-found.report"))
        }
        let body = ResponseBody(contentLength: size) { writer in
            guard let handle = FileHandle(forReadingAtPath: path) else { throw CancellationError() }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [.contentType: contentType]
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: body)
    }
}
