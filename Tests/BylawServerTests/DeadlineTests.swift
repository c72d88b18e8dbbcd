import BylawServer
import BylawTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("request deadlines")
struct DeadlineTests {
    /// A client that sends its headers and a few bytes of the body, then nothing: answered 503 at the
    /// deadline, with the code that says why, and the server goes on answering others.
    @Test("a trickled body is answered 503 request.timeout at request_timeout_seconds")
    func trickledBodyTimesOut() async throws {
        var c = TestServer.configuration(audit: nil)
        c.requestTimeoutSeconds = 0.5
        try await TestServer.with(c) { s in
            let (reply, waited) = try await Self.trickle(port: s.port, token: TestServer.tokens["checker"] ?? "")
            #expect(reply.status == 503)
            #expect(reply.text.contains("\"code\":\"request.timeout\""))
            #expect(waited >= 0.45, "answered before the deadline: \(waited) s")
            #expect(waited < 10, "the deadline was not kept: \(waited) s")
            let health = try await s.call("GET", "/healthz")
            #expect(health.status == 200)
        }
    }

    /// Sends a check whose body promises 4,096 bytes and delivers 10, then waits for the answer; with the time
    /// from sending to the answer, measured on the thread that waits (not after the test's task wakes, which a
    /// loaded cooperative pool can delay by minutes).
    static func trickle(port: Int, token: String) async throws -> (HTTPReply, Double) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let fd = try RawHTTP.connected(port: port, timeoutSeconds: 30)
                        defer { close(fd) }
                        let head =
                            "POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                            + "Content-Type: application/yaml\r\nContent-Length: 4096\r\n\r\nkind: asse"
                        let bytes = Array(head.utf8)
                        let sent = Date()
                        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                        let received = RawHTTP.received(fd) {
                            String(decoding: $0, as: UTF8.self).contains("}}")
                        }
                        return (try RawHTTP.parse(received), Date().timeIntervalSince(sent))
                    })
            }
        }
    }
}
