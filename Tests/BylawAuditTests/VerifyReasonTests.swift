import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAudit

/// `verify` checks most of a record on worker threads and only the chain in order: the first problem and its
/// exact reason must be what a check of one record after the other gives, inside a chunk of rows and at the
/// first row of the next (`AuditStore.firstVerifyChunk`), and at the first row of a worker's next piece
/// (`HashedChunk.piece`).
@Suite(.serialized) struct VerifyReasonTests {
    static let count = AuditStore.firstVerifyChunk + 300

    static let pristine = PristineStore(count: count)

    static func copy() throws -> AuditStore { try pristine.copy() }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (AuditStore, Int64) throws -> Void
        var reason: @Sendable (Int64) -> String
        var testDescription: String { name }
    }

    /// A case that edits the record with one SQL statement (`SEQ` stands for its sequence number).
    static func sql(_ name: String, _ statement: String, reason: String) -> Case {
        Case(
            name: name, edit: { try $0.tamper(statement.replacingOccurrences(of: "SEQ", with: String($1))) },
            reason: { _ in reason })
    }

    static let cases: [Case] = [
        sql(
            "an indexed column", "UPDATE records SET unit = 'elsewhere' WHERE seq = SEQ",
            reason: "its `unit` column differs from its content"),
        sql(
            "the verdict column", "UPDATE records SET verdict = 'compliant!' WHERE seq = SEQ",
            reason: "its `verdict` column differs from its content"),
        sql(
            "the leaf hash", "UPDATE records SET leaf_hash = zeroblob(32) WHERE seq = SEQ",
            reason: "its leaf hash does not match its content"),
        sql(
            "the chain hash", "UPDATE records SET chain_hash = zeroblob(32) WHERE seq = SEQ",
            reason: "its chain hash does not follow from the previous record"),
        Case(
            name: "a deleted record", edit: { try $0.tamper("DELETE FROM records WHERE seq = \($1)") },
            reason: { "record \($0) is missing (the next stored record is \($0 + 1))" }),
        Case(
            name: "a body that is not JSON, hashes made to fit", edit: { try $0.forge(seq: $1) { _ in "not json" } },
            reason: { _ in "its stored record is not valid canonical JSON" }),
        Case(
            name: "another sequence number in the body, hashes made to fit",
            edit: { store, seq in
                try store.forge(seq: seq) { $0.replacingOccurrences(of: "\"seq\":\(seq)", with: "\"seq\":7") }
            },
            reason: { _ in "its content says sequence 7" }),
        Case(
            name: "another previous hash in the body, hashes made to fit",
            edit: { store, seq in
                try store.forge(seq: seq) { body in
                    body.replacingOccurrences(
                        of: #""previous_chain_hash":"[0-9a-f]{64}""#,
                        with: "\"previous_chain_hash\":\"" + String(repeating: "0", count: 64) + "\"",
                        options: .regularExpression)
                }
            },
            reason: { _ in "it does not name the previous record's chain hash" }),
        Case(
            name: "the previous hash in upper case, hashes made to fit",
            edit: { store, seq in
                try store.forge(seq: seq) { body in
                    guard let r = body.range(of: #""previous_chain_hash":"[0-9a-f]{64}""#, options: .regularExpression)
                    else { return body }
                    return body.replacingCharacters(in: r, with: body[r].uppercased())
                }
            },
            reason: { _ in "it does not name the previous record's chain hash" }),
    ]

    @Test(
        arguments: cases,
        [
            Int64(2), Int64(HashedChunk.piece) + 1, Int64(AuditStore.firstVerifyChunk),
            Int64(AuditStore.firstVerifyChunk) + 1, Int64(AuditStore.firstVerifyChunk + HashedChunk.piece) + 1,
        ])
    func firstProblemAndItsReason(_ c: Case, seq: Int64) throws {
        let store = try Self.copy()
        try c.edit(store, seq)
        let report = try store.verify()
        #expect(report.problem?.seq == seq)
        #expect(report.problem?.reason == c.reason(seq))
        #expect(report.records == seq - 1)
    }

    @Test func wholeStoreVerifies() throws {
        let report = try Self.copy().verify()
        #expect(report.ok)
        #expect(report.records == Int64(Self.count))
        #expect(report.headSeq == Int64(Self.count))
    }
}

extension AuditStore {
    /// Rewrites the canonical body of a record kept whole and gives it the leaf and chain hashes its new bytes
    /// would have, as a forger who also rewrites hashes would: only the checks inside the record can find it.
    func forge(seq: Int64, _ edit: (String) -> String) throws {
        let read = try db.prepare("SELECT body FROM records WHERE seq = ?")
        read.bind(1, seq)
        guard try read.step() else { return }
        let body = Array(edit(String(decoding: read.blob(0), as: UTF8.self)).utf8)
        let previous = try db.prepare("SELECT chain_hash FROM records WHERE seq = ?")
        previous.bind(1, seq - 1)
        let chain = try previous.step() ? previous.blob(0) : [UInt8](repeating: 0, count: 32)
        let leaf = HashChain.leaf(body)
        try db.execute("DROP TRIGGER IF EXISTS records_no_update")
        let write = try db.prepare("UPDATE records SET body = ?, leaf_hash = ?, chain_hash = ? WHERE seq = ?")
        write.bind(1, body)
        write.bind(2, leaf)
        write.bind(3, HashChain.link(previous: chain, leaf: leaf))
        write.bind(4, seq)
        _ = try write.step()
    }
}
