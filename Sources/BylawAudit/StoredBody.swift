import Bylaw

/// One row's record as stored: its body, how the body is kept, and the columns a compressed body leaves
/// the store fields to.
struct StoredBody: Sendable {
    var seq: Int64
    var codec: Int64
    var body: [UInt8]
    var dictionary: Int64?
    var recordID: String?
    var recordedAt: String?
    var previousChainHash: [UInt8]?

    /// The columns to select, in the order `init(_:from:)` reads them.
    static let columns = "seq, codec, body, dictionary, record_id, recorded_at, previous_chain_hash"

    init(
        seq: Int64, codec: Int64, body: [UInt8], dictionary: Int64?, recordID: String?, recordedAt: String?,
        previousChainHash: [UInt8]?
    ) {
        self.seq = seq
        self.codec = codec
        self.body = body
        self.dictionary = dictionary
        self.recordID = recordID
        self.recordedAt = recordedAt
        self.previousChainHash = previousChainHash
    }

    init(_ stmt: Database.Statement, from first: Int32) {
        seq = stmt.int(first)
        codec = stmt.int(first + 1)
        body = stmt.blob(first + 2)
        dictionary = stmt.optionalInt(first + 3)
        recordID = stmt.text(first + 4)
        recordedAt = stmt.text(first + 5)
        previousChainHash = stmt.optionalBlob(first + 6)
    }

    /// A canonical JSON object holding every member of the record but perhaps the four store fields: the
    /// record itself, or its compressed form decompressed. Enough to search the record's body (its outcomes)
    /// without putting the whole record back together.
    func bodyMembers(using decompressor: RecordDecompressor) throws(AuditStoreError) -> [UInt8] {
        switch BodyCodec(rawValue: codec) {
        case .canonical: return body
        case .zstd:
            guard let dictionary else { throw AuditStoreError("its compressed body lacks a column it needs") }
            return try decompressor.decompress(body, dictionary: dictionary)
        case nil: throw AuditStoreError("its body codec \(codec) is unknown")
        }
    }

    /// The record's canonical bytes, or why they cannot be put back together.
    func canonical(using decompressor: RecordDecompressor) throws(AuditStoreError) -> [UInt8] {
        let members = try bodyMembers(using: decompressor)
        guard codec == BodyCodec.zstd.rawValue else { return members }
        let fields = try storeFields()
        guard let (layout, _) = StoredLayout.reading(members) else { throw Self.notAnObject }
        return layout.canonical(of: members, fields: fields)
    }

    /// A compressed body's store fields, from the columns that keep them.
    func storeFields() throws(AuditStoreError) -> StoreFields {
        guard let recordID, let recordedAt, let previousChainHash, previousChainHash.count == 32 else {
            throw Self.lacksColumn
        }
        return StoreFields(seq: seq, recordID: recordID, recordedAt: recordedAt, previousChainHash: previousChainHash)
    }

    /// Why a compressed body cannot be put back together: a column holding a store field is missing.
    static let lacksColumn = AuditStoreError("its compressed body lacks a column it needs")

    /// Why decompressed members cannot be a record (`StoredLayout.reading` found no canonical object).
    static let notAnObject = AuditStoreError("its stored body is not a canonical object")
}

extension AuditStore {
    /// Every stored dictionary's content, by id.
    func dictionaries() throws(AuditStoreError) -> [Int64: [UInt8]] {
        let stmt = try db.prepare("SELECT id, content FROM dictionaries")
        var out: [Int64: [UInt8]] = [:]
        while try stmt.step() { out[stmt.int(0)] = stmt.blob(1) }
        return out
    }

    /// A decompressor over the dictionaries stored now.
    func decompressor() throws(AuditStoreError) -> RecordDecompressor {
        try RecordDecompressor(dictionaries: try dictionaries())
    }
}
