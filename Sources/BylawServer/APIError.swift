import BylawDiagnostics
import Hummingbird

/// A request refused or failed, answered as `{"error": {"status", "code", "message", "diagnostics"}}`.
/// Every refusal of the service is one of these, so a client always gets JSON it can read, never a bare status.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable code (`body.too-large`, `auth.missing`…).
    public var code: String
    public var message: String
    public var diagnostics: [Diagnostic]
    /// Extra headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields
    /// The account refused, on a 403.
    public var account: String?

    public init(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, diagnostics: [Diagnostic] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
        self.headers = headers
    }

    /// The JSON body.
    public var json: String {
        "{\"error\":{\"status\":\(status.code),\"code\":\(JSONText.quote(code)),\"message\":\(JSONText.quote(message)),"
            + "\"diagnostics\":[\(diagnostics.map(\.json).joined(separator: ","))]}}"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = JSONResponse.contentType
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json + "\n")))
    }
}

/// Responses with a JSON (or other text) body.
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    static func ok(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        text(json + "\n", contentType: contentType, status: status)
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Turns every error a handler throws into a JSON answer: an `APIError` as it is, Hummingbird's own errors
/// (no route, wrong method) with their status, anything else as a 500 whose detail is logged, not shown.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let e as APIError {
            return try e.response(from: request, context: context)
        } catch let e as HTTPError {
            let code = e.status == .notFound ? "route.not-found" : "http.\(e.status.code)"
            let message =
                e.status == .notFound
                ? "no such endpoint: \(request.method) \(request.uri.path)" : (e.body ?? e.status.reasonPhrase)
            return try APIError(e.status, code, message).response(from: request, context: context)
        } catch let e as any HTTPResponseError {
            return try APIError(e.status, "http.\(e.status.code)", e.status.reasonPhrase).response(
                from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            metrics.count(internalError: 1)
            return try APIError(.internalServerError, "internal", "the request failed inside the service; see its log")
                .response(from: request, context: context)
        }
    }
}
