import Bylaw
internal import CZstd
internal import Crypto

/// How a row's `body` column holds its record.
///
/// A record is its canonical bytes (RFC 8785), and those are what is hashed, shown and exported. A batch
/// writes millions of records of several kilobytes, most of it the same citations, rule ids and member names
/// every time, so the store may keep a record compressed: everything but the four fields the store itself
/// assigns on append (`seq`, `record_id`, `recorded_at`, `previous_chain_hash`, which the row has in columns
/// of their own) as one canonical JSON object, compressed with Zstandard against a dictionary kept in the
/// store (`RecordCompressor`). Reading puts the canonical bytes back together exactly; `verify` hashes what it put back, so a
/// changed dictionary, body or column shows as a broken record like any other edit.
public enum BodyCodec: Int64, Sendable {
    /// The canonical bytes as they are.
    case canonical = 0
    /// Zstandard, against the dictionary in the row's `dictionary` column, of the record without its store
    /// fields.
    case zstd = 1
}

/// Compresses record bodies against a dictionary trained on the first records of a batch.
///
/// A batch's records repeat the same citations, rule ids, member names and most values; a dictionary of
/// 16 KiB trained (Zstandard's `ZDICT`) on a few hundred of them makes the rest about a tenth of their size,
/// and makes compressing them fast. The dictionary is stored with the first record compressed against it.
/// One compressor is shared by every worker of a batch; each worker brings its own `CompressionContext`.
public final class RecordCompressor: @unchecked Sendable {
    // INVARIANT: `dictionary` is created in init, never changed, freed in deinit. Zstandard allows one
    // prepared dictionary to be used by many compression contexts on many threads at once.
    private let dictionary: OpaquePointer
    /// The dictionary's bytes, as stored.
    let content: [UInt8]
    let sha256: [UInt8]

    /// Level 1: the fastest; with a trained dictionary, higher levels win little and cost every record.
    static let level: Int32 = 1
    static let dictionarySize = 16 << 10
    /// Records sampled for training, at most.
    static let samples = 128

    /// A compressor trained on the stored forms of `drafts` as `actor` would append them; nil when there
    /// are too few records (or too little in them) to train on.
    public convenience init?(trainingOn drafts: [RecordDraft], actor: String) {
        var buffer: [UInt8] = []
        var sizes: [Int] = []
        for draft in drafts.prefix(Self.samples) {
            guard let form = StoredForm(draft: draft, actor: actor) else { continue }
            buffer += form.stored
            sizes.append(form.stored.count)
        }
        guard sizes.count >= 8 else { return nil }
        var dictionary = [UInt8](repeating: 0, count: Self.dictionarySize)
        let n = dictionary.withUnsafeMutableBytes { d in
            buffer.withUnsafeBytes { b in
                ZDICT_trainFromBuffer(d.baseAddress, d.count, b.baseAddress, sizes, UInt32(sizes.count))
            }
        }
        guard ZDICT_isError(n) == 0 else { return nil }
        self.init(content: Array(dictionary[..<n]))
    }

    /// A compressor over a given dictionary.
    init?(content: [UInt8]) {
        guard
            let d = content.withUnsafeBytes({
                ZSTD_createCDict($0.baseAddress, $0.count, Self.level)
            })
        else { return nil }
        dictionary = d
        self.content = content
        sha256 = Array(SHA256.hash(data: content))
    }

    deinit { ZSTD_freeCDict(dictionary) }

    /// The compressed bytes, or nil if Zstandard fails (the record is then kept as it is).
    func compress(_ bytes: [UInt8], in context: CompressionContext) -> [UInt8]? {
        let bound = ZSTD_compressBound(bytes.count)
        if context.scratch.count < bound { context.scratch = [UInt8](repeating: 0, count: bound) }
        let n = context.scratch.withUnsafeMutableBytes { o in
            bytes.withUnsafeBytes { i in
                ZSTD_compress_usingCDict(context.context, o.baseAddress, o.count, i.baseAddress, i.count, dictionary)
            }
        }
        guard ZSTD_isError(n) == 0 else { return nil }
        return Array(context.scratch[..<n])
    }
}

/// One thread's Zstandard compression state, reused record after record.
public final class CompressionContext {
    // INVARIANT: created in init, freed in deinit, used by one thread at a time.
    fileprivate let context: OpaquePointer
    /// Compressed output is written here first, then copied out at its size.
    fileprivate var scratch: [UInt8] = []

    /// Nil when Zstandard cannot allocate one (records then stay uncompressed).
    public init?() {
        guard let c = ZSTD_createCCtx() else { return nil }
        context = c
    }

    deinit { ZSTD_freeCCtx(context) }
}

/// Decompresses stored bodies, keeping each dictionary it has prepared. One per reading thread.
final class RecordDecompressor {
    // INVARIANT: `context` and every prepared dictionary are created here and freed in deinit.
    private let context: OpaquePointer
    private var prepared: [Int64: OpaquePointer] = [:]
    /// The store's dictionaries by id, each prepared the first time a body needs it.
    private let dictionaries: [Int64: [UInt8]]

    /// A stored record is never near this; a body claiming more is refused rather than allocated.
    static let maxSize = 256 << 20

    init(dictionaries: [Int64: [UInt8]]) throws(AuditStoreError) {
        guard let c = ZSTD_createDCtx() else {
            throw AuditStoreError("Zstandard cannot allocate a decompression context")
        }
        context = c
        self.dictionaries = dictionaries
    }

    deinit {
        for d in prepared.values { ZSTD_freeDDict(d) }
        ZSTD_freeDCtx(context)
    }

    /// The body's bytes, or a reason it cannot be read.
    func decompress(_ body: [UInt8], dictionary id: Int64) throws(AuditStoreError) -> [UInt8] {
        let dictionary: OpaquePointer
        if let d = prepared[id] {
            dictionary = d
        } else {
            guard let bytes = dictionaries[id] else { throw AuditStoreError("dictionary \(id) is not in the store") }
            guard let d = bytes.withUnsafeBytes({ ZSTD_createDDict($0.baseAddress, $0.count) }) else {
                throw AuditStoreError("dictionary \(id) cannot be prepared")
            }
            prepared[id] = d
            dictionary = d
        }
        let size = body.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        // `ZSTD_CONTENTSIZE_UNKNOWN` and `ZSTD_CONTENTSIZE_ERROR` are the two largest values.
        guard size < UInt64.max - 1, size <= UInt64(Self.maxSize) else {
            throw AuditStoreError("its stored body is not a Zstandard frame of known size")
        }
        // Zstandard writes every byte it reports; only those are kept, so nothing is zeroed first.
        var n = 0
        let out = [UInt8](unsafeUninitializedCapacity: Int(size)) { o, count in
            n = body.withUnsafeBytes { i in
                ZSTD_decompress_usingDDict(context, o.baseAddress, o.count, i.baseAddress, i.count, dictionary)
            }
            count = ZSTD_isError(n) == 0 && n <= o.count ? n : 0
        }
        guard ZSTD_isError(n) == 0, n == Int(size) else {
            throw AuditStoreError("its stored body does not decompress")
        }
        return out
    }
}
