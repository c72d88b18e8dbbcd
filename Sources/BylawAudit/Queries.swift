import Bylaw
import BylawJSON

/// One row of `bylaw log list`.
public struct RecordSummary: Sendable {
    public var seq: Int64
    public var recordID: String
    public var recordedAt: String
    public var actor: String
    public var event: String
    public var kind: String?
    public var decisionID: String?
    public var decisionDate: String?
    public var unit: String?
    public var verdict: String
}

/// Filters for `bylaw log list`; nil means any.
public struct RecordFilter: Sendable {
    public var kind: String?
    public var unit: String?
    public var verdict: String?
    /// A rule id that failed in the record.
    public var failedRule: String?
    /// Decision dates, inclusive.
    public var from: String?
    public var to: String?
    public var actor: String?
    public var limit: Int = 100

    public init() {}
}

extension AuditStore {
    /// Records matching `filter`, newest first.
    public func list(_ filter: RecordFilter) throws(AuditStoreError) -> [RecordSummary] {
        var clauses: [String] = []
        var params: [String] = []
        func add(_ clause: String, _ value: String?) {
            guard let value else { return }
            clauses.append(clause)
            params.append(value)
        }
        add("kind = ?", filter.kind)
        // The unit or any unit below it: `u/…` is the range [`u/`, `u0`) since `0` follows `/`. A range, unlike
        // LIKE, reads the unit index and takes `_` and `%` in a unit literally.
        add("(unit = ? OR (unit >= ? || '/' AND unit < ? || '0'))", filter.unit)
        if let u = filter.unit { params += [u, u] }
        add("verdict = ?", filter.verdict)
        add("decision_date >= ?", filter.from)
        add("decision_date <= ?", filter.to)
        add("actor = ?", filter.actor)
        let whereSQL = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        // A failed rule is read from each record itself (which may be compressed), newest first, until the
        // limit is reached.
        let limit = max(1, filter.limit)
        // The stored body is read only to look for a failed rule.
        let stmt = try db.prepare(
            "SELECT seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict"
                + (filter.failedRule == nil ? "" : ", " + StoredBody.columns) + " FROM records" + whereSQL
                + " ORDER BY seq DESC" + (filter.failedRule == nil ? " LIMIT \(limit)" : ""))
        for (i, p) in params.enumerated() { stmt.bind(Int32(i + 1), p) }
        let decompressor = try filter.failedRule == nil ? nil : decompressor()
        var out: [RecordSummary] = []
        while out.count < limit, try stmt.step() {
            if let rule = filter.failedRule, let decompressor {
                let row = StoredBody(stmt, from: 10)
                let members: [UInt8]
                do {
                    members = try row.bodyMembers(using: decompressor)
                } catch {
                    throw Self.unreadable(row, error)
                }
                guard Self.failed(rule, in: members) else { continue }
            }
            out.append(
                RecordSummary(
                    seq: stmt.int(0), recordID: stmt.text(1) ?? "", recordedAt: stmt.text(2) ?? "",
                    actor: stmt.text(3) ?? "",
                    event: stmt.text(4) ?? "", kind: stmt.text(5), decisionID: stmt.text(6), decisionDate: stmt.text(7),
                    unit: stmt.text(8), verdict: stmt.text(9) ?? ""))
        }
        return out
    }

    /// The canonical bytes of one record, by sequence number or record id.
    public func canonical(of key: String) throws(AuditStoreError) -> [UInt8]? {
        let stmt: Database.Statement
        if let seq = Int64(key) {
            stmt = try db.prepare("SELECT \(StoredBody.columns) FROM records WHERE seq = ?")
            stmt.bind(1, seq)
        } else {
            stmt = try db.prepare("SELECT \(StoredBody.columns) FROM records WHERE record_id = ?")
            stmt.bind(1, key.lowercased())
        }
        guard try stmt.step() else { return nil }
        let row = StoredBody(stmt, from: 0)
        do {
            return try row.canonical(using: try decompressor())
        } catch {
            throw Self.unreadable(row, error)
        }
    }

    /// Calls `body` with every record's canonical bytes, oldest first (for `export`).
    public func forEachCanonical(_ body: ([UInt8]) -> Void) throws(AuditStoreError) {
        let stmt = try db.prepare("SELECT \(StoredBody.columns) FROM records ORDER BY seq")
        let decompressor = try decompressor()
        while try stmt.step() {
            let row = StoredBody(stmt, from: 0)
            do {
                body(try row.canonical(using: decompressor))
            } catch {
                throw Self.unreadable(row, error)
            }
        }
    }

    /// A stored record that cannot be put back together: `verify` says more.
    static func unreadable(_ row: StoredBody, _ error: AuditStoreError) -> AuditStoreError {
        AuditStoreError(.other, id: "store.record-unreadable-verify", String(row.seq), error.message)
    }

    /// Whether the record's outcomes include `rule` failed (`canonical`: the record, or its members as
    /// `StoredBody.bodyMembers` gives them). An outcome is written with its members in
    /// canonical order, where `rule` directly follows `outcome`; so within the record's top-level `outcomes`
    /// member, a failed `rule` is exactly the bytes `"outcome":"failed","rule":"ID"` followed by `,` or `}`.
    /// Those bytes cannot occur inside a string there (every quote in a string is escaped), so a byte search
    /// decides, without parsing the record.
    package static func failed(_ rule: String, in canonical: [UInt8]) -> Bool {
        guard let outcomes = CanonicalMembers.scan(canonical)?.first(where: { $0.name == "outcomes" })?.range else {
            return false
        }
        var pattern = Array(#""outcome":"failed","rule":"#.utf8)
        JCS.appendQuoted(rule, to: &pattern)
        return canonical.withUnsafeBufferPointer { b in
            let first = pattern[0]
            var i = outcomes.lowerBound
            let last = outcomes.upperBound - pattern.count
            while i < last {
                if b[i] == first,
                    b[i + pattern.count] == UInt8(ascii: ",") || b[i + pattern.count] == UInt8(ascii: "}"),
                    pattern.indices.allSatisfy({ b[i + $0] == pattern[$0] })
                {
                    return true
                }
                i += 1
            }
            return false
        }
    }
}
