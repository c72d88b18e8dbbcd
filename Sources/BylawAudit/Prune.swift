import Bylaw
import BylawJSON
import Foundation

/// A prune's statement that records 1…`throughSeq` were removed, and the chain hash they ended in, signed with the
/// checkpoint key: the chain that is left verifies from it.
public struct Cut: Sendable, Equatable {
    public var throughSeq: Int64
    public var chainHash: String
    public var cutAt: String
    /// Records recorded before this day were removed.
    public var before: String
    public var publicKey: String
    public var signature: String

    static func message(throughSeq: Int64, chainHash: String, cutAt: String, before: String) -> [UInt8] {
        Array(
            "bylaw-audit-cut-v1\nthrough_seq=\(throughSeq)\nchain_hash=\(chainHash)\ncut_at=\(cutAt)\nbefore=\(before)\n"
                .utf8)
    }

    /// Whether `key` signed this cut.
    public func isSigned(by key: CheckpointKey.Public) -> Bool {
        key.signed(
            Self.message(throughSeq: throughSeq, chainHash: chainHash, cutAt: cutAt, before: before),
            signature: signature, as: publicKey)
    }
}

extension AuditStore {
    /// The least number of days a record is kept: six months, as 《网络安全法》第二十一条 asks of network logs.
    public static let defaultMinimumRetentionDays = 184
    /// The event of the record a prune appends.
    public static let pruneEvent = "prune"

    /// The newest cut, if the store was ever pruned.
    func lastCut() throws(AuditStoreError) -> Cut? {
        guard format >= 4, try hasTable("cuts") else { return nil }
        let stmt = try db.prepare(
            "SELECT through_seq, chain_hash, cut_at, before, public_key, signature FROM cuts ORDER BY id DESC LIMIT 1")
        guard try stmt.step() else { return nil }
        return Cut(
            throughSeq: stmt.int(0), chainHash: AuditHex.encode(stmt.blob(1)), cutAt: stmt.text(2) ?? "",
            before: stmt.text(3) ?? "", publicKey: AuditHex.encode(stmt.blob(4)),
            signature: AuditHex.encode(stmt.blob(5)))
    }

    /// Whether the store has a table (a store of an older format lacks the newer ones).
    func hasTable(_ name: String) throws(AuditStoreError) -> Bool {
        let stmt = try db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
        stmt.bind(1, name)
        return try stmt.step()
    }

    /// Removes the oldest records, those recorded before `before` (a prefix of the chain: it stops at the first
    /// record that is not), keeping a signed cut from which the rest verifies, and appends a `prune` record
    /// saying so. Refused without a signing key, and for a day less than `minimumRetentionDays` before `today`.
    /// - Returns: the cut, nil when no record is old enough.
    @discardableResult
    public func prune(
        before: String, today: Date = Date(), minimumRetentionDays: Int = AuditStore.defaultMinimumRetentionDays,
        actor: String
    ) throws(AuditStoreError) -> Cut? {
        guard let signer else {
            throw AuditStoreError(.refused, id: "store.prune-needs-key")
        }
        guard minimumRetentionDays >= Self.defaultMinimumRetentionDays else {
            throw AuditStoreError(.refused, id: "store.prune-minimum", String(Self.defaultMinimumRetentionDays))
        }
        guard let cutoff = UTCStamp.parse(before + "T00:00:00.000Z") else {
            throw AuditStoreError(.refused, id: "store.prune-bad-date", before)
        }
        let youngest = today.addingTimeInterval(-Double(minimumRetentionDays) * 86_400)
        guard cutoff <= youngest else {
            throw AuditStoreError(
                .refused, id: "store.prune-too-young", String(minimumRetentionDays),
                String(UTCStamp.format(youngest).prefix(10)))
        }
        let stamp = UTCStamp.format(today)
        try db.execute("BEGIN IMMEDIATE")
        var cut: Cut?
        do {
            // The prefix of records recorded before the cutoff; a record out of time order ends it.
            let scan = try db.prepare("SELECT seq, recorded_at, chain_hash FROM records ORDER BY seq")
            let first = try lastCut().map { $0.throughSeq + 1 } ?? 1
            var through: (seq: Int64, chain: [UInt8])?
            let limit = UTCStamp.format(cutoff)
            while try scan.step() {
                guard let at = scan.text(1), at < limit else { break }
                through = (scan.int(0), scan.blob(2))
            }
            if let through, through.seq >= first {
                let chain = AuditHex.encode(through.chain)
                let signature = try signer.sign(
                    Cut.message(throughSeq: through.seq, chainHash: chain, cutAt: stamp, before: before))
                let insert = try db.prepare(
                    "INSERT INTO cuts (through_seq, chain_hash, cut_at, before, public_key, signature) VALUES (?, ?, ?, ?, ?, ?)"
                )
                insert.bind(1, through.seq)
                insert.bind(2, through.chain)
                insert.bind(3, stamp)
                insert.bind(4, before)
                insert.bind(5, signer.publicKey.raw)
                insert.bind(6, signature)
                _ = try insert.step()
                // The owner's one exception to append-only, inside the transaction that records the cut.
                try db.execute(
                    """
                    DROP TRIGGER IF EXISTS records_no_delete;
                    DELETE FROM records WHERE seq <= \(through.seq);
                    CREATE TRIGGER records_no_delete BEFORE DELETE ON records
                        BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
                    """)
                cut = Cut(
                    throughSeq: through.seq, chainHash: chain, cutAt: stamp, before: before,
                    publicKey: signer.publicKey.hex, signature: AuditHex.encode(signature))
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
        guard let cut else { return nil }
        let draft = RecordDraft(
            event: Self.pruneEvent, kind: nil, decisionID: nil, decisionDate: nil, unit: nil,
            verdict: RecordVerdicts.none,
            body: [
                (
                    "cut",
                    .object([
                        ("through_seq", .number(JSONNumber(cut.throughSeq))), ("chain_hash", .string(cut.chainHash)),
                        ("cut_at", .string(cut.cutAt)), ("before", .string(cut.before)),
                        ("public_key", .string(cut.publicKey)), ("signature", .string(cut.signature)),
                    ])
                )
            ])
        try append([draft], actor: actor, at: today)
        try signCheckpoint(at: today)
        return cut
    }
}
