import Bylaw
import BylawJSON
internal import Crypto

/// A record made ready for the store on the thread that drafted it: everything but the four fields the
/// store assigns (`StoreFields`), as one canonical object, compressed, and the record's hash taken as far as
/// the first of those fields. The store's single writer then only hashes a few hundred bytes and inserts.
///
/// The record's canonical bytes are the stored object's members and the store fields merged in canonical
/// order; `StoredLayout` does that merge both for hashing here and for reading back.
///
/// A class: a draft is handed from the worker to the writer and copied on the way, and a copy of a reference is
/// one count where a copy of these fields was one for each array, each on memory the other thread last wrote.
final class SealedRecord: Sendable {
    let actor: String
    let compressor: RecordCompressor
    let compressed: [UInt8]
    let form: StoredForm
    /// SHA-256 of `0x00`, then the canonical record up to the first store field.
    let prefixHash: PrefixHash

    init?(draft: RecordDraft, actor: String, compressor: RecordCompressor, context: CompressionContext) {
        guard let form = StoredForm(draft: draft, actor: actor),
            let compressed = compressor.compress(form.stored, in: context)
        else { return nil }
        var hash = SHA256()
        hash.update(data: [0x00])
        form.layout.prefix(of: form.stored) { hash.update(bufferPointer: $0) }
        self.actor = actor
        self.compressor = compressor
        self.compressed = compressed
        self.form = form
        self.prefixHash = PrefixHash(state: hash)
    }

    /// The leaf hash of the record with these store fields.
    func leaf(_ fields: StoreFields) -> [UInt8] {
        var hash = prefixHash.state
        form.layout.rest(of: form.stored, fields: fields) { hash.update(bufferPointer: $0) }
        return Array(hash.finalize())
    }

    static func quoted(_ s: String) -> [UInt8] {
        var b: [UInt8] = []
        JCS.appendQuoted(s, to: &b)
        return b
    }
}

/// What the store keeps of a record, before compression: the canonical object of every member but the
/// store fields, and where those go.
struct StoredForm: Sendable {
    var stored: [UInt8]
    var layout: StoredLayout

    /// Nil for a draft with a body member named like a header field, which the store refuses.
    init?(draft: RecordDraft, actor: String) {
        // The draft's members are in canonical order already: the three header members are merged in as the
        // object is written, each straight into place.
        let body = draft.allMembers
        var out: [UInt8] = [UInt8(ascii: "{")]
        out.reserveCapacity(
            body.reduce(64 + actor.utf8.count + draft.event.utf8.count) {
                $0 + $1.name.utf8.count + $1.canonical.count + 4
            })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(body.count + Self.headerNames.count)
        func member(_ write: (inout [UInt8]) -> Void) {
            if !ranges.isEmpty { out.append(UInt8(ascii: ",")) }
            let start = out.count
            write(&out)
            ranges.append(start..<out.count)
        }
        func header(_ h: Int) {
            member { out in
                JCS.appendQuoted(Self.headerNames[h], to: &out)
                out.append(UInt8(ascii: ":"))
                switch h {
                case 0: JCS.appendQuoted(actor, to: &out)
                case 1: out.append(contentsOf: Self.quotedVersion)
                default: JCS.appendQuoted(draft.event, to: &out)
                }
            }
        }
        var h = 0
        for m in body {
            guard !AuditRecord.isHeaderName(m.name) else { return nil }
            while h < Self.headerNames.count, JCS.utf16Precedes(Self.headerNames[h], m.name) {
                header(h)
                h += 1
            }
            member { out in
                JCS.appendQuoted(m.name, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(contentsOf: m.canonical)
            }
        }
        while h < Self.headerNames.count {
            header(h)
            h += 1
        }
        out.append(UInt8(ascii: "}"))
        stored = out
        // The header names all sort before the first store field: only body names can come after one.
        var k = 0
        let before = StoreFields.names.map { field in
            while k < body.count, JCS.utf16Precedes(body[k].name, field) { k += 1 }
            return Self.headerNames.count + k
        }
        layout = StoredLayout(ranges: ranges, before: before)
    }

    /// The header members the store form adds, in canonical order; all sort before `previous_chain_hash`.
    static let headerNames = ["actor", "bylaw_version", "event"]

    static let quotedVersion = SealedRecord.quoted(BylawVersion.current)
}

/// A hash part taken, handed from the drafting thread to the store's.
struct PrefixHash: @unchecked Sendable {
    // INVARIANT: swift-crypto's `SHA256` is a value with a copy-on-write context (its `update` copies a
    // context that is not uniquely referenced), so a copy taken on another thread and updated there never
    // changes this one; only `SHA256` itself is not marked Sendable.
    var state: SHA256
}

/// The four fields the store assigns on append, each as its canonical member (`"name":value`), in canonical
/// name order. Made for every record by the store's single writer, so written into one buffer at once.
struct StoreFields {
    /// The four names, as the literals a scan compares member names with.
    static let literals: [StaticString] = ["previous_chain_hash", "record_id", "recorded_at", "seq"]
    static let names = literals.map(\.description)
    /// The four members back to back, without separators.
    private(set) var bytes: [UInt8]
    /// Where each member ends in `bytes`.
    private var ends: (Int, Int, Int, Int) = (0, 0, 0, 0)

    init(seq: Int64, recordID: String, recordedAt: String, previousChainHash: [UInt8]) {
        var recordID = recordID
        var recordedAt = recordedAt
        self = recordID.withUTF8 { id in
            recordedAt.withUTF8 { at in
                previousChainHash.withUnsafeBytes { previous in
                    StoreFields(seq: seq, recordID: id, recordedAt: at, previousChainHash: previous)
                }
            }
        }
    }

    /// The same from the UTF-8 of the two texts and the hash's bytes.
    init(
        seq: Int64, recordID: UnsafeBufferPointer<UInt8>, recordedAt: UnsafeBufferPointer<UInt8>,
        previousChainHash: UnsafeRawBufferPointer
    ) {
        // Record ids and times need no escape: the members are then written straight into place. Every
        // append and every `verify` of a compressed record makes these.
        func plain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            !text.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain(recordID), plain(recordedAt) {
            var ends = (0, 0, 0, 0)
            // The names and quotes take 60 bytes, the sequence number at most 20.
            let capacity = 80 + 2 * previousChainHash.count + recordID.count + recordedAt.count
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
                var at = 0
                func put(_ text: UnsafeBufferPointer<UInt8>) {
                    for byte in text {
                        out[at] = byte
                        at += 1
                    }
                }
                func put(_ text: StaticString) { text.withUTF8Buffer { put($0) } }
                func quote() { put("\"") }
                put("\"previous_chain_hash\":\"")
                let digits: StaticString = "0123456789abcdef"
                digits.withUTF8Buffer { d in
                    for byte in previousChainHash {
                        out[at] = d[Int(byte >> 4)]
                        out[at + 1] = d[Int(byte & 0x0F)]
                        at += 2
                    }
                }
                quote()
                ends.0 = at
                put("\"record_id\":\"")
                put(recordID)
                quote()
                ends.1 = at
                put("\"recorded_at\":\"")
                put(recordedAt)
                quote()
                ends.2 = at
                put("\"seq\":")
                var digitsOfSeq = String(seq)
                digitsOfSeq.withUTF8 { put($0) }
                ends.3 = at
                count = at
            }
            self.ends = ends
            return
        }
        // A text that needs escapes (a hand-edited store): the same members, quoted as canonical JSON quotes.
        var b: [UInt8] = []
        b.reserveCapacity(160)
        func name(_ n: StaticString) {
            b.append(UInt8(ascii: "\""))
            n.withUTF8Buffer { b.append(contentsOf: $0) }
            b.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        name("previous_chain_hash")
        b.append(UInt8(ascii: "\""))
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { d in
            for byte in previousChainHash {
                b.append(d[Int(byte >> 4)])
                b.append(d[Int(byte & 0x0F)])
            }
        }
        b.append(UInt8(ascii: "\""))
        ends.0 = b.count
        name("record_id")
        JCS.appendQuoted(utf8: recordID, to: &b)
        ends.1 = b.count
        name("recorded_at")
        JCS.appendQuoted(utf8: recordedAt, to: &b)
        ends.2 = b.count
        name("seq")
        b.append(contentsOf: String(seq).utf8)
        ends.3 = b.count
        bytes = b
    }

    /// The bytes of member `f` (0 to 3, in `names` order).
    func member(_ f: Int) -> Range<Int> {
        switch f {
        case 0: 0..<ends.0
        case 1: ends.0..<ends.1
        case 2: ends.1..<ends.2
        default: ends.2..<ends.3
        }
    }
}

/// Where the store fields go among a stored object's members.
struct StoredLayout: Sendable {
    /// Each member's bytes (`"name":value`) in the stored object, in order.
    var ranges: [Range<Int>]
    /// For each store field, how many stored members come before it.
    var before: [Int]

    init(ranges: [Range<Int>], before: [Int]) {
        self.ranges = ranges
        self.before = before
    }

    /// The layout of stored bytes read back, or nil when they are not a canonical object whose member names
    /// avoid the store fields.
    init?(reading stored: [UInt8]) {
        guard let (layout, _) = Self.reading(stored) else { return nil }
        self = layout
    }

    /// The same, with the members it found (each one's name and its bytes `"name":value`).
    /// Names are compared as they lie in the bytes (`ScannedName`): no text is made of them.
    static func reading(_ stored: [UInt8]) -> (
        layout: StoredLayout, members: [(name: ScannedName, range: Range<Int>)]
    )? {
        guard let members = CanonicalMembers.scanNames(stored),
            !members.contains(where: { m in StoreFields.literals.contains { m.name.is($0, in: stored) } })
        else { return nil }
        var k = 0
        let before = StoreFields.literals.map { field in
            while k < members.count, members[k].name.precedes(field, in: stored) { k += 1 }
            return k
        }
        return (StoredLayout(ranges: members.map(\.range), before: before), members)
    }

    /// `{` and the members before the first store field.
    func prefix(of stored: [UInt8], _ emit: (UnsafeRawBufferPointer) -> Void) {
        stored.withUnsafeBytes { s in
            emit(UnsafeRawBufferPointer(rebasing: s[0..<1]))
            if before[0] > 0 {
                emit(UnsafeRawBufferPointer(rebasing: s[ranges[0].lowerBound..<ranges[before[0] - 1].upperBound]))
            }
        }
    }

    /// Everything after `prefix`: the store fields and the remaining members, merged, and `}`.
    func rest(of stored: [UInt8], fields: StoreFields, _ emit: (UnsafeRawBufferPointer) -> Void) {
        let comma: [UInt8] = [UInt8(ascii: ",")]
        let close: [UInt8] = [UInt8(ascii: "}")]
        stored.withUnsafeBytes { s in
            var next = before[0]
            var first = next == 0
            func separate() {
                if !first { comma.withUnsafeBytes(emit) }
                first = false
            }
            func members(upTo k: Int) {
                guard k > next else { return }
                separate()
                emit(UnsafeRawBufferPointer(rebasing: s[ranges[next].lowerBound..<ranges[k - 1].upperBound]))
                next = k
            }
            fields.bytes.withUnsafeBytes { f in
                for k in StoreFields.names.indices {
                    members(upTo: before[k])
                    separate()
                    emit(UnsafeRawBufferPointer(rebasing: f[fields.member(k)]))
                }
            }
            members(upTo: ranges.count)
            close.withUnsafeBytes(emit)
        }
    }

    /// The whole canonical record.
    func canonical(of stored: [UInt8], fields: StoreFields) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(stored.count + fields.bytes.count + 8)
        prefix(of: stored) { out.append(contentsOf: $0) }
        rest(of: stored, fields: fields) { out.append(contentsOf: $0) }
        return out
    }
}

/// The top-level members of a canonical JSON object, found without decoding their values.
enum CanonicalMembers {
    /// Each member's name and the range of its bytes (`"name":value`); nil when the bytes are not one object
    /// without space between its members.
    static func scan(_ b: [UInt8]) -> [(name: String, range: Range<Int>)]? {
        scanNames(b).map { members in members.map { ($0.name.text(in: b), $0.range) } }
    }

    /// `scan`, with each name as it lies in the bytes.
    static func scanNames(_ b: [UInt8]) -> [(name: ScannedName, range: Range<Int>)]? {
        var scanner = HeaderScanner(b)
        var out: [(name: ScannedName, range: Range<Int>)] = []
        out.reserveCapacity(16)
        // Canonical JSON has no space: each member starts just after the `{` or the `,` before it.
        var next = 1
        let ok = scanner.members { name, s in
            guard s.skip() else { return false }
            out.append((name, next..<s.position))
            next = s.position + 1
            return true
        }
        guard ok, scanner.position == b.count, out.allSatisfy({ b[$0.range.lowerBound] == UInt8(ascii: "\"") })
        else { return nil }
        return out
    }
}
