import Bylaw
import BylawBatch
import BylawJSON
internal import Crypto

/// SHA-256 of every input file of a batch run, computed from the bytes as they are read, and, with a masking
/// key, their HMAC: a run whose inputs may hold sensitive values keeps only the keyed digest (or none), since a
/// plain hash of a file would confirm a guess of one value given the rest, which the trail keeps in clear.
public final class InputDigests: InputObserver {
    /// One input file: its path, size, hash and keyed hash.
    public struct Entry: Sendable {
        public var file: String
        public var bytes: Int
        public var sha256: String
        /// `hmac-sha256:<hex>` with the masking key; nil without one.
        public var mac: String?

        /// What a record keeps of it: the plain hash, or for inputs that may hold sensitive values the keyed one,
        /// `[redacted]` without a key.
        public func digest(sensitive: Bool) -> String { sensitive ? (mac ?? "[redacted]") : sha256 }
    }

    public private(set) var entries: [Entry] = []
    private var hasher = SHA256()
    private var mac: HMAC<SHA256>?
    private var count = 0
    private let key: SymmetricKey?

    public init(key: [UInt8]? = nil) { self.key = key.map { SymmetricKey(data: $0) } }

    public func begin(file: String) {
        hasher = SHA256()
        mac = key.map { HMAC<SHA256>(key: $0) }
        count = 0
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        mac?.update(data: bytes)
        count += bytes.count
    }

    public func end(file: String) {
        entries.append(
            Entry(
                file: file, bytes: count, sha256: AuditHex.encode(Array(hasher.finalize())),
                mac: mac.map { "hmac-sha256:" + AuditHex.encode(Array($0.finalize())) }))
    }
}

/// The record of a whole `bylaw audit` run (event `audit-run`), appended after the records of its decisions:
/// what was read (each input's SHA-256), with which rule sets, and what was found (counts by verdict).
public enum RunRecord {
    /// The event name of a run record; each decision of the run is recorded with event `audit`.
    public static let event = "audit-run"
    /// The event of the record of a run stopped before the end of its input (cancelled by its client, or by the
    /// service shutting down): the same members, counting the records it recorded.
    public static let cancelledEvent = "audit-cancelled"

    /// - Parameters:
    ///   - counts: records by verdict.
    ///   - seqs: the sequence numbers of the run's decision records, first and last (nil when there were none).
    ///   - event: `event`, or `cancelledEvent` for a run stopped early.
    public static func draft(
        inputs: [String], digests: [InputDigests.Entry], library: RuleLibrary, asOf: String?,
        counts: [Verdict: Int], seqs: (first: Int64, last: Int64)?, sensitive: Bool = false, event: String = event
    ) -> RecordDraft {
        let worst = Verdict.allCases.first { (counts[$0] ?? 0) > 0 } ?? .compliant
        let total = counts.values.reduce(0, +)
        let files = digests.map { d -> JSONValue in
            .object([
                ("file", .string(d.file)), ("bytes", .number(JSONNumber(d.bytes))),
                ("sha256", .string(d.digest(sensitive: sensitive))),
            ])
        }
        let ruleSets = library.ruleSets.map { set -> JSONValue in
            .object([
                ("id", .string(set.id)), ("version", .string(set.version)), ("file", .string(set.file)),
                ("sha256", .string(FileHash.sha256(of: set.file, in: library))),
                ("sha256_canonical", .string(FileHash.canonicalSHA256(of: set.file, in: library))),
            ])
        }
        let verdicts = Verdict.allCases.map { ($0.rawValue, JSONValue.number(JSONNumber(counts[$0] ?? 0))) }
        let run: [(String, JSONValue)] = [
            ("inputs", .array(inputs.map(JSONValue.string))),
            ("files", .array(files)),
            ("as_of", asOf.map(JSONValue.string) ?? .null),
            ("rule_sets", .array(ruleSets)),
            ("records", .number(JSONNumber(total))),
            ("verdicts", .object(verdicts)),
            ("first_seq", seqs.map { .number(JSONNumber($0.first)) } ?? .null),
            ("last_seq", seqs.map { .number(JSONNumber($0.last)) } ?? .null),
        ]
        return RecordDraft(
            event: event, kind: nil, decisionID: nil, decisionDate: nil, unit: nil, verdict: worst.rawValue,
            body: [("run", .object(run))])
    }
}
