import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit
@testable import BylawJSON

/// Records a batch keeps compressed (`BodyCodec.zstd`) must read back as exactly the canonical bytes the
/// store would have kept whole, hash the same, and show any edit like any other record.
@Suite struct CompressionTests {
    static let actor = "auditor"

    /// Drafts with the shape of a batch's records: many members, the same rules on every record.
    static func drafts(_ count: Int) -> [RecordDraft] {
        (1...count).map { i in
            var d = syntheticDraft(i)
            d.add(
                "rule_sets",
                .array([
                    .object([
                        ("id", .string("asset-management")), ("version", .string("1.0.0")),
                        ("sha256", .string(String(repeating: "ab", count: 32))),
                    ])
                ]))
            d.add("source", .object([("file", .string("disposals.jsonl")), ("line", .integer(Int64(i)))]))
            return d
        }
    }

    static func sealed(_ drafts: [RecordDraft]) throws -> (drafts: [RecordDraft], compressor: RecordCompressor) {
        let compressor = try #require(RecordCompressor(trainingOn: drafts, actor: actor))
        let context = try #require(CompressionContext())
        var out = drafts
        for k in out.indices { out[k].seal(actor: actor, compressor: compressor, context: context) }
        #expect(out.allSatisfy { $0.sealed != nil })
        return (out, compressor)
    }

    static func rows(_ store: AuditStore) throws -> [(codec: Int64, size: Int, id: String, at: String, prev: [UInt8])] {
        let stmt = try store.db.prepare(
            "SELECT codec, length(body), record_id, recorded_at, previous_chain_hash FROM records ORDER BY seq")
        var out: [(Int64, Int, String, String, [UInt8])] = []
        while try stmt.step() {
            out.append((stmt.int(0), Int(stmt.int(1)), stmt.text(2) ?? "", stmt.text(3) ?? "", stmt.blob(4)))
        }
        return out
    }

    @Test func compressedRecordsReadBackAsTheirCanonicalBytes() throws {
        let plain = Self.drafts(300)
        let (sealed, _) = try Self.sealed(plain)
        let store = try AuditStore(path: try AuditPaths.temp() + "/c.sqlite")
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        try store.append(sealed, actor: Self.actor, at: time)
        let rows = try Self.rows(store)
        #expect(rows.count == 300)
        #expect(rows.allSatisfy { $0.codec == BodyCodec.zstd.rawValue })
        for (k, row) in rows.enumerated() {
            // What the store would have kept whole for the same draft and store fields.
            let whole = try AuditRecord.canonical(
                seq: Int64(k + 1), recordID: row.id, recordedAt: row.at, actor: Self.actor, previousChainHash: row.prev,
                draft: plain[k])
            let read = try #require(try store.canonical(of: String(k + 1)))
            #expect(read == whole, "record \(k + 1)")
            #expect(row.size * 3 < whole.count, "record \(k + 1) kept \(row.size) bytes of \(whole.count)")
        }
        #expect(try store.verify().ok)
        var exported: [[UInt8]] = []
        try store.forEachCanonical { exported.append($0) }
        #expect(exported.count == 300)
        #expect(try exported[41] == #require(try store.canonical(of: "42")))
    }

    @Test func sealedAndWholeRecordsMixInOneChain() throws {
        let plain = Self.drafts(40)
        let (sealed, compressor) = try Self.sealed(plain)
        let store = try AuditStore(path: try AuditPaths.temp() + "/m.sqlite")
        // Whole, compressed, whole again, and compressed under another actor than it was sealed for (kept whole).
        try store.append(Array(plain[0..<10]), actor: Self.actor)
        try store.append(Array(sealed[10..<20]), actor: Self.actor)
        try store.append(Array(plain[20..<30]), actor: Self.actor)
        try store.append(Array(sealed[30..<40]), actor: "someone-else")
        let codecs = try Self.rows(store).map(\.codec)
        #expect(
            codecs == Array(repeating: 0, count: 10) + Array(repeating: 1, count: 10) + Array(repeating: 0, count: 20))
        #expect(try store.verify().records == 40)
        // The dictionary is stored once.
        let count = try store.db.prepare("SELECT count(*), min(sha256) FROM dictionaries")
        #expect(try count.step() && count.int(0) == 1)
        #expect(count.blob(1) == compressor.sha256)
    }

    @Test func failedRuleFilterReadsCompressedRecords() throws {
        let (sealed, _) = try Self.sealed(Self.drafts(60))
        let store = try AuditStore(path: try AuditPaths.temp() + "/f.sqlite")
        try store.append(sealed, actor: Self.actor)
        var f = RecordFilter()
        f.failedRule = "D-03"
        // Failed on i % 3 == 0 with rule D-0(i % 5) == D-03: i = 3, 18, 33, 48.
        #expect(try store.list(f).map(\.seq) == [48, 33, 18, 3])
        f.limit = 2
        #expect(try store.list(f).map(\.seq) == [48, 33])
    }

    /// The document may hold anything, including the bytes of a failed outcome: only the record's own
    /// outcomes count, whether the record is kept whole or compressed.
    @Test func failedRuleIsReadFromTheOutcomesOnly() throws {
        var drafts = Self.drafts(30)
        for k in drafts.indices {
            drafts[k].add(
                "document_copy",
                .object([("outcome", .string("failed")), ("rule", .string("D-04")), ("note", .string("\"D-04\""))]))
        }
        let (sealed, _) = try Self.sealed(drafts)
        let store = try AuditStore(path: try AuditPaths.temp() + "/o.sqlite")
        try store.append(Array(drafts.prefix(15)), actor: Self.actor)
        try store.append(Array(sealed.dropFirst(15)), actor: Self.actor)
        var f = RecordFilter()
        f.failedRule = "D-04"
        // Really failed on i % 3 == 0 with i % 5 == 4: i = 9, 24.
        #expect(try store.list(f).map(\.seq) == [24, 9])
    }

    @Test func unreadableRecordIsNamed() throws {
        let (sealed, _) = try Self.sealed(Self.drafts(20))
        let store = try AuditStore(path: try AuditPaths.temp() + "/u.sqlite")
        try store.append(sealed, actor: Self.actor)
        try store.tamper("UPDATE records SET body = x'00010203' WHERE seq = 5")
        let error = #expect(throws: AuditStoreError.self) { try store.canonical(of: "5") }
        #expect(error?.message.hasPrefix("record 5 cannot be read") == true, "\(String(describing: error))")
        var f = RecordFilter()
        f.failedRule = "D-00"
        #expect(throws: AuditStoreError.self) { try store.list(f) }
        #expect(try store.verify().problem?.seq == 5)
    }

    @Test func draftChangedAfterSealingKeepsItsMembers() throws {
        let plain = Self.drafts(20)
        var (sealed, _) = try Self.sealed(plain)
        #expect(sealed[4].members.isEmpty)
        #expect(sealed[4].body == plain[4].body)
        sealed[4].add("note", .string("added after sealing"))
        var expected = plain[4]
        expected.add("note", .string("added after sealing"))
        #expect(sealed[4].sealed == nil)
        #expect(sealed[4].members.map(\.name) == expected.members.map(\.name))
        #expect(sealed[4].members.map(\.canonical) == expected.members.map(\.canonical))
    }

    @Test func tooFewRecordsTrainNoDictionary() {
        #expect(RecordCompressor(trainingOn: Self.drafts(3), actor: Self.actor) == nil)
    }

    /// A compressed store, tampered with; verify names the record.
    static func tampered(_ edit: (AuditStore) throws -> Void) throws -> VerifyReport {
        let (sealed, _) = try Self.sealed(Self.drafts(50))
        let store = try AuditStore(path: try AuditPaths.temp() + "/t.sqlite")
        try store.append(Array(sealed.prefix(20)), actor: Self.actor)
        try store.append(Array(sealed.dropFirst(20)), actor: Self.actor)
        try edit(store)
        return try store.verify()
    }

    @Test(arguments: ["body", "previous_chain_hash", "record_id", "recorded_at", "codec", "dictionary"])
    func editedColumnOfACompressedRecordIsFound(column: String) throws {
        let report = try Self.tampered { store in
            if column == "codec" || column == "dictionary" {
                try store.tamper("UPDATE records SET \(column) = \(column) + 1 WHERE seq = 27")
            } else {
                try store.flipByte(seq: 27, column: column, position: 5)
            }
        }
        #expect(report.problem?.seq == 27, "\(column): \(String(describing: report.problem))")
    }

    @Test func editedDictionaryIsFoundAtItsFirstRecord() throws {
        let report = try Self.tampered { store in
            try store.db.execute("DROP TRIGGER dictionaries_no_update")
            try store.db.execute("UPDATE dictionaries SET content = substr(content, 1, length(content) - 200)")
        }
        #expect(report.problem?.seq == 1)
        let deleted = try Self.tampered { store in
            try store.db.execute("DROP TRIGGER dictionaries_no_delete")
            try store.db.execute("DELETE FROM dictionaries")
        }
        #expect(deleted.problem?.seq == 1)
        #expect(deleted.problem?.reason.contains("dictionary") == true)
    }

    /// A version 2 store (records kept whole in `canonical`) is migrated in place and still verifies.
    @Test func versionTwoStoreIsMigrated() throws {
        let path = try AuditPaths.temp() + "/v2.sqlite"
        do {
            let store = try AuditStore(path: path)
            try store.append((1...6).map(syntheticDraft), actor: "t")
            try store.downgradeToVersionTwo()
        }
        let store = try AuditStore(path: path)
        let version = try store.db.prepare("PRAGMA user_version")
        #expect(try version.step() && version.int(0) == Int64(AuditStore.schemaVersion))
        let (sealed, _) = try Self.sealed(Self.drafts(30))
        try store.append(sealed, actor: Self.actor)
        #expect(try store.verify().records == 36)
        var f = RecordFilter()
        f.failedRule = "D-03"
        #expect(try store.list(f).map(\.seq) == [6 + 18, 6 + 3, 3])
    }

    @Test func storeOfANewerFormatIsRefused() throws {
        let path = try AuditPaths.temp() + "/new.sqlite"
        do {
            let store = try AuditStore(path: path)
            try store.db.execute("PRAGMA user_version = 99")
        }
        let error = #expect(throws: AuditStoreError.self) { try AuditStore(path: path) }
        #expect(error?.message.contains("newer") == true)
        #expect(error?.kind == .refused)
        let reading = #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: path) }
        #expect(reading?.message.contains("newer") == true)
    }

    /// A damaged file is named and called damaged, whether SQLite finds it so or its format number is past any
    /// there has been: not sent looking for a newer bylaw, and not a message that names no file.
    @Test func aDamagedStoreIsNamedAndCalledDamaged() throws {
        let dir = try AuditPaths.temp()
        let path = dir + "/damaged.sqlite"
        do {
            let store = try AuditStore(path: path)
            _ = try store.append(Self.drafts(3), actor: Self.actor)
            try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // The format number (SQLite's user_version, at offset 60) overwritten.
        bytes.replaceSubrange(60..<64, with: Array("ZZZZ".utf8))
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/header.sqlite"))
        let header = #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: dir + "/header.sqlite") }
        #expect(header?.kind == .corrupt)
        #expect(header?.message.contains("`\(dir)/header.sqlite` is damaged") == true, "\(header?.message ?? "")")
        // A negative format number: damage too, not an old store to migrate.
        bytes.replaceSubrange(60..<64, with: [0xFF, 0xFF, 0xFF, 0xF0])
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/negative.sqlite"))
        let negative = #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: dir + "/negative.sqlite") }
        #expect(negative?.kind == .corrupt, "\(negative?.message ?? "")")
        let writing = #expect(throws: AuditStoreError.self) { try AuditStore(path: dir + "/negative.sqlite") }
        #expect(writing?.kind == .corrupt, "\(writing?.message ?? "")")
        // Not a database at all.
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: dir + "/junk.sqlite"))
        let junk = #expect(throws: AuditStoreError.self) { try AuditStore(readingAt: dir + "/junk.sqlite") }
        #expect(junk?.kind == .corrupt)
        #expect(junk?.message.contains("`\(dir)/junk.sqlite` is damaged or is not an audit store") == true)
    }
}

/// `verify` hashes a compressed row and reads its header in one scan of the decompressed members
/// (`HashedRow.compressed`); the reference puts the whole record together and scans it again
/// (`HashedRow(_:canonical:)`). Both must say the same of every row: pristine, with edited columns, and with
/// edited members.
@Suite struct HashedRowTests {
    static func rows(_ store: AuditStore) throws -> [StoredRow] {
        let stmt = try store.db.prepare("SELECT \(StoredRow.columns) FROM records ORDER BY seq")
        var out: [StoredRow] = []
        while try stmt.step() { out.append(StoredRow(stmt)) }
        return out
    }

    static func same(_ a: HashedRow, _ b: HashedRow, _ what: String) {
        #expect(a.leaf == b.leaf, "\(what)")
        #expect(a.leafMatches == b.leafMatches, "\(what)")
        #expect(a.failure == b.failure, "\(what)")
        #expect(a.headerProblem == b.headerProblem, "\(what)")
        #expect(a.columnProblem == b.columnProblem, "\(what)")
        #expect(a.previousChainHash == b.previousChainHash, "\(what)")
    }

    /// The reference for `members` as the decompressed body of `row`.
    static func reference(_ row: StoredRow, members: [UInt8]) -> HashedRow {
        let body = row.body
        guard let layout = StoredLayout(reading: members), let id = body.recordID, let at = body.recordedAt,
            let previous = body.previousChainHash
        else { return HashedRow(failure: "its stored body is not a canonical object") }
        let fields = StoreFields(seq: body.seq, recordID: id, recordedAt: at, previousChainHash: previous)
        return HashedRow(row, canonical: layout.canonical(of: members, fields: fields))
    }

    @Test func oneScanSaysWhatTheWholeRecordSays() throws {
        let (sealed, _) = try CompressionTests.sealed(CompressionTests.drafts(40))
        let store = try AuditStore(path: try AuditPaths.temp() + "/h.sqlite")
        try store.append(sealed, actor: CompressionTests.actor)
        try store.tamper("UPDATE records SET actor = 'mallory' WHERE seq = 3")
        try store.tamper("UPDATE records SET verdict = 'compliant' WHERE seq = 6")
        try store.tamper("UPDATE records SET seq = seq + 100 WHERE seq = 9")
        try store.tamper("UPDATE records SET unit = 'elsewhere' WHERE seq = 12")
        let decompressor = try store.decompressor()
        let rows = try Self.rows(store)
        #expect(rows.count == 40)
        var problems = 0
        for row in rows {
            #expect(row.body.codec == BodyCodec.zstd.rawValue)
            let members = try row.body.bodyMembers(using: decompressor)
            let fast = HashedRow.compressed(row, members: members)
            Self.same(fast, Self.reference(row, members: members), "row \(row.seq)")
            // Independently of where `StoredLayout` puts the store fields: the record as a JSON value, the
            // fields added, canonicalised again, hashes to the leaf the one scan computed.
            if let fields = row.storeFields(), case .object(var whole) = try JSONValue.parse(members) {
                for k in 0..<4 {
                    let member = try JSONValue.parse(
                        [UInt8(ascii: "{")] + fields.bytes[fields.member(k)] + [UInt8(ascii: "}")])
                    if case .object(let pair) = member { whole += pair }
                }
                let leaf = HashChain.leaf(try JCS.canonicalize(.object(whole)))
                #expect(fast.leaf?.bytes == leaf, "row \(row.seq)")
            } else {
                Issue.record("row \(row.seq) has no store fields or is not an object")
            }
            if fast.headerProblem != nil || fast.columnProblem != nil || !fast.leafMatches { problems += 1 }
            // The members edited after decompression: a header value, the decision, and the object itself.
            let text = String(decoding: members, as: UTF8.self)
            for (from, to) in [
                ("\"actor\":\"auditor\"", "\"actor\":\"mallory\""), ("\"kind\":\"asset_disposal\"", "\"kind\":\"x\""),
                ("\"decision\":{", "\"decision\":[{"), ("\"verdict\":\"", "\"verdict\":1,\"x\":\""),
                ("\"event\":\"check\"", "\"event\":\"check\",\"event\":7"), ("}", ""),
                ("\"unit\":\"", "\"unit\":\"z\",\"unit\":\""),
            ] {
                let edited = Array(text.replacingOccurrences(of: from, with: to).utf8)
                guard edited != members else { continue }
                Self.same(
                    HashedRow.compressed(row, members: edited), Self.reference(row, members: edited),
                    "row \(row.seq), \(from) → \(to)")
            }
        }
        // The four edited rows, and the rows whose stored chain the moved one breaks, are found by both.
        #expect(problems >= 4)
    }

    /// Header texts the record must escape (a quote, a backslash, a control character) are compared with
    /// their columns as the texts they are; and a column is compared byte for byte, so one rewritten into
    /// another Unicode form of the same text, which Swift's `==` calls equal, is caught.
    @Test func escapedTextsVerifyAndAnotherUnicodeFormIsCaught() throws {
        let actor = "审计\"员\\"
        var drafts = CompressionTests.drafts(12)
        for k in drafts.indices where k % 2 == 0 {
            let d = RecordDraft(
                event: "check", kind: "asset_disposal", decisionID: "AD-\"\u{7}\(k)", decisionDate: "2017-10-20",
                unit: "caf\u{E9}/\\u", verdict: "compliant",
                body: [
                    (
                        "decision",
                        .object([
                            ("kind", .string("asset_disposal")), ("id", .string("AD-\"\u{7}\(k)")),
                            ("date", .string("2017-10-20")), ("unit", .string("caf\u{E9}/\\u")),
                        ])
                    ),
                    ("verdict", .string("compliant")),
                ])
            drafts[k] = d
        }
        let compressor = try #require(RecordCompressor(trainingOn: drafts, actor: actor))
        let context = try #require(CompressionContext())
        for k in drafts.indices { drafts[k].seal(actor: actor, compressor: compressor, context: context) }
        let store = try AuditStore(path: try AuditPaths.temp() + "/e.sqlite")
        try store.append(drafts, actor: actor)
        let whole = try store.verify()
        #expect(whole.ok, "\(String(describing: whole.problem))")
        #expect(whole.records == 12)
        let decompressor = try store.decompressor()
        for row in try Self.rows(store) {
            let members = try row.bodyMembers(using: decompressor)
            Self.same(
                HashedRow.compressed(row, members: members), Self.reference(row, members: members), "row \(row.seq)")
        }
        // The unit "café" rewritten with a combining accent: the same text to `==`, other bytes.
        try store.tamper("UPDATE records SET unit = 'cafe' || char(769) || '/\\u' WHERE seq = 5")
        let report = try store.verify()
        #expect(report.problem?.seq == 5)
        #expect(report.problem?.reason == "its `unit` column differs from its content")
    }

    /// Rewrites the last of 40 compressed records as a forger who knows the store's dictionary would: the
    /// members edited and compressed again, and, when the store can put the record together, the leaf and chain
    /// hashes made to follow. Only the checks inside the record can then find it.
    static func forgeLast(_ edit: (String) -> String) throws -> VerifyReport {
        let (sealed, _) = try CompressionTests.sealed(CompressionTests.drafts(40))
        let store = try AuditStore(path: try AuditPaths.temp() + "/forged.sqlite")
        try store.append(sealed, actor: CompressionTests.actor)
        let rows = try Self.rows(store)
        let members = try rows[39].bodyMembers(using: try store.decompressor())
        let edited = Array(edit(String(decoding: members, as: UTF8.self)).utf8)
        #expect(edited != members, "the edit changed the record")
        let id = try store.db.prepare("SELECT dictionary FROM records WHERE seq = 40")
        _ = try id.step()
        let dictionary = try #require(try store.dictionaries()[id.int(0)])
        let compressor = try #require(RecordCompressor(content: dictionary))
        let context = try #require(CompressionContext())
        let body = try #require(compressor.compress(edited, in: context))
        try store.tamper("SELECT 1")
        let update = try store.db.prepare("UPDATE records SET body = ? WHERE seq = 40")
        update.bind(1, body)
        _ = try update.step()
        if let layout = StoredLayout(reading: edited), let fields = rows[39].storeFields() {
            let leaf = HashChain.leaf(layout.canonical(of: edited, fields: fields))
            let chain = HashChain.link(previous: try #require(rows[38].chain).bytes, leaf: leaf)
            let hashes = try store.db.prepare("UPDATE records SET leaf_hash = ?, chain_hash = ? WHERE seq = 40")
            hashes.bind(1, leaf)
            hashes.bind(2, chain)
            _ = try hashes.step()
        }
        return try store.verify()
    }

    /// A stored body is not trusted to be canonical: a member name written with escapes a canonical writer
    /// never uses is the name it spells. An `actor` written `act\u006fr` after the real one is the record's
    /// actor, which its column must give; a store field so written is a store field, which a body may not hold;
    /// a decision's `kind` so written is its kind.
    @Test func aNameWrittenWithAnEscapeIsTheNameItSpells() throws {
        let actor = try Self.forgeLast {
            $0.replacingOccurrences(of: #""actor":"auditor","#, with: #""actor":"auditor","act\u006fr":"mallory","#)
        }
        #expect(actor.problem?.seq == 40)
        #expect(actor.problem?.reason == "its `actor` column differs from its content")
        let storeField = try Self.forgeLast {
            $0.replacingOccurrences(of: #"{"actor""#, with: #"{"record_\u0069d":"forged","actor""#)
        }
        #expect(storeField.problem?.seq == 40)
        #expect(storeField.problem?.reason == "its stored body is not a canonical object")
        let kind = try Self.forgeLast {
            $0.replacingOccurrences(of: #""kind":"asset_disposal""#, with: #""\u006bind":"asset_disposal""#)
        }
        #expect(kind.ok, "\(String(describing: kind.problem))")
        #expect(kind.records == 40)
    }

    /// The store fields written from column bytes are the ones written from texts, escapes or not.
    @Test(arguments: ["01a24dbb-35a3-7a21", "2026-12-06T23:40:44.323Z", "a\"b", "back\\slash", "ctl\u{7}", "", "汉字"])
    func storeFieldsFromBytesAreTheSame(_ text: String) {
        let previous = (0..<32).map { UInt8($0 * 7 % 256) }
        let expected = Self.referenceFields(seq: 4_294_967_297, id: text, at: text, previous: previous)
        var id = text
        let fields = id.withUTF8 { text in
            previous.withUnsafeBytes {
                StoreFields(seq: 4_294_967_297, recordID: text, recordedAt: text, previousChainHash: $0)
            }
        }
        #expect(fields.bytes == expected)
        let members = (0..<4).map { Array(fields.bytes[fields.member($0)]) }
        #expect(members.joined().elementsEqual(expected))
        #expect(String(decoding: members[3], as: UTF8.self) == "\"seq\":4294967297")
    }

    /// The widest sequence numbers fit the room the store fields are written into.
    @Test(arguments: [Int64.min, Int64.max, 0, -1])
    func storeFieldsOfExtremeSequenceNumbers(_ seq: Int64) {
        let previous = [UInt8](repeating: 0xAB, count: 32)
        var id = "01a24dbb-35a3-7a21-b7ee-c3cd781cf354"
        let fields = id.withUTF8 { text in
            previous.withUnsafeBytes { StoreFields(seq: seq, recordID: text, recordedAt: text, previousChainHash: $0) }
        }
        #expect(String(decoding: fields.bytes[fields.member(3)], as: UTF8.self) == "\"seq\":\(seq)")
        #expect(fields.bytes.count == 60 + 64 + 2 * id.utf8.count + String(seq).utf8.count)
    }

    /// The four members as canonical JSON writes them, one after another.
    static func referenceFields(seq: Int64, id: String, at: String, previous: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (name, value) in [
            ("previous_chain_hash", JSONValue.string(AuditHex.encode(previous))), ("record_id", .string(id)),
            ("recorded_at", .string(at)), ("seq", .number(JSONNumber(Int(seq)))),
        ] {
            out += (try? JCS.canonicalize(.object([(name, value)])))?.dropFirst().dropLast() ?? []
        }
        return out
    }
}

/// Member names are compared as they lie in the bytes; their canonical order against the store fields must be
/// what comparing the texts in UTF-16 order says.
@Suite struct ScannedNameTests {
    @Test func orderAgainstTheStoreFieldsIsTheTextOrder() throws {
        let names = [
            "", "a", "previous", "previous_chain_hash", "previous_chain_hasha", "previous_chain_hasg", "r", "record",
            "record_id", "record_ie", "record_ic", "recorded_at", "recorded_at\u{0}", "s", "seq", "seq\u{1}", "seR",
            "\u{E000}", "\u{1F600}", "\u{FFFF}", "é", "q\"", "q\\", "rule_sets", "source", "verdict", "outcomes",
        ]
        for name in names {
            let bytes = try JCS.canonicalize(.object([(name, .null)]))
            let members = try #require(CanonicalMembers.scanNames(bytes))
            let scanned = try #require(members.first?.name)
            #expect(scanned.text(in: bytes) == name)
            for (field, literal) in zip(StoreFields.names, StoreFields.literals) {
                #expect(
                    scanned.precedes(literal, in: bytes) == JCS.utf16Precedes(name, field), "\(name) against \(field)")
                #expect(scanned.is(literal, in: bytes) == (name == field), "\(name) is \(field)")
            }
        }
    }

    /// The stored form merges its three header members in and counts only body names before each store field:
    /// that holds while the header names are in canonical order and all sort before every store field.
    @Test func theHeaderNamesSortBeforeTheStoreFields() {
        let header = StoredForm.headerNames
        #expect(zip(header, header.dropFirst()).allSatisfy { JCS.utf16Precedes($0, $1) })
        for name in header {
            #expect(StoreFields.names.allSatisfy { JCS.utf16Precedes(name, $0) }, "\(name)")
        }
    }

    /// Names written with escapes no canonical writer uses are the names they spell, in order and in kind.
    @Test func namesWithNeedlessEscapesAreTheNamesTheySpell() throws {
        for (written, name) in [
            (#"act\u006fr"#, "actor"), (#"record_\u0069d"#, "record_id"), (#"\u0073eq"#, "seq"),
            (#"\u0072ecorded_at"#, "recorded_at"), (#"previous_chain_has\u0068"#, "previous_chain_hash"),
            (#"\u0070"#, "p"), (#"s\u0065r"#, "ser"), (#"\u00e9"#, "é"),
        ] {
            let bytes = Array(("{\"" + written + "\":null}").utf8)
            let scanned = try #require(CanonicalMembers.scanNames(bytes)?.first?.name)
            #expect(scanned.text(in: bytes) == name)
            for (field, literal) in zip(StoreFields.names, StoreFields.literals) {
                #expect(
                    scanned.precedes(literal, in: bytes) == JCS.utf16Precedes(name, field),
                    "\(written) against \(field)")
                #expect(scanned.is(literal, in: bytes) == (name == field), "\(written) is \(field)")
            }
            #expect(scanned.is("actor", in: bytes) == (name == "actor"))
        }
    }
}
