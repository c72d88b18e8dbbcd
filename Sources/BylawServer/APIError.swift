import BylawDiagnostics
import BylawLocale
import Hummingbird

/// A request refused or failed, answered as `{"error": {"status", "code", "message", "diagnostics"}}`.
/// Every refusal of the service is one of these, so a client always gets JSON it can read, never a bare status.
/// The message comes from the catalogue and is written in the request's language (`APILanguage`); the status,
/// the code and the JSON keys are the same in every language.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable code (`body.too-large`, `auth.missing`…).
    public var code: String
    public var message: APIMessage
    public var diagnostics: [Diagnostic]
    /// Extra headers (`WWW-Authenticate` on a 401).
    public var headers: HTTPFields
    /// The account refused, on a 403.
    public var account: String?
    /// The language when the request asks for none (the service's `lang`); English until the middleware says.
    var fallback = Language.english

    public init(
        _ status: HTTPResponse.Status, _ code: String, _ message: APIMessage, diagnostics: [Diagnostic] = [],
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.diagnostics = diagnostics
        self.headers = headers
    }

    /// The JSON body, its message and diagnostics in `language`.
    public func json(in language: Language) -> String {
        "{\"error\":{\"status\":\(status.code),\"code\":\(JSONText.quote(code)),"
            + "\"message\":\(JSONText.quote(message.text(in: language))),"
            + "\"diagnostics\":[\(diagnostics.map { $0.json(in: language) }.joined(separator: ","))]}}"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = JSONResponse.contentType
        let language = APILanguage.of(request, fallback: fallback)
        fields[.contentLanguage] = language.rawValue
        let body = json(in: language) + "\n"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
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
/// (no route, wrong method) with their status, anything else as a 500 whose detail is logged, not shown. Each
/// is written in the request's language, else in `language`, the service's.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let language: Language
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var refusal: APIError
        do {
            return try await next(request, context)
        } catch let e as APIError {
            refusal = e
        } catch let e as HTTPError {
            let allowed = e.status == .notFound ? routes.methods(for: request.uri.path) : []
            if !allowed.isEmpty {
                // The path is one of ours, asked with a method it does not take: 405, naming those it does.
                let names = allowed.map(\.rawValue).joined(separator: ", ")
                refusal = APIError(
                    .methodNotAllowed, "route.method", .text("api.route.method", "\(request.method)", names),
                    headers: [.allow: names])
            } else {
                refusal =
                    e.status == .notFound
                    ? APIError(
                        e.status, "route.not-found", .text("api.route.not-found", "\(request.method)", request.uri.path)
                    )
                    : APIError(e.status, "http.\(e.status.code)", .text("api.http", e.body ?? e.status.reasonPhrase))
            }
        } catch let e as any HTTPResponseError {
            refusal = APIError(e.status, "http.\(e.status.code)", .text("api.http", e.status.reasonPhrase))
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            metrics.count(internalError: 1)
            refusal = APIError(.internalServerError, "internal", .text("api.internal"))
        }
        refusal.fallback = language
        return try refusal.response(from: request, context: context)
    }
}
