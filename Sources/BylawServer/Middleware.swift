import Foundation
import Hummingbird
import Logging
import NIOCore

/// Logs each request once it is answered (structured: method, route, status, milliseconds) and counts it.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let service: BylawService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The route as registered, never the raw path, so that a client cannot grow the counters at will.
        let route = context.endpointPath ?? "unrouted"
        service.metrics.request(route: route, status: response.status.code, seconds: seconds)
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method)", "route": "\(route)", "status": "\(response.status.code)",
                "ms": "\(Int(seconds * 1000))",
            ])
        return response
    }
}

/// Reads and discards what is left of a request's body when the server answered before reading all of it
/// (401, 403, 404, 413…) and the client asked for the connection to close after this request.
///
/// Why: Hummingbird drains an unread body itself only on a connection kept alive. With `Connection: close` it
/// half-closes and stops reading, so a client that sends its whole body before it reads anything (Python's
/// `urllib`, which always asks to close) blocks on a full socket and never sees the answer: it waits out the
/// idle timeout. Web servers call this a lingering close. The answer is written first, then the rest of the
/// body is read, for at most `seconds` and `bytes`; after that the connection is left to close as before. A
/// client that waits for `100 Continue` before it sends its body is not waited for.
struct LingeringCloseMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The longest a refused body is read and discarded, in time and in bytes.
    let seconds: Double
    let bytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard Self.asksToClose(request), Self.hasBody(request), !Self.expectsContinue(request) else {
            return try await next(request, context)
        }
        let body = UnreadBody(request.body)
        var tracked = request
        tracked.body = RequestBody(asyncSequence: TrackedBody(body: body))
        var response = try await next(tracked, context)
        guard !body.ended else { return response }
        // Once the answer is written: the client that reads as it sends has it at once.
        let answer = response.body
        let (seconds, bytes) = (seconds, bytes)
        response.body = ResponseBody(contentLength: answer.contentLength) { writer in
            try await answer.write(writer)
            await body.discard(seconds: seconds, bytes: bytes)
        }
        return response
    }

    /// Whether the request's `Connection` header holds the token `close`.
    static func asksToClose(_ request: Request) -> Bool {
        BylawService.tokens(request.headers[.connection]).contains("close")
    }

    /// Whether the request says it has a body: a length above zero, or a transfer coding.
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        return request.headers[.contentLength].flatMap(Int.init).map { $0 > 0 } ?? false
    }

    /// Whether the client waits for `100 Continue` before it sends the body (it is not sent one).
    static func expectsContinue(_ request: Request) -> Bool {
        request.headers[.expect]?.lowercased().contains("100-continue") ?? false
    }
}

/// A request body read through one iterator, by the route while it answers and then by the lingering close:
/// whether the route read it to its end is known, and what it left is read from where it stopped.
final class UnreadBody: @unchecked Sendable {
    // INVARIANT: `iterator` and `ended` are used by one task at a time: the route's reading, which ends (or is
    // cancelled and awaited, `BylawService.within`) before the route answers, and then the lingering close.
    private let base: RequestBody
    private var iterator: RequestBody.AsyncIterator?
    private(set) var ended = false

    init(_ base: RequestBody) { self.base = base }

    /// Reads what is left and drops it, for at most `seconds` and `bytes`.
    func discard(seconds: Double, bytes limit: Int) async {
        _ = try? await BylawService.within(seconds: seconds) {
            var read = 0
            while let buffer = try await self.next() {
                read += buffer.readableBytes
                if read > limit { return false }
            }
            return true
        }
    }

    func next() async throws -> ByteBuffer? {
        if ended { return nil }
        if iterator == nil { iterator = base.makeAsyncIterator() }
        do {
            guard let buffer = try await iterator?.next() else {
                ended = true
                return nil
            }
            return buffer
        } catch {
            // A body that failed (broken framing, the reading cancelled) is not read again.
            ended = true
            throw error
        }
    }
}

/// The request body as the routes see it, read through an `UnreadBody`.
struct TrackedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let body: UnreadBody

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: UnreadBody
        mutating func next() async throws -> ByteBuffer? { try await body.next() }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: body) }
}

/// HEAD answered as GET is, headers only (RFC 9110 §9.3.2: a server that answers GET answers HEAD, and load
/// balancers' probes and `curl -I` ask so). Every GET route is registered for HEAD too; the middleware takes the
/// body off every answer to a HEAD, a refusal's included.
public enum HeadResponse {
    struct Middleware<Context: RequestContext>: RouterMiddleware {
        func handle(
            _ request: Request, context: Context, next: (Request, Context) async throws -> Response
        ) async throws -> Response {
            let response = try await next(request, context)
            return request.method == .head ? HeadResponse.headersOnly(response) : response
        }
    }

    /// The GET a HEAD stands for: the same request, asked with GET, for the GET route's handler.
    public static func asGet(_ request: Request) -> Request {
        var head = request.head
        head.method = .get
        return Request(head: head, body: request.body)
    }

    /// `response` with its body taken off and the length the body had kept.
    public static func headersOnly(_ response: Response) -> Response {
        var out = response
        let length = response.headers[.contentLength] ?? response.body.contentLength.map { String($0) }
        // Setting the body sets its length too: the GET body's length is put back after, and a length GET would
        // not have given (a streamed body) is not made up.
        out.body = ResponseBody()
        out.headers[.contentLength] = length
        return out
    }
}
