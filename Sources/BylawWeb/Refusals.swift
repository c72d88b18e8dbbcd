import BylawAudit
import BylawJSON
import Foundation

/// Refused web requests recorded in the audit trail, as the API records the requests it refuses: an event
/// `refused` with verdict `refused`, the route and the reason (`role`, `csrf`, `signin`), by the account that
/// was signed in. A request from no account (a failed sign-in, a form posted without a session) is recorded
/// with actor `-` and the name typed, if any, as data: the name is the client's word, never the actor. So that
/// anyone who reaches the port cannot grow the trail without end, at most `anonymousPerMinute` of those are
/// recorded a minute; the next one recorded counts those left out.
public final class Refusals: @unchecked Sendable {
    /// Why a request was refused.
    enum Reason: String {
        case role, csrf, signin
    }

    public static let anonymousActor = "-"
    let anonymousPerMinute: Int
    // INVARIANT: `windowStart`, `inWindow` and `leftOut` are read and written only under `lock`.
    private let lock = NSLock()
    private var windowStart = Date.distantPast
    private var inWindow = 0
    private var leftOut = 0

    public init(anonymousPerMinute: Int = 60) { self.anonymousPerMinute = anonymousPerMinute }

    /// Whether a refusal from no account may be recorded now, and how many were left out before it.
    private func admit(now: Date) -> (admitted: Bool, leftOut: Int) {
        lock.withLock {
            if now.timeIntervalSince(windowStart) >= 60 {
                windowStart = now
                inWindow = 0
            }
            guard inWindow < anonymousPerMinute else {
                leftOut += 1
                return (false, 0)
            }
            inWindow += 1
            defer { leftOut = 0 }
            return (true, leftOut)
        }
    }

    /// Records one refusal; returns why it could not be recorded (the trail cannot be written), else nil. A
    /// refusal from no account past the minute's allowance is left out and counted, which is not a failure.
    func record(
        _ reason: Reason, actor: String?, route: String, detail: [(String, String)] = [],
        backend: WebBackend, now: Date = Date()
    ) -> AuditStoreError? {
        var body: [(String, JSONValue)] = [
            ("route", .string(String(route.prefix(200)))), ("reason", .string(reason.rawValue)),
        ]
        if actor == nil {
            let admitted = admit(now: now)
            guard admitted.admitted else { return nil }
            if admitted.leftOut > 0 { body.append(("refusals_left_out", .string(String(admitted.leftOut)))) }
        }
        body += detail.map { ($0.0, .string(String($0.1.prefix(100)))) }
        let draft = RecordDraft(
            event: "refused", kind: nil, decisionID: nil, decisionDate: nil, unit: nil, verdict: RecordVerdicts.refused,
            body: body)
        let who = actor ?? Self.anonymousActor
        do {
            guard let recording = try backend.recording(who) else { return nil }
            try recording.trail.append([draft], actor: who, at: nil, batchSize: 1)
            return nil
        } catch {
            return AuditStoreError(describing: error)
        }
    }
}
