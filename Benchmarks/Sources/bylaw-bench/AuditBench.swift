import Bylaw
import BylawAudit
import BylawBatch
import BylawJSON
import BylawYAML
import Foundation

/// Audit-trail figures: records appended per second in batches, and verified per second.
func benchAudit() {
    let root = ProcessInfo.processInfo.environment["BYLAW_RULES"] ?? "rules"
    let library = RuleLibrary.load(root: root)
    let file = root + "/asset-management/examples/non-compliant-building-agreement-sale.yaml"
    guard let data = FileManager.default.contents(atPath: file),
        let node = try? YAMLLoader.load(bytes: Array(data), file: file, limits: .decision)
    else {
        print("run from the repository root")
        return
    }
    let result = library.check(node, file: file)
    let builder = RecordBuilder(maskingKey: Array("bench-key".utf8), library: library)
    if ProcessInfo.processInfo.environment["BYLAW_BENCH_PROFILE"] == "draft" {
        // A loop to run under `perf record`: nothing but building drafts.
        let raw = Array(data)
        for _ in 0..<200_000 { blackHole(builder.draft(result, raw: raw, document: node, event: "audit")) }
        return
    }
    let draft = builder.draft(result, raw: Array(data), document: node, event: "audit")
    let n = Int(ProcessInfo.processInfo.environment["BYLAW_BENCH_RECORDS"] ?? "") ?? 50_000
    let drafts = Array(repeating: draft, count: n)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-bench-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("bench.sqlite").path
    do {
        let store = try AuditStore(path: path)
        let start = nowNanos()
        let startCPU = threadCPUNanos()
        try store.append(drafts, actor: "bench", batchSize: 1000)
        let appendSeconds = Double(nowNanos() - start) / 1e9
        let appendCPU = Double(threadCPUNanos() - startCPU) / 1e9
        print(
            String(
                format:
                    "append %d records (a real asset-disposal record, batches of 1000): %.0f records/s (wall), %.0f records/s of CPU",
                n, Double(n) / appendSeconds, Double(n) / appendCPU))
        if ProcessInfo.processInfo.environment["BYLAW_BENCH_PROFILE"] == "verify" {
            // A loop to run under `perf record`: nothing but verifying.
            for _ in 0..<10 { blackHole(try store.verify()) }
            return
        }
        let vstart = nowNanos()
        let report = try store.verify()
        let verifySeconds = Double(nowNanos() - vstart) / 1e9
        print(
            String(
                format: "verify %lld records (hashing on all cores): %.0f records/s (wall) (%@)", report.records,
                Double(report.records) / verifySeconds, report.ok ? "whole" : "BROKEN"))
    } catch {
        print("audit bench failed: \(error)")
    }
    // The last connection to close checkpoints the write-ahead log into the database file: a store at rest.
    do {
        let reopened = try AuditStore(path: path)
        let vstart = nowNanos()
        let report = try reopened.verify()
        let verifySeconds = Double(nowNanos() - vstart) / 1e9
        print(
            String(
                format: "verify %lld records after a checkpoint (a store at rest): %.0f records/s (wall) (%@)",
                report.records, Double(report.records) / verifySeconds, report.ok ? "whole" : "BROKEN"))
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("record size on disk: about \(size / max(1, n)) bytes")
    } catch {
        print("audit bench failed: \(error)")
    }
    let record = draft.body
    let canonical = (try? JCS.canonicalize(record)) ?? []
    print("canonical record: \(canonical.count) bytes")
    measure("canonicalise one record from a JSON tree (RFC 8785, JCS)") { blackHole(try? JCS.canonicalize(record)) }
    measure("leaf hash of one record (SHA-256)") { blackHole(HashChain.leaf(canonical)) }
    measure("build one record draft, canonical bytes written directly") {
        blackHole(builder.draft(result, raw: Array(data), document: node, event: "audit"))
    }
}
