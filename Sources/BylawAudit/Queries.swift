import Bylaw

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
        let stmt = try db.prepare(
            "SELECT seq, record_id, recorded_at, actor, event, kind, decision_id, decision_date, unit, verdict, "
                + StoredBody.columns + " FROM records" + whereSQL + " ORDER BY seq DESC"
                + (filter.failedRule == nil ? " LIMIT \(limit)" : ""))
        for (i, p) in params.enumerated() { stmt.bind(Int32(i + 1), p) }
        let decompressor = try filter.failedRule == nil ? nil : decompressor()
        var out: [RecordSummary] = []
        while out.count < limit, try stmt.step() {
            if let rule = filter.failedRule, let decompressor {
                let canonical = try StoredBody(stmt, from: 10).canonical(using: decompressor)
                guard Self.failed(rule, in: canonical) else { continue }
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
            throw AuditStoreError("record \(row.seq) cannot be read: \(error.message) (run `bylaw log verify`)")
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
                throw AuditStoreError("record \(row.seq) cannot be read: \(error.message) (run `bylaw log verify`)")
            }
        }
    }

    /// Whether the record's outcomes include `rule` failed.
    static func failed(_ rule: String, in canonical: [UInt8]) -> Bool {
        guard case .object(let members) = try? JSONValue.parse(canonical),
            case .array(let outcomes)? = members.first(where: { $0.0 == "outcomes" })?.1
        else { return false }
        return outcomes.contains { o in
            guard case .object(let fields) = o else { return false }
            return fields.contains { $0 == ("rule", .string(rule)) }
                && fields.contains { $0 == ("outcome", .string("failed")) }
        }
    }
}
