import BylawServer
import BylawWeb
import HTTPTypes
import Hummingbird
import NIOCore

/// Mounts the web pages on a Hummingbird router under `/ui/`: each request is read into a `WebRequest`
/// (body capped at `WebApp.maxUploadBytes`, apart from the API's `max_body_bytes`), handed to `WebApp`, and its
/// `WebResponse` written back. The pages never see Hummingbird.
public enum WebRoutes {
    /// - Parameter bodySeconds: how long a request body may take to arrive (the service's
    ///   `request_timeout_seconds`): a client trickling an upload is answered 408 then, not held for ever.
    public static func add<Context: RequestContext>(to router: Router<Context>, app: WebApp, bodySeconds: Double = 30) {
        let handler: @Sendable (Request, Context) async throws -> Response = { request, _ in
            await respond(request, app: app, bodySeconds: bodySeconds)
        }
        router.get("/ui", use: handler)
        router.get("/ui/**", use: handler)
        router.post("/ui/**", use: handler)
        // As GET; the service's middleware takes the body off (`HeadResponse`).
        let asGet: @Sendable (Request, Context) async throws -> Response = { request, _ in
            await respond(HeadResponse.asGet(request), app: app, bodySeconds: bodySeconds)
        }
        router.head("/ui", use: asGet)
        router.head("/ui/**", use: asGet)
    }

    static func respond(_ request: Request, app: WebApp, bodySeconds: Double = 30) async -> Response {
        var path = request.uri.path
        path = path.hasPrefix(app.base) ? String(path.dropFirst(app.base.count)) : path
        if path.isEmpty { path = "/" }
        var body: [UInt8] = []
        if request.method == .post {
            let limit = app.maxUploadBytes
            let declared = request.headers[.contentLength].flatMap(Int.init) ?? 0
            let asked = {
                WebRequest.parse(
                    method: "GET", path: path, query: request.uri.query ?? "", contentType: nil, body: [],
                    cookieHeader: request.headers[.cookie]) ?? WebRequest(method: .get, path: path)
            }
            do {
                // A compressed body, or a transfer coding the server does not remove, cannot be read as sent.
                try BylawService.refuseCodings(request)
                guard declared <= limit else { throw TooLarge() }
                guard
                    let buffer = try await BylawService.within(
                        seconds: bodySeconds, { try await request.body.collect(upTo: limit) })
                else { throw BodyTimeout() }
                body = Array(buffer.readableBytesView)
            } catch is TooLarge, is NIOTooManyBytesError {
                return response(app.tooLarge(asked()))
            } catch is BodyTimeout {
                return response(app.slowBody(asked()))
            } catch {
                // A body that cannot be read (broken framing, an unknown transfer coding): the client's fault.
                return response(app.badBody(asked()))
            }
        }
        guard
            let web = WebRequest.parse(
                method: request.method.rawValue, path: path, query: request.uri.query ?? "",
                contentType: request.headers[.contentType], body: body, cookieHeader: request.headers[.cookie])
        else { return Response(status: .methodNotAllowed) }
        return response(app.handle(web))
    }

    struct TooLarge: Error {}
    struct BodyTimeout: Error {}

    static func response(_ answer: WebResponse) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
