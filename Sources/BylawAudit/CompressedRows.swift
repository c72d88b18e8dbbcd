import Foundation

/// A record kept compressed by a backend other than SQLite, as `AuditStore` keeps it: the Zstandard body of
/// every member but the four store fields, against a dictionary trained on the batch's first records.
package struct CompressedBody: Sendable {
    package var bytes: [UInt8]
    /// SHA-256 of the dictionary: how a backend names it.
    package var dictionarySHA256: [UInt8]
    package var dictionary: [UInt8]
}

extension ChainWriter.Row {
    /// The record's body as a backend that keeps compressed bodies stores it: the compressed body when the
    /// writer kept one, else the canonical bytes.
    package var storedBody: [UInt8] { compressed?.bytes ?? canonical }
}

/// Puts compressed records back together for a backend other than SQLite: their canonical bytes, or their
/// members without the store fields (enough to search a record's outcomes). One per reading thread.
package final class CompressedRecordReader {
    private var ids: [[UInt8]: Int64] = [:]
    private var contents: [Int64: [UInt8]] = [:]
    private var decompressor: RecordDecompressor?

    package init() {}

    /// Whether the dictionary with this SHA-256 is known already.
    package func knows(_ sha256: [UInt8]) -> Bool { ids[sha256] != nil }

    /// Adds a dictionary the backend keeps.
    package func add(sha256: [UInt8], content: [UInt8]) {
        guard ids[sha256] == nil else { return }
        let id = Int64(ids.count + 1)
        ids[sha256] = id
        contents[id] = content
        decompressor = nil
    }

    private func body(
        seq: Int64, compressed: [UInt8], dictionary sha256: [UInt8]?, recordID: String? = nil,
        recordedAt: String? = nil,
        previousChainHash: [UInt8]? = nil
    ) throws(AuditStoreError) -> (StoredBody, RecordDecompressor) {
        guard let sha256, let id = ids[sha256] else {
            throw AuditStoreError(.corrupt, id: "store.record-no-dictionary", String(seq))
        }
        let d: RecordDecompressor
        if let existing = decompressor {
            d = existing
        } else {
            d = try RecordDecompressor(dictionaries: contents)
            decompressor = d
        }
        return (
            StoredBody(
                seq: seq, codec: BodyCodec.zstd.rawValue, body: compressed, dictionary: id, recordID: recordID,
                recordedAt: recordedAt, previousChainHash: previousChainHash), d
        )
    }

    /// The canonical bytes of a compressed record with these store fields.
    package func canonical(
        seq: Int64, compressed: [UInt8], dictionary sha256: [UInt8]?, recordID: String, recordedAt: String,
        previousChainHash: [UInt8]
    ) throws(AuditStoreError) -> [UInt8] {
        let (stored, d) = try body(
            seq: seq, compressed: compressed, dictionary: sha256, recordID: recordID, recordedAt: recordedAt,
            previousChainHash: previousChainHash)
        do {
            return try stored.canonical(using: d)
        } catch {
            throw AuditStoreError(.corrupt, id: "store.record-unreadable", String(seq), error.message)
        }
    }

    /// The members of a compressed record but its store fields, as a canonical object.
    package func members(seq: Int64, compressed: [UInt8], dictionary sha256: [UInt8]?) throws(AuditStoreError)
        -> [UInt8]
    {
        let (stored, d) = try body(seq: seq, compressed: compressed, dictionary: sha256)
        do {
            return try stored.bodyMembers(using: d)
        } catch {
            throw AuditStoreError(.corrupt, id: "store.record-unreadable", String(seq), error.message)
        }
    }
}
