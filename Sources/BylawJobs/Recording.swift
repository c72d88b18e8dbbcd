import Bylaw
import BylawAudit

/// How a job records what it evaluated: the trail, the account recorded as acting, and the key that masks
/// sensitive fields (nil: they are redacted).
public struct Recording {
    public var trail: any AuditTrail
    public var actor: String
    public var maskingKey: [UInt8]?

    public init(trail: any AuditTrail, actor: String, maskingKey: [UInt8]?) {
        self.trail = trail
        self.actor = actor
        self.maskingKey = maskingKey
    }
}

/// The trail could not be written. Nothing beyond what was recorded has been handed back (fail closed).
public struct RecordingFailure: Error, Sendable {
    /// When it failed: before anything was checked, or while appending.
    public enum Stage: Sendable, Equatable {
        case opening
        case appending
    }

    public var stage: Stage
    public var error: AuditStoreError

    public init(_ stage: Stage, _ error: AuditStoreError) {
        self.stage = stage
        self.error = error
    }
}
