import Bylaw
import Foundation
import Synchronization

/// The service's counters, rendered as Prometheus text at `/metrics`: requests by route and status, request
/// latency (a histogram), verdicts by kind, audit appends, trail failures, refusals, reloads.
public final class ServerMetrics: Sendable {
    /// Latency bucket bounds, in seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct State {
        var requests: [String: Int] = [:]  // "route|status"
        var latencyBuckets = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var latencyCount = 0
        var latencySum = 0.0
        var verdicts: [String: Int] = [:]  // "kind|verdict"
        var appends = 0
        var storeErrors = 0
        var refusals: [String: Int] = [:]  // reason
        var reloads: [String: Int] = [:]  // "loaded" | "refused"
        var internalErrors = 0
    }

    private let state = Mutex(State())

    public init() {}

    func request(route: String, status: Int, seconds: Double) {
        state.withLock { s in
            s.requests["\(route)|\(status)", default: 0] += 1
            s.latencyCount += 1
            s.latencySum += seconds
            if let k = Self.buckets.firstIndex(where: { seconds <= $0 }) { s.latencyBuckets[k] += 1 }
        }
    }

    func verdict(kind: String, verdict: String) {
        state.withLock { $0.verdicts["\(kind)|\(verdict)", default: 0] += 1 }
    }
    func count(appends n: Int) { state.withLock { $0.appends += n } }
    func count(storeErrors n: Int) { state.withLock { $0.storeErrors += n } }
    func count(internalError n: Int) { state.withLock { $0.internalErrors += n } }
    func refusal(_ reason: String) { state.withLock { $0.refusals[reason, default: 0] += 1 } }
    func reload(_ outcome: String) { state.withLock { $0.reloads[outcome, default: 0] += 1 } }

    /// The Prometheus text exposition format, version 0.0.4.
    public var text: String {
        let s = state.withLock { $0 }
        var out = ""
        func family(_ name: String, _ type: String, _ help: String) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func labels(_ pairs: [(String, String)]) -> String {
            "{" + pairs.map { "\($0.0)=\"\(Self.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
        family("bylaw_http_requests_total", "counter", "HTTP requests answered, by route and status.")
        for (key, n) in s.requests.sorted(by: { $0.key < $1.key }) {
            let p = key.split(separator: "|", maxSplits: 1).map(String.init)
            out += "bylaw_http_requests_total\(labels([("route", p[0]), ("status", p.count > 1 ? p[1] : "")])) \(n)\n"
        }
        family("bylaw_http_request_duration_seconds", "histogram", "Time from request to response.")
        var cumulative = 0
        for (k, bound) in Self.buckets.enumerated() {
            cumulative += s.latencyBuckets[k]
            out += "bylaw_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "bylaw_http_request_duration_seconds_bucket{le=\"+Inf\"} \(s.latencyCount)\n"
        out += "bylaw_http_request_duration_seconds_sum \(s.latencySum)\n"
        out += "bylaw_http_request_duration_seconds_count \(s.latencyCount)\n"
        family("bylaw_verdicts_total", "counter", "Decisions checked, by kind and verdict.")
        for (key, n) in s.verdicts.sorted(by: { $0.key < $1.key }) {
            let p = key.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            out += "bylaw_verdicts_total\(labels([("kind", p[0]), ("verdict", p.count > 1 ? p[1] : "")])) \(n)\n"
        }
        family("bylaw_audit_appends_total", "counter", "Records appended to the audit trail.")
        out += "bylaw_audit_appends_total \(s.appends)\n"
        family("bylaw_audit_store_errors_total", "counter", "Requests refused because the trail could not be written.")
        out += "bylaw_audit_store_errors_total \(s.storeErrors)\n"
        family(
            "bylaw_refused_requests_total", "counter",
            "Requests refused for authentication, role or another site's page, by reason.")
        for (reason, n) in s.refusals.sorted(by: { $0.key < $1.key }) {
            out += "bylaw_refused_requests_total\(labels([("reason", reason)])) \(n)\n"
        }
        family("bylaw_rule_reloads_total", "counter", "Rule library reloads, by outcome.")
        for (outcome, n) in s.reloads.sorted(by: { $0.key < $1.key }) {
            out += "bylaw_rule_reloads_total\(labels([("outcome", outcome)])) \(n)\n"
        }
        family("bylaw_internal_errors_total", "counter", "Requests that failed inside the service (500).")
        out += "bylaw_internal_errors_total \(s.internalErrors)\n"
        return out
    }

    /// A label value as Prometheus reads it: backslash, quote and newline escaped.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
