import BylawWeb
import HTTPTypes
import Hummingbird

/// Mounts the web pages on a Hummingbird router under `/ui/`: each request is read into a `WebRequest`
/// (body capped), handed to `WebApp`, and its `WebResponse` written back. The pages never see Hummingbird.
public enum WebRoutes {
    /// The largest request body the pages read (an uploaded workbook or decision).
    public static let maxBody = 16 * 1024 * 1024

    public static func add<Context: RequestContext>(to router: Router<Context>, app: WebApp) {
        let handler: @Sendable (Request, Context) async throws -> Response = { request, _ in
            await respond(request, app: app)
        }
        router.get("/ui", use: handler)
        router.get("/ui/**", use: handler)
        router.post("/ui/**", use: handler)
    }

    static func respond(_ request: Request, app: WebApp) async -> Response {
        var path = request.uri.path
        path = path.hasPrefix(app.base) ? String(path.dropFirst(app.base.count)) : path
        if path.isEmpty { path = "/" }
        var body: [UInt8] = []
        if request.method == .post {
            do {
                let buffer = try await request.body.collect(upTo: maxBody)
                body = Array(buffer.readableBytesView)
            } catch {
                return Response(status: .contentTooLarge)
            }
        }
        guard
            let web = WebRequest.parse(
                method: request.method.rawValue, path: path, query: request.uri.query ?? "",
                contentType: request.headers[.contentType], body: body, cookieHeader: request.headers[.cookie])
        else { return Response(status: .methodNotAllowed) }
        let answer = app.handle(web)
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
