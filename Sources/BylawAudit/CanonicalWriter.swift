import Bylaw
import BylawCEL
import BylawJSON
import BylawYAML

/// Writes RFC 8785 canonical JSON straight to bytes, without building a `JSONValue` tree first.
///
/// Records have a shape we know, so their members are written in canonical (UTF-16 name) order by
/// construction; debug builds check the order. Values whose shape comes from the user (a decision
/// document) sort their members here. The result is byte-identical to `JCS.canonicalize` of the same value,
/// which the tests check by re-canonicalising.
struct CanonicalWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false
    private var scratch: [UInt8] = []
    #if DEBUG
        private var lastKeys: [String?] = []
    #endif

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        #if DEBUG
            lastKeys.append(nil)
        #endif
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
        #if DEBUG
            lastKeys.removeLast()
        #endif
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member name; members must come in canonical order.
    mutating func key(_ name: String) {
        #if DEBUG
            if let last = lastKeys.last, let previous = last {
                assert(JCS.utf16Precedes(previous, name), "canonical member order: \(previous) before \(name)")
            }
            if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = name }
        #endif
        separate()
        JCS.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A member name written in the code, of letters, digits and `_` only, so that it needs no escape: its
    /// bytes are copied as they are instead of quoted one by one.
    mutating func key(static name: StaticString) {
        #if DEBUG
            key(name.description)
            return
        #else
            separate()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
            needsComma = false
        #endif
    }

    mutating func string(_ s: String) {
        separate()
        JCS.appendQuoted(s, to: &bytes)
        needsComma = true
    }

    mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    /// A value's evidence literal (`ValueText.literal`) as a JSON string.
    mutating func literal(_ value: CELValue) {
        separate()
        switch value {
        case .list, .map:
            scratch.removeAll(keepingCapacity: true)
            ValueText.appendLiteral(value, to: &scratch)
            scratch.withUnsafeBufferPointer { JCS.appendQuoted(utf8: $0, to: &bytes) }
        default:
            JCS.appendQuoted(ValueText.literal(value), to: &bytes)
        }
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    mutating func bool(_ b: Bool) {
        separate()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
        needsComma = true
    }

    /// Bytes that are already one canonical JSON value.
    mutating func raw(_ canonical: [UInt8]) {
        separate()
        bytes.append(contentsOf: canonical)
        needsComma = true
    }

    /// A decision document as the record keeps it (`DocumentJSON`): scalars keep their exact text as
    /// strings, plain booleans and nulls are themselves; mapping members sorted canonically.
    mutating func document(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let s):
            if s.style == .plain, s.coreType == .null {
                null()
            } else if s.style == .plain, s.coreType == .bool, let b = s.boolValue {
                bool(b)
            } else {
                string(s.text)
            }
        case .sequence(let items):
            beginArray()
            for item in items { document(item) }
            endArray()
        case .mapping(let pairs):
            separate()
            bytes.append(UInt8(ascii: "{"))
            needsComma = false
            let names = pairs.map { $0.key.scalar?.text ?? "" }
            var order = Array(pairs.indices)
            if !names.indices.dropFirst().allSatisfy({ JCS.utf16Precedes(names[$0 - 1], names[$0]) }) {
                order.sort { JCS.utf16Precedes(names[$0], names[$1]) }
            }
            for i in order {
                separate()
                JCS.appendQuoted(names[i], to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                needsComma = false
                document(pairs[i].value)
            }
            bytes.append(UInt8(ascii: "}"))
            needsComma = true
        }
    }
}
