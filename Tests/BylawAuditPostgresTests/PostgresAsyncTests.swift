import Bylaw
import BylawAudit
import Foundation
import Testing

@testable import BylawAuditPostgres

/// The trail from async code, as `bylaw serve` uses it: concurrent requests on one trail, taken in turn.
@Suite struct PostgresAsyncTests {
    @Test func concurrentAsyncAppendsOnOneTrailKeepOneChain() async throws {
        guard let db = try PostgresTestServer.database() else { return }
        let trail = try PostgresTrail(db)
        let seqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for k in 0..<20 {
                group.addTask { try await trail.append(PostgresTestServer.drafts(2, from: k * 2 + 1), actor: "serve") }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(seqs.sorted() == Array(1...40))
        let receipt = try #require(try await trail.receiptAsync(seq: 40))
        let report = try await trail.verifyAsync(expectHead: (40, receipt.chainHash))
        #expect(report.ok, "\(String(describing: report.problem))")
        #expect(report.records == 40)
    }
}
