import Bylaw
import BylawAudit
import BylawCEL
import BylawJobs
import Foundation
import Hummingbird

/// What the log routes read of a trail: `AuditStore` (SQLite) offers it; another backend conforms the same way.
public protocol TrailLog {
    func list(_ filter: RecordFilter) throws(AuditStoreError) -> [RecordSummary]
    func canonical(of key: String) throws(AuditStoreError) -> [UInt8]?
    func head() throws(AuditStoreError) -> (seq: Int64, chainHash: [UInt8])
    func verify(
        expectHead: (seq: Int64, hash: String)?, checkpoints given: [Checkpoint]?, publicKey: CheckpointKey.Public?,
        receipt: Receipt?
    ) throws(AuditStoreError) -> VerifyReport
    func forEachCanonical(_ body: ([UInt8]) -> Void) throws(AuditStoreError)
}

extension AuditStore: TrailLog {}

extension BylawService {
    /// `GET /v1/log`, `/v1/log/head`, `/v1/log/export`, `/v1/log/{seq}`, `POST /v1/log/verify`.
    func addLogRoutes(to router: Router<BasicRequestContext>) {
        on(router, .get, "/v1/log", .logRead) { request, _ in
            let filter = try Self.filter(request)
            return JSONResponse.ok(LogJSON.list(try await self.reading { try $0.list(filter) }))
        }
        on(router, .get, "/v1/log/head", .logRead) { _, _ in
            let head = try await self.reading { try $0.head() }
            return JSONResponse.ok(LogJSON.head(seq: head.seq, chainHash: head.chainHash))
        }
        on(router, .get, "/v1/log/export", .logExport) { _, _ in
            let text = try await self.reading { log in
                var out = ""
                try log.forEachCanonical { out += String(decoding: $0, as: UTF8.self) + "\n" }
                return out
            }
            return JSONResponse.text(text, contentType: "application/x-ndjson; charset=utf-8")
        }
        on(router, .get, "/v1/log/{seq}", .logRead) { request, _ in
            let key = request.uri.path.split(separator: "/").last.map(String.init) ?? ""
            guard let bytes = try await self.reading({ try $0.canonical(of: key) }) else {
                throw APIError(.notFound, "log.not-found", .text("api.log.not-found", key))
            }
            return JSONResponse.ok(String(decoding: bytes, as: UTF8.self))
        }
        on(router, .post, "/v1/log/verify", .logVerify) { request, _ in
            let bytes = try await self.body(request)
            var expect: (seq: Int64, hash: String)?
            var receipt: Receipt?
            if !bytes.allSatisfy(BatchBody.isSpace) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                    throw APIError(.badRequest, "body.malformed", .text("api.body.malformed.verify"))
                }
                // A misspelt key (`expected_head`) would otherwise verify without the check it asked for.
                if let unknown = object.keys.sorted().first(where: { $0 != "expect_head" && $0 != "receipt" }) {
                    throw APIError(.badRequest, "body.unknown-key", .text("api.body.unknown-key", unknown))
                }
                if let head = object["expect_head"] {
                    guard let text = head as? String, let parsed = KeptHead.parse(text) else {
                        throw APIError(.badRequest, "body.bad-head", .text("api.body.bad-head"))
                    }
                    expect = parsed
                }
                if let r = object["receipt"] {
                    guard let text = r as? String, let parsed = Receipt(text: text) else {
                        throw APIError(.badRequest, "body.bad-receipt", .text("api.body.bad-receipt"))
                    }
                    receipt = parsed
                }
            }
            let wanted = expect
            let given = receipt
            let report = try await self.reading {
                try $0.verify(expectHead: wanted, checkpoints: nil, publicKey: nil, receipt: given)
            }
            return JSONResponse.ok(LogJSON.verify(report))
        }
    }

    /// Runs a read of the trail on a read-only connection that this request alone uses while it reads.
    func reading<T: Sendable>(_ body: @escaping @Sendable (any TrailLog) throws -> T) async throws -> T {
        guard let path = configuration.audit else {
            throw APIError(.notFound, "trail.disabled", .text("api.trail.disabled"))
        }
        let open = openLog
        do {
            return try await offload { try body(try open(path)) }
        } catch let e as AuditStoreError {
            throw APIError(.serviceUnavailable, "trail.unreadable", .text("api.trail.unreadable", store: e))
        }
    }

    /// `?kind&unit&verdict&rule&from&to&actor&limit`, as `bylaw log list` takes them.
    static func filter(_ request: Request) throws(APIError) -> RecordFilter {
        let q = request.uri.queryParameters
        var f = RecordFilter()
        f.kind = q.get("kind")
        f.unit = q.get("unit")
        if let verdict = q.get("verdict") {
            // A misspelt verdict would match nothing and answer an empty list, as if no record had it.
            guard RecordVerdicts.all.contains(verdict) else {
                throw APIError(
                    .badRequest, "query.bad-verdict",
                    .text("api.query.bad-verdict", RecordVerdicts.all.joined(separator: ", ")))
            }
            f.verdict = verdict
        }
        f.failedRule = q.get("rule")
        f.actor = q.get("actor")
        if let from = q.get("from") { f.from = try date(from, parameter: "from").description }
        if let to = q.get("to") { f.to = try date(to, parameter: "to").description }
        if let limit = q.get("limit") {
            guard let n = Int(limit), (1...10_000).contains(n) else {
                throw APIError(.badRequest, "query.bad-limit", .text("api.query.bad-limit"))
            }
            f.limit = n
        }
        return f
    }
}
