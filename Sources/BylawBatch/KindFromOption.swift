import BylawDiagnostics
import BylawJSON

extension BatchChecker {
    /// The fast path for a plain JSON record that has no `kind` and takes `--kind`, with the audit trail on:
    /// the result `TypedJSON` gives with the default kind, and the canonical document of the record with
    /// `"kind": KIND` added, which is the document the tree path keeps (`withKind`). Nil when the record is
    /// not such a record; the caller then takes the tree path.
    func kindFromOption(_ record: BatchRecord, index: Int) -> (item: BatchItem, canonical: [UInt8])? {
        guard let kind = defaultKind, record.remap == nil, case .json = record.body,
            // Only a record without a `kind` of its own passes here: with one, `ownKind: true` already did.
            let result = TypedJSON.check(
                record.raw, file: record.source.file, library: library, defaultKind: kind, asOf: asOf,
                ownKind: false),
            let raw = Self.adding(kind: kind, to: record.raw),
            let canonical = PlainJSONCanonical.document(raw)
        else { return nil }
        return (BatchItem(index: index, source: record.source, result: result), canonical)
    }

    /// `raw`, one JSON object, with `"kind": KIND` as its first member; nil for an empty object (whose
    /// document the tree path writes).
    static func adding(kind: String, to raw: [UInt8]) -> [UInt8]? {
        guard let open = raw.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        var rest = raw[(open + 1)...].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = rest.first, first != UInt8(ascii: "}") else { return nil }
        rest = raw[(open + 1)...]
        var out = Array(raw[...open])
        out += Array(("\"kind\":" + JSONText.quote(kind) + ",").utf8)
        out += rest
        return out
    }
}
