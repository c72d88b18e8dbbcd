import BylawTestSupport
import Foundation
import Synchronization
import Testing

/// The hang CI saw: every in-process server stopped answering while other tests held the cooperative pool.
@Suite("a test server answers while the cooperative pool is blocked")
struct StarvedPoolTests {
    @Test("every thread of the pool blocked: the server still answers, before any of them is let go")
    func answersWhileThePoolIsBlocked() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let width = ProcessInfo.processInfo.activeProcessorCount
            let counts = Counts()
            let gate = DispatchSemaphore(value: 0)
            // This task's thread and width - 1 blockers: the whole pool, until the gate opens (30 s at most).
            for _ in 0..<(2 * width) {
                Task.detached {
                    counts.started.add(1, ordering: .sequentiallyConsistent)
                    _ = gate.wait(timeout: .now() + 30)
                    counts.released.add(1, ordering: .sequentiallyConsistent)
                }
            }
            let deadline = Date().addingTimeInterval(20)
            while counts.started.load(ordering: .sequentiallyConsistent) < width - 1, Date() < deadline {
                usleep(10_000)
            }
            let reply = try RawHTTP.exchange(port: s.port, method: "GET", path: "/healthz", headers: [:], body: nil)
            let blockedWhileAnswered = counts.released.load(ordering: .sequentiallyConsistent) == 0
            for _ in 0..<(2 * width) { gate.signal() }
            #expect(reply.status == 200)
            #expect(blockedWhileAnswered, "the server answered only after the pool's threads were let go")
        }
    }
}

private final class Counts: Sendable {
    let started = Atomic<Int>(0)
    let released = Atomic<Int>(0)
}
