import Bylaw
internal import Crypto
import Foundation

/// A signed statement that the store held `seq` records ending in `chainHash` at `signedAt`. Kept in the store
/// and, exported, somewhere else: a verifier with only the public key then detects a store whose tail was cut
/// off or rewritten, without any head kept by hand.
public struct Checkpoint: Sendable, Equatable {
    public var seq: Int64
    /// The chain hash of record `seq`, in lowercase hex.
    public var chainHash: String
    /// UTC time, `2026-11-24T19:05:03.123Z`.
    public var signedAt: String
    /// The Ed25519 public key that signed it, in hex.
    public var publicKey: String
    /// The Ed25519 signature of `message`, in hex.
    public var signature: String

    public init(seq: Int64, chainHash: String, signedAt: String, publicKey: String, signature: String) {
        self.seq = seq
        self.chainHash = chainHash
        self.signedAt = signedAt
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The exact bytes signed: a fixed text with every field on its own line, so no two checkpoints share them.
    public static func message(seq: Int64, chainHash: String, signedAt: String) -> [UInt8] {
        Array("bylaw-audit-checkpoint-v1\nseq=\(seq)\nchain_hash=\(chainHash)\nsigned_at=\(signedAt)\n".utf8)
    }

    /// A checkpoint of record `seq` whose chain hash is `chain`, signed now by `signer`.
    public static func signed(seq: Int64, chain: [UInt8], at time: Date, by signer: CheckpointKey.Private)
        throws(AuditStoreError) -> Checkpoint
    {
        let stamp = UTCStamp.format(time)
        let chainHex = AuditHex.encode(chain)
        let signature = try signer.sign(message(seq: seq, chainHash: chainHex, signedAt: stamp))
        return Checkpoint(
            seq: seq, chainHash: chainHex, signedAt: stamp, publicKey: signer.publicKey.hex,
            signature: AuditHex.encode(signature))
    }

    /// Whether an append that ends at record `seq` at `time` writes a checkpoint, the last one being `last`:
    /// when `AuditStore.checkpointEvery` records or `checkpointInterval` seconds have passed since it.
    public static func isDue(seq: Int64, at time: Date, last: (seq: Int64, signedAt: String)?) -> Bool {
        guard seq > 0 else { return false }
        guard let last else { return seq >= AuditStore.checkpointEvery }
        let elapsed = time.timeIntervalSince(UTCStamp.parse(last.signedAt) ?? .distantPast)
        return seq - last.seq >= AuditStore.checkpointEvery
            || (seq > last.seq && elapsed >= AuditStore.checkpointInterval)
    }

    /// Whether `key` signed this checkpoint.
    public func isSigned(by key: CheckpointKey.Public) -> Bool {
        key.signed(
            Self.message(seq: seq, chainHash: chainHash, signedAt: signedAt), signature: signature, as: publicKey)
    }

    /// One line of `bylaw log checkpoint export`: canonical JSON.
    public var jsonLine: String {
        "{\"chain_hash\":\"\(chainHash)\",\"public_key\":\"\(publicKey)\",\"seq\":\(seq),\"signature\":\"\(signature)\","
            + "\"signed_at\":\"\(signedAt)\"}"
    }

    /// Reads checkpoints exported as JSON Lines; a line that is not one is an error naming the line.
    public static func parse(jsonLines text: String) throws(AuditStoreError) -> [Checkpoint] {
        var out: [Checkpoint] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let seq = (object["seq"] as? NSNumber)?.int64Value, let chain = object["chain_hash"] as? String,
                let signedAt = object["signed_at"] as? String, let key = object["public_key"] as? String,
                let signature = object["signature"] as? String
            else {
                throw AuditStoreError(.refused, id: "store.checkpoint-line", String(n + 1))
            }
            out.append(
                Checkpoint(seq: seq, chainHash: chain, signedAt: signedAt, publicKey: key, signature: signature))
        }
        return out
    }
}

/// The Ed25519 keys of checkpoints, in text files: `ed25519-private:<64 hex digits>` (kept secret, read by the
/// writer) and `ed25519-public:<64 hex digits>` (handed to verifiers).
public enum CheckpointKey {
    /// The writer's key.
    public struct Private: Sendable {
        // The raw 32-byte seed: swift-crypto's key types are not `Sendable`, bytes are.
        private let raw: [UInt8]
        private var key: Curve25519.Signing.PrivateKey? { try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) }
        public var publicKey: Public {
            // A seed that was accepted once always gives a key.
            Public(raw: key.map { Array($0.publicKey.rawRepresentation) } ?? [])
        }

        /// A new random key.
        public init() { raw = Array(Curve25519.Signing.PrivateKey().rawRepresentation) }

        public init(text: String) throws(AuditStoreError) {
            guard let raw = CheckpointKey.value(text, prefix: "ed25519-private:"),
                (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
            else {
                throw AuditStoreError(.refused, id: "store.not-signing-key")
            }
            self.raw = raw
        }

        public var text: String { "ed25519-private:" + AuditHex.encode(raw) + "\n" }

        func sign(_ message: [UInt8]) throws(AuditStoreError) -> [UInt8] {
            do {
                guard let key else { throw AuditStoreError(.other, id: "store.signing-key-invalid") }
                return Array(try key.signature(for: message))
            } catch let e as AuditStoreError {
                throw e
            } catch {
                throw AuditStoreError(.other, id: "store.cannot-sign", "\(error)")
            }
        }
    }

    /// A verifier's key.
    public struct Public: Sendable {
        let raw: [UInt8]
        var key: Curve25519.Signing.PublicKey? { try? Curve25519.Signing.PublicKey(rawRepresentation: raw) }

        init(raw: [UInt8]) { self.raw = raw }

        public init(text: String) throws(AuditStoreError) {
            guard let raw = CheckpointKey.value(text, prefix: "ed25519-public:"),
                (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
            else {
                throw AuditStoreError(.refused, id: "store.not-public-key")
            }
            self.raw = raw
        }

        public var hex: String { AuditHex.encode(raw) }

        /// Whether this key made `signature` (hex) over `message`, and is the key named `claimed` (hex).
        func signed(_ message: [UInt8], signature: String, as claimed: String) -> Bool {
            guard let sig = AuditHex.decode(signature), AuditHex.decode(claimed) == raw, let key else { return false }
            return key.isValidSignature(sig, for: message)
        }
        public var text: String { "ed25519-public:" + hex + "\n" }
    }

    static func value(_ text: String, prefix: String) -> [UInt8]? {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix(prefix), let raw = AuditHex.decode(String(line.dropFirst(prefix.count))), raw.count == 32
        else { return nil }
        return raw
    }
}

/// What a `check` gets back for each record: where it is in the trail, and the hashes that prove it.
public struct Receipt: Sendable, Equatable {
    public var seq: Int64
    public var recordID: String
    /// SHA-256 of the record's canonical bytes (with the leaf prefix), hex.
    public var leafHash: String
    /// The chain hash after the record, hex.
    public var chainHash: String

    public init(seq: Int64, recordID: String, leafHash: String, chainHash: String) {
        self.seq = seq
        self.recordID = recordID
        self.leafHash = leafHash
        self.chainHash = chainHash
    }

    /// `SEQ:LEAF:CHAIN`, what `bylaw log verify --receipt` takes.
    public var text: String { "\(seq):\(leafHash):\(chainHash)" }

    public init?(text: String) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64, parts[2].count == 64,
            AuditHex.decode(parts[1]) != nil, AuditHex.decode(parts[2]) != nil
        else { return nil }
        self.init(seq: seq, recordID: "", leafHash: parts[1].lowercased(), chainHash: parts[2].lowercased())
    }
}

/// A chain head kept outside the store (`SEQ:HASH`, as `bylaw log head` prints it), read strictly: a sequence
/// number from 0 and the whole 64-digit hash. An abbreviated or mistyped head is refused where it is given, so
/// that it is never reported as a rewritten chain (nor, read loosely, as a chain that matches it).
public enum KeptHead {
    public static func parse(_ text: String) -> (seq: Int64, hash: String)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let seq = Int64(parts[0]), seq >= 0, parts[1].utf8.count == 64,
            AuditHex.decode(String(parts[1])) != nil
        else { return nil }
        return (seq, parts[1].lowercased())
    }
}

extension AuditStore {
    /// How many records may pass, and how much time, before an append writes a checkpoint.
    public static let checkpointEvery: Int64 = 1_000
    public static let checkpointInterval: TimeInterval = 300

    /// Every checkpoint in the store, oldest first (none in a store of format 3).
    public func checkpoints() throws(AuditStoreError) -> [Checkpoint] {
        guard format >= 4, try hasTable("checkpoints") else { return [] }
        let stmt = try db.prepare(
            "SELECT seq, chain_hash, signed_at, public_key, signature FROM checkpoints ORDER BY id")
        var out: [Checkpoint] = []
        while try stmt.step() {
            out.append(
                Checkpoint(
                    seq: stmt.int(0), chainHash: AuditHex.encode(stmt.blob(1)), signedAt: stmt.text(2) ?? "",
                    publicKey: AuditHex.encode(stmt.blob(3)), signature: AuditHex.encode(stmt.blob(4))))
        }
        return out
    }

    /// Writes a checkpoint of the head now, unless the newest one already vouches for it or the store is empty
    /// (a clean end of a run). Needs `signer`.
    @discardableResult
    public func signCheckpoint(at time: Date = Date()) throws(AuditStoreError) -> Checkpoint? {
        guard let signer else { return nil }
        try db.execute("BEGIN IMMEDIATE")
        do {
            let head = try head()
            var written: Checkpoint?
            if head.seq > 0, try lastCheckpoint()?.seq != head.seq {
                written = try insertCheckpoint(seq: head.seq, chain: head.chainHash, time: time, signer: signer)
            }
            try db.execute("COMMIT")
            return written
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Inside an append's transaction: a checkpoint when 1,000 records or 5 minutes have passed since the last.
    func checkpointIfDue(seq: Int64, chain: [UInt8], time: Date) throws(AuditStoreError) {
        guard let signer, Checkpoint.isDue(seq: seq, at: time, last: try lastCheckpoint()) else { return }
        try insertCheckpoint(seq: seq, chain: chain, time: time, signer: signer)
    }

    private func lastCheckpoint() throws(AuditStoreError) -> (seq: Int64, signedAt: String)? {
        let stmt = try db.prepare("SELECT seq, signed_at FROM checkpoints ORDER BY id DESC LIMIT 1")
        return try stmt.step() ? (stmt.int(0), stmt.text(1) ?? "") : nil
    }

    @discardableResult
    private func insertCheckpoint(seq: Int64, chain: [UInt8], time: Date, signer: CheckpointKey.Private)
        throws(AuditStoreError) -> Checkpoint
    {
        let c = try Checkpoint.signed(seq: seq, chain: chain, at: time, by: signer)
        let insert = try db.prepare(
            "INSERT INTO checkpoints (seq, chain_hash, signed_at, public_key, signature) VALUES (?, ?, ?, ?, ?)")
        insert.bind(1, seq)
        insert.bind(2, chain)
        insert.bind(3, c.signedAt)
        insert.bind(4, signer.publicKey.raw)
        insert.bind(5, AuditHex.decode(c.signature) ?? [])
        _ = try insert.step()
        return c
    }

    /// The receipt of record `seq`, nil when there is none.
    public func receipt(seq: Int64) throws(AuditStoreError) -> Receipt? {
        let stmt = try db.prepare("SELECT record_id, leaf_hash, chain_hash FROM records WHERE seq = ?")
        stmt.bind(1, seq)
        guard try stmt.step() else { return nil }
        return Receipt(
            seq: seq, recordID: stmt.text(0) ?? "", leafHash: AuditHex.encode(stmt.blob(1)),
            chainHash: AuditHex.encode(stmt.blob(2)))
    }
}

extension AuditStore {
    /// `verify`, then each checkpoint and receipt against the verified chain. Checkpoints must all be signed by
    /// `publicKey`: one signed by any other key is a problem in itself, never ignored. With no checkpoints
    /// given but a key, the store's own checkpoints are checked.
    public func verify(
        expectHead: (seq: Int64, hash: String)? = nil, checkpoints given: [Checkpoint]?,
        publicKey: CheckpointKey.Public?, receipt: Receipt? = nil
    ) throws(AuditStoreError) -> VerifyReport {
        var report = try verify(expectHead: expectHead)
        guard report.ok else { return report }
        if let publicKey {
            let checkpoints: [Checkpoint]
            if let given { checkpoints = given } else { checkpoints = try self.checkpoints() }
            try report.check(checkpoints, signedBy: publicKey, cut: try lastCut()) { (seq) throws(AuditStoreError) in
                try hashAt(seq: seq)
            }
        }
        if let receipt { try report.check(receipt, in: self) }
        return report
    }
}

extension VerifyReport {
    /// Checks signed checkpoints against a verified chain: each must be signed by `publicKey` (one signed by
    /// any other key is a problem in itself, never ignored), must not vouch for records past the head, and must
    /// name the chain hash the trail has at its record. Below a signed `cut` (records pruned) the cut vouches.
    /// - Parameter chainHashAt: the trail's chain hash at a sequence number, in lowercase hex.
    public mutating func check(
        _ checkpoints: [Checkpoint], signedBy publicKey: CheckpointKey.Public, cut: Cut?,
        chainHashAt: (Int64) throws(AuditStoreError) -> String?
    ) throws(AuditStoreError) {
        guard ok else { return }
        self.checkpoints = checkpoints.count
        if let cut, !cut.isSigned(by: publicKey) {
            problem = (
                cut.throughSeq,
                "the cut that removed records 1–\(cut.throughSeq) is not signed by the given public key"
            )
            return
        }
        for c in checkpoints {
            guard c.isSigned(by: publicKey) else {
                problem = (
                    c.seq,
                    "the checkpoint at record \(c.seq) (signed \(c.signedAt)) is not signed by the given public "
                        + "key: it is forged or from another key"
                )
                return
            }
            // Below a signed cut: those records are gone, and the cut vouches for where they ended.
            if c.seq < prunedThrough { continue }
            if c.seq == prunedThrough {
                if cut?.chainHash != c.chainHash.lowercased() {
                    problem = (c.seq, "the cut's chain hash differs from the checkpoint signed \(c.signedAt)")
                    return
                }
                continue
            }
            if c.seq > headSeq {
                problem = (
                    headSeq + 1,
                    "the store ends at \(headSeq) but a signed checkpoint of \(c.signedAt) vouches for "
                        + "record \(c.seq): records were removed"
                )
                return
            }
            if try chainHashAt(c.seq) != c.chainHash.lowercased() {
                problem = (
                    c.seq,
                    "the chain hash at record \(c.seq) differs from the checkpoint signed \(c.signedAt): "
                        + "the records were rewritten"
                )
                return
            }
        }
    }

    /// Checks `receipt` against the verified chain of `trail`: its record must be there with the receipt's leaf
    /// and chain hashes. A receipt of a pruned record is a note, not a problem: only the signed cut vouches for
    /// it. Call it on a report whose chain verified.
    public mutating func check(_ receipt: Receipt, in trail: some AuditTrail) throws(AuditStoreError) {
        guard ok else { return }
        // A record appended after the verified snapshot is not vouched for by this verification.
        guard receipt.seq <= headSeq else {
            problem = (receipt.seq, "there is no record \(receipt.seq) in the verified chain, which ends at \(headSeq)")
            return
        }
        if receipt.seq <= prunedThrough {
            notes.append(
                "record \(receipt.seq) was pruned: only the signed cut through \(prunedThrough) vouches for it")
            return
        }
        guard let stored = try trail.receipt(seq: receipt.seq) else {
            problem = (receipt.seq, "there is no record \(receipt.seq): the receipt's record is missing")
            return
        }
        if stored.leafHash != receipt.leafHash || stored.chainHash != receipt.chainHash {
            problem = (receipt.seq, "record \(receipt.seq) is not the one the receipt was given for: its hashes differ")
        }
    }
}

extension AuditStore {
    /// Writes a consistent copy of the whole store (records, dictionaries, checkpoints) to `destination`, a path
    /// that must not exist yet, then verifies the copy on its own.
    /// - Returns: the copy's verification.
    public func backup(to destination: String) throws(AuditStoreError) -> VerifyReport {
        var info = stat()
        if lstat(destination, &info) == 0 {
            throw AuditStoreError(.refused, id: "store.backup-exists", destination)
        }
        do {
            let copy = try Database(path: destination, busyTimeoutMillis: busyTimeoutMillis)
            try db.backup(into: copy)
            // The copy stands alone: one file, no log beside it.
            try copy.execute("PRAGMA journal_mode=DELETE")
        }
        return try AuditStore(readingAt: destination).verify()
    }
}
