import BylawServer
import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("request deadlines")
struct DeadlineTests {
    /// A client that sends its headers and a few bytes of the body, then nothing: answered 408 at the
    /// deadline (the client's doing, not an outage), with the code that says why, and the server goes on
    /// answering others.
    @Test("a trickled body is answered 408 request.body-timeout at request_timeout_seconds")
    func trickledBodyTimesOut() async throws {
        var c = TestServer.configuration(audit: nil)
        c.requestTimeoutSeconds = 0.5
        try await TestServer.with(c) { s in
            let (reply, waited) = try await Self.trickle(port: s.port, token: TestServer.tokens["checker"] ?? "")
            #expect(reply.status == 408)
            #expect(reply.text.contains("\"code\":\"request.body-timeout\""))
            #expect(waited >= 0.45, "answered before the deadline: \(waited) s")
            #expect(waited < 10, "the deadline was not kept: \(waited) s")
            let health = try await s.call("GET", "/healthz")
            #expect(health.status == 200)
        }
    }

    /// A body that cannot be read (broken chunked framing, an unknown transfer coding) is the client's fault:
    /// 400 `body.unreadable` on every route that reads one, and nothing counted as an internal error.
    @Test(
        "a body with broken framing is answered 400, not 500",
        arguments: ["ZZZ\r\nabc\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n", "3\r\nabcXX0\r\n\r\n"])
    func brokenFramingIsABadRequest(chunks: String) async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            for (path, role) in [("/v1/check", "checker"), ("/v1/lint", "author")] {
                let token = TestServer.tokens[role] ?? ""
                let reply = try await Self.raw(
                    port: s.port,
                    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                        + "Content-Type: application/yaml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + chunks)
                #expect(reply.status == 400, "\(path): \(reply.text)")
                #expect(reply.text.contains("body.unreadable"), "\(path): \(reply.text)")
            }
            let metrics = try await s.call("GET", "/metrics")
            #expect(metrics.text.contains("bylaw_internal_errors_total 0"), "\(metrics.text)")
        }
    }

    /// A compressed body is refused, not read as the decision's text: `Content-Encoding: gzip` with 415
    /// `body.encoding` (in the asked language), a transfer coding other than `chunked` with 400
    /// `body.unreadable`; on the routes that read a body, and before any byte of it is read.
    @Test("a compressed body is refused before it is read")
    func compressedBodiesAreRefused() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let chunked = "5\r\nkind:\r\n0\r\n\r\n"
            for (path, role) in [("/v1/check", "checker"), ("/v1/lint", "author"), ("/v1/explain", "checker")] {
                let token = TestServer.tokens[role] ?? ""
                let head =
                    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Type: application/yaml\r\nConnection: close\r\n"
                let gzip = try await Self.raw(
                    port: s.port,
                    head + "Content-Encoding: gzip\r\nAccept-Language: zh\r\nContent-Length: 5\r\n\r\nkind:")
                #expect(gzip.status == 415, "\(path): \(gzip.text)")
                #expect(gzip.text.contains("body.encoding") && gzip.text.contains("未压缩"), "\(path): \(gzip.text)")
                let coded = try await Self.raw(
                    port: s.port, head + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked)
                #expect(coded.status == 400, "\(path): \(coded.text)")
                #expect(coded.text.contains("body.unreadable"), "\(path): \(coded.text)")
                let identity = try await Self.raw(
                    port: s.port, head + "Content-Encoding: identity\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked)
                #expect(identity.status != 415 && !identity.text.contains("body.encoding"), "\(path): \(identity.text)")
            }
            let metrics = try await s.call("GET", "/metrics")
            #expect(metrics.text.contains("bylaw_internal_errors_total 0"), "\(metrics.text)")
        }
    }

    /// Sends `request` as it is and reads the answer, on a thread of its own.
    static func raw(port: Int, _ request: String) async throws -> HTTPReply {
        try await exchange(port: port, request, until: nil).0
    }

    /// Sends a check whose body promises 4,096 bytes and delivers 10, then waits for the answer.
    static func trickle(port: Int, token: String) async throws -> (HTTPReply, Double) {
        let head =
            "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/yaml\r\nContent-Length: 4096\r\n\r\nkind: asse"
        return try await exchange(port: port, head) { String(decoding: $0, as: UTF8.self).contains("}}") }
    }

    /// Sends `request` and reads the answer (until `until` says it is whole, else until the server closes), with
    /// the time from sending to the answer, measured on the thread that waits (not after the test's task wakes,
    /// which a loaded cooperative pool can delay by minutes).
    static func exchange(port: Int, _ request: String, until: (@Sendable ([UInt8]) -> Bool)?) async throws -> (
        HTTPReply, Double
    ) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let fd = try RawHTTP.connected(port: port, timeoutSeconds: 30)
                        defer { close(fd) }
                        let bytes = Array(request.utf8)
                        let sent = Date()
                        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                        let received = RawHTTP.received(fd, stop: until)
                        return (try RawHTTP.parse(received), Date().timeIntervalSince(sent))
                    })
            }
        }
    }
}
