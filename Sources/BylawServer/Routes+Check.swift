import Bylaw
import BylawAudit
import BylawCEL
import BylawJobs
import BylawLocale
import BylawReports
import Hummingbird

extension BylawService {
    /// `POST /v1/check`, `POST /v1/check:batch`, `POST /v1/explain`.
    func addCheckRoutes(to router: Router<BasicRequestContext>) {
        on(router, .post, "/v1/check", .check) { request, account in
            let json = try self.isJSON(request)
            let bytes = try await self.body(request)
            let document = (name: "request", bytes: bytes, json: json)
            return try await self.check(
                [document], asOf: try self.asOf(request), actor: account,
                language: APILanguage.of(request, fallback: self.configuration.language))
        }
        on(router, .post, "/v1/check:batch", .check) { request, account in
            try self.refuseForms(request)
            let bytes = try await self.body(request)
            let documents: [(name: String, bytes: [UInt8], json: Bool)]
            do throws(BatchBody.Malformed) {
                documents = try BatchBody.split(bytes, contentType: request.headers[.contentType])
            } catch {
                throw APIError(.badRequest, "batch.malformed", error.message)
            }
            guard !documents.isEmpty else {
                throw APIError(.badRequest, "batch.empty", .text("api.batch.empty"))
            }
            guard documents.count <= self.configuration.maxBatch else {
                throw APIError(
                    .contentTooLarge, "batch.too-many",
                    .text("api.batch.too-many", "\(documents.count)", "\(self.configuration.maxBatch)"))
            }
            return try await self.check(
                documents, asOf: try self.asOf(request), actor: account,
                language: APILanguage.of(request, fallback: self.configuration.language))
        }
        on(router, .post, "/v1/explain", .explain) { request, _ in
            let json = try self.isJSON(request)
            let bytes = try await self.body(request)
            let asOf = try self.asOf(request)
            let rule = request.uri.queryParameters.get("rule")
            let library = self.library.snapshot.library
            let explained = try await self.offload {
                ExplainJob.run(
                    bytes: bytes, name: "request", json: json, library: library, asOf: asOf, rule: rule, reveal: false)
            }
            let x: DecisionExplanation
            switch explained {
            case .success(let e): x = e
            case .failure(let unreadable):
                throw APIError(
                    .unprocessableContent, "explain.unreadable", .text("api.explain.unreadable"),
                    diagnostics: unreadable.diagnostics)
            }
            if ExplainJob.isEmpty(x) {
                var diagnostics = x.result.diagnostics
                if !diagnostics.hasErrors {
                    diagnostics.append(.error("explain.no-rules", "no rules apply to this decision", at: nil))
                }
                throw APIError(
                    .unprocessableContent, "explain.nothing", .text("api.explain.nothing"), diagnostics: diagnostics)
            }
            return JSONResponse.ok(ExplainReport.json(x))
        }
    }

    /// The largest decision checked without handing it to a worker thread when no trail is written.
    static let inlineCheckBytes = 16 * 1024

    /// Checks decisions with the library in force and records them before answering: 200 with the verdicts,
    /// 422 (same body) when one is invalid, 503 and no verdict when the trail cannot be written.
    func check(
        _ documents: [(name: String, bytes: [UInt8], json: Bool)], asOf: CELDate?, actor: Account?,
        language: Language = .english
    ) async throws -> Response {
        let snapshot = library.snapshot
        let library = snapshot.library
        let builder = snapshot.builder
        let trail = trail
        let key = maskingKey
        let actorName = actor?.name ?? "anonymous"
        let run: @Sendable () -> Result<CheckOutcome, RecordingFailure> = {
            let recording = trail.map { Recording(trail: $0, actor: actorName, maskingKey: key) }
            do throws(RecordingFailure) {
                return .success(
                    try CheckJob.run(
                        documents: documents, library: library, asOf: asOf, recording: recording, builder: builder))
            } catch {
                return .failure(error)
            }
        }
        // With no trail, one small decision is pure computation of a fraction of a millisecond: it runs here,
        // saving the two thread switches of the worker pool (a fifth of a check's cost under load). Anything
        // that writes the trail or may run long goes to the workers.
        let inline = trail == nil && documents.count == 1 && documents[0].bytes.count <= Self.inlineCheckBytes
        let checked = inline ? run() : try await offload(run)
        switch checked {
        case .failure(let failure):
            metrics.count(storeErrors: 1)
            logger.error(
                "audit trail cannot be written; no verdict given", metadata: ["error": "\(failure.error.message)"])
            throw APIError(
                .serviceUnavailable, "trail.unavailable", .text("api.trail.unavailable", store: failure.error))
        case .success(let outcome):
            metrics.count(appends: outcome.receipts.count)
            for d in outcome.decisions {
                metrics.verdict(kind: d.result.kind ?? "", verdict: d.result.verdict.rawValue)
            }
            let invalid = outcome.decisions.contains { $0.result.verdict == .invalid }
            // The diagnostics' words in the request's language, and the answer says which.
            var response = JSONResponse.ok(
                outcome.json(reveal: false, language: language), status: invalid ? .unprocessableContent : .ok)
            response.headers[.contentLanguage] = language.rawValue
            return response
        }
    }
}
