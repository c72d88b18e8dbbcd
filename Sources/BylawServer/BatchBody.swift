import Bylaw
import BylawBatch

/// The body of `POST /v1/check:batch` split into its decisions, each kept as the exact bytes sent (what its
/// audit record hashes): a JSON array of decision objects, or JSON Lines (`application/x-ndjson`,
/// `application/jsonl`), one decision per line.
enum BatchBody {
    struct Malformed: Error {
        var message: APIMessage
    }

    static func split(_ bytes: [UInt8], contentType: String?) throws(Malformed) -> [(
        name: String, bytes: [UInt8], json: Bool
    )] {
        let type = contentType?.lowercased() ?? ""
        if type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq") {
            return lines(bytes)
        }
        return try array(bytes)
    }

    /// One decision per non-blank line.
    static func lines(_ bytes: [UInt8]) -> [(name: String, bytes: [UInt8], json: Bool)] {
        var out: [(name: String, bytes: [UInt8], json: Bool)] = []
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            defer { line += 1 }
            let trimmed = piece.drop { isSpace($0) }
            guard !trimmed.isEmpty, !trimmed.allSatisfy(isSpace) else { continue }
            out.append((name: "request line \(line)", bytes: Array(piece), json: true))
        }
        return out
    }

    /// The elements of a top-level JSON array, found by tracking strings and nesting; each element is parsed
    /// (and any syntax error reported) when it is checked.
    static func array(_ bytes: [UInt8]) throws(Malformed) -> [(name: String, bytes: [UInt8], json: Bool)] {
        var k = 0
        while k < bytes.count, isSpace(bytes[k]) { k += 1 }
        guard k < bytes.count, bytes[k] == UInt8(ascii: "[") else {
            throw Malformed(message: .text("api.batch.malformed.not-array"))
        }
        k += 1
        var out: [(name: String, bytes: [UInt8], json: Bool)] = []
        var start = k
        var scanner = ItemScanner()
        var closed = false
        while k < bytes.count {
            let c = bytes[k]
            k += 1
            guard scanner.ends(at: c) else { continue }
            guard c != UInt8(ascii: "}") else { throw Malformed(message: .text("api.batch.malformed.brace", "\(k)")) }
            let element = Array(bytes[start..<(k - 1)])
            if element.allSatisfy(isSpace) {
                if c == UInt8(ascii: ",") || !out.isEmpty {
                    throw Malformed(message: .text("api.batch.malformed.empty-element", "\(k)"))
                }
            } else {
                out.append((name: "request[\(out.count)]", bytes: element, json: true))
            }
            start = k
            if c == UInt8(ascii: "]") {
                closed = true
                break
            }
        }
        guard closed else { throw Malformed(message: .text("api.batch.malformed.unclosed")) }
        guard bytes[k...].allSatisfy(isSpace) else {
            throw Malformed(message: .text("api.batch.malformed.trailing", "\(k + 1)"))
        }
        return out
    }

    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") || c == UInt8(ascii: "\t")
    }
}
