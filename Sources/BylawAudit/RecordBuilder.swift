import Bylaw
import BylawCEL
import BylawDiagnostics
import BylawYAML
import Crypto
import Foundation

/// What the store needs to append one record; the store adds sequence, record id, time and the previous hash.
public struct RecordDraft: Sendable {
    /// `check`, `audit`, or `audit-run` for the record of a whole batch.
    public var event: String
    public var kind: String?
    public var decisionID: String?
    public var decisionDate: String?
    public var unit: String?
    public var verdict: String
    /// The body: everything else in the record, as JSON.
    public var body: [(String, JSONValue)]

    public init(
        event: String, kind: String?, decisionID: String?, decisionDate: String?, unit: String?, verdict: String,
        body: [(String, JSONValue)]
    ) {
        self.event = event
        self.kind = kind
        self.decisionID = decisionID
        self.decisionDate = decisionDate
        self.unit = unit
        self.verdict = verdict
        self.body = body
    }
}

/// Builds record drafts from check results. Sensitive paths are replaced by a keyed hash (HMAC-SHA-256)
/// in the document and in the evidence, and listed in the record.
public struct RecordBuilder: Sendable {
    /// The HMAC key for sensitive values; without one they are replaced by `[redacted]`.
    public var maskingKey: [UInt8]?
    /// SHA-256 of every rule-set file, computed once.
    private let ruleSetHashes: [String: String]
    /// The paths each rule-set file declares sensitive.
    private let sensitiveByFile: [String: [String]]

    public init(maskingKey: [UInt8]?, library: RuleLibrary) {
        self.maskingKey = maskingKey
        var hashes: [String: String] = [:]
        var sensitive: [String: [String]] = [:]
        for set in library.ruleSets {
            hashes[set.file] = FileHash.sha256(path: set.file) ?? "unreadable"
            sensitive[set.file] = set.sensitive
        }
        ruleSetHashes = hashes
        sensitiveByFile = sensitive
    }

    /// A record of one checked decision.
    /// - Parameters:
    ///   - raw: the decision file's bytes, for the raw hash.
    ///   - document: the decision as read (nil when it could not be read).
    public func draft(_ result: DecisionResult, raw: [UInt8]?, document: YAMLNode?, event: String) -> RecordDraft {
        let sensitive = result.ruleSets.flatMap { ([$0] + $0.extends).flatMap { sensitiveByFile[$0.file] ?? [] } }
        var masked: [String] = []
        var secrets: [String] = []
        let plainDoc = document.map(DocumentJSON.value)
        let doc = plainDoc.map { mask($0, path: "", sensitive: sensitive, masked: &masked, secrets: &secrets) } ?? .null
        // Messages and diagnostics may quote a sensitive value: every occurrence is masked there too.
        let scrub = { (text: String?) -> JSONValue in
            guard var t = text else { return .null }
            for secret in secrets where !secret.isEmpty {
                if case .string(let m) = self.maskValue(secret) { t = t.replacingOccurrences(of: secret, with: m) }
            }
            return .string(t)
        }
        var decision: [(String, JSONValue)] = [
            ("file", .string(result.file)),
            ("kind", optional(result.kind)),
            ("id", optional(result.id)),
            ("date", optional(result.date)),
            ("unit", optional(result.unit)),
            ("sha256_raw", raw.map { .string(AuditHex.sha256($0)) } ?? .null),
            ("sha256_canonical", plainDoc.map { .string(AuditHex.sha256(Canonical.bytes($0))) } ?? .null),
            ("document", doc),
        ]
        decision.append(("masked_paths", .array(masked.map(JSONValue.string))))
        decision.append(("masking", .string(maskingKey == nil ? "redacted" : "hmac-sha256")))
        let ruleSets = result.ruleSets.map { a -> JSONValue in
            var entry: [(String, JSONValue)] = [
                ("id", .string(a.id)), ("version", .string(a.version)), ("file", .string(a.file)),
                ("sha256", .string(ruleSetHashes[a.file] ?? FileHash.sha256(path: a.file) ?? "unreadable")),
            ]
            // A set that extends others names each parent applied with it, hashed like the set itself.
            if !a.extends.isEmpty {
                let parents = a.extends.map { p -> JSONValue in
                    .object([
                        ("id", .string(p.id)), ("version", .string(p.version)), ("file", .string(p.file)),
                        ("sha256", .string(ruleSetHashes[p.file] ?? FileHash.sha256(path: p.file) ?? "unreadable")),
                    ])
                }
                entry.append(("extends", .array(parents)))
            }
            return .object(entry)
        }
        let outcomes = result.results.map { r -> JSONValue in
            .object([
                ("rule_set", .string(r.ruleSet)), ("rule", .string(r.ruleID)), ("outcome", .string(r.outcome.rawValue)),
                ("severity", .string(r.severity.rawValue)), ("cite", .string(r.cite)), ("message", scrub(r.message)),
                ("error", scrub(r.error)),
                (
                    "evidence",
                    .array(
                        r.evidence.map { e in
                            let hidden = sensitive.contains {
                                e.path == $0 || e.path.hasPrefix($0 + ".") || e.path == "decision." + $0
                            }
                            return .object([
                                ("path", .string(e.path)),
                                (
                                    "value",
                                    hidden ? maskValue(ValueText.literal(e.value)) : .string(ValueText.literal(e.value))
                                ),
                            ])
                        })
                ),
            ])
        }
        let errors = result.diagnostics.map { d -> JSONValue in
            .object([
                ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", scrub(d.message)),
                ("location", optional(d.location?.description)),
            ])
        }
        return RecordDraft(
            event: event, kind: result.kind, decisionID: result.id, decisionDate: result.date, unit: result.unit,
            verdict: result.verdict.rawValue,
            body: [
                ("decision", .object(decision)), ("rule_sets", .array(ruleSets)),
                ("verdict", .string(result.verdict.rawValue)),
                ("outcomes", .array(outcomes)), ("diagnostics", .array(errors)),
            ])
    }

    private func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Replaces the values at sensitive paths (list indices ignored: `a.b` matches `a[3].b`).
    private func mask(
        _ value: JSONValue, path: String, sensitive: [String], masked: inout [String], secrets: inout [String]
    ) -> JSONValue {
        if !path.isEmpty, sensitive.contains(Self.withoutIndices(path)) {
            masked.append(path)
            let text = Canonical.string(value)
            secrets.append(text)
            return maskValue(text)
        }
        switch value {
        case .object(let members):
            return .object(
                members.map { k, v in
                    (
                        k,
                        mask(
                            v, path: path.isEmpty ? k : path + "." + k, sensitive: sensitive, masked: &masked,
                            secrets: &secrets)
                    )
                })
        case .array(let items):
            return .array(
                items.enumerated().map { i, v in
                    mask(v, path: "\(path)[\(i)]", sensitive: sensitive, masked: &masked, secrets: &secrets)
                })
        default:
            return value
        }
    }

    private func maskValue(_ text: String) -> JSONValue {
        guard let key = maskingKey else { return .string("[redacted]") }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: key))
        return .string("hmac-sha256:" + AuditHex.encode(Array(mac)))
    }

    static func withoutIndices(_ path: String) -> String {
        var out = ""
        var skipping = false
        for c in path {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }
}

/// A decision document as JSON for the record: every scalar keeps its exact text (numbers as strings, so no
/// floating point ever enters a record), booleans and nulls as themselves.
enum DocumentJSON {
    static func value(_ node: YAMLNode) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            if s.style == .plain, s.coreType == .null { return .null }
            if s.style == .plain, s.coreType == .bool, let b = s.boolValue { return .bool(b) }
            return .string(s.text)
        case .sequence(let items): return .array(items.map(value))
        case .mapping(let pairs): return .object(pairs.map { ($0.key.scalar?.text ?? "", value($0.value)) })
        }
    }
}

/// Hex and hashing helpers.
public enum AuditHex {
    public static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: c - 48
            case 97...102: c - 87
            case 65...70: c - 55
            default: nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < u.count {
            guard let hi = nibble(u[i]), let lo = nibble(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func sha256(_ bytes: [UInt8]) -> String { encode(Array(SHA256.hash(data: bytes))) }
}

/// SHA-256 of files, for the rule sets a record names.
enum FileHash {
    static func sha256(path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return AuditHex.sha256(Array(data))
    }
}
