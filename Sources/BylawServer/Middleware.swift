import Foundation
import Hummingbird
import Logging

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
