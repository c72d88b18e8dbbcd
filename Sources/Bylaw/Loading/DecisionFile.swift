import BylawJSON
import BylawYAML

/// Reads one decision file the way every command does, so that `check`, `explain`, `eval` and `audit` accept
/// exactly the same files: a `.json` file through the JSON reader `audit` uses (which, unlike YAML, accepts
/// `\ud83d\ude00` surrogate-pair escapes), anything else through the YAML loader. The size limit is checked
/// before a byte is read.
public enum DecisionFile {
    /// The document and the bytes it was parsed from.
    ///
    /// A file saved in UTF-16 (with its byte order mark) or in GB18030/GBK, as Chinese offices' editors still
    /// save, is read as the text it holds; the bytes returned are the file's own (its hash is the file's, and
    /// `parse(bytes:…)` reads them to the same document).
    public static func load(path: String, limits: YAMLLimits = .decision) throws(YAMLLoadError) -> (
        node: YAMLNode, bytes: [UInt8]
    ) {
        let raw = try YAMLLoader.readWithinLimit(path, limits: limits)
        let text = utf8(raw)
        guard isJSON(path) else { return (try YAMLLoader.load(bytes: text, file: path, limits: limits), raw) }
        let start = YAMLMark(line: 1, column: 1, offset: 0)
        return (try JSONNodeReader(file: path, start: start, limits: limits).read(withoutBOM(text)), raw)
    }

    /// The UTF-8 of a decision's text: UTF-8 as it is (its byte order mark left for the reader); UTF-16 with a
    /// byte order mark decoded; other bytes that are not UTF-8 decoded as GB18030 (which GBK and GB2312 are
    /// part of) when every byte decodes. Anything else is left as it is, for the reader to refuse at its first
    /// bad byte.
    public static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        // The encoding, and the bytes of its byte order mark (also its unit).
        let (encoding, bom): (String, Int)
        if bytes.starts(with: [0xFF, 0xFE]) {
            (encoding, bom) = ("UTF-16LE", 2)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (encoding, bom) = ("UTF-16BE", 2)
        } else if String(validating: bytes, as: UTF8.self) != nil || isMostlyUTF8(bytes) {
            // UTF-8 with a stray bad byte is UTF-8 gone wrong, not GBK: the reader names the bad byte, rather
            // than the whole file being read as other characters.
            return bytes
        } else {
            (encoding, bom) = ("GB18030", 0)
        }
        guard let transcoder = Transcoder(from: encoding, unit: max(1, bom)) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        bytes[bom...].withUnsafeBytes { transcoder.decode($0, final: true, into: &out) }
        // The transcoder marks an undecodable sequence with 0xFF, never part of UTF-8: then the bytes are not
        // that encoding either, and the reader says where they first go wrong.
        return out.contains(0xFF) ? bytes : out
    }

    /// A decision handed over as bytes (a request body): JSON when `json`, else YAML (which JSON also is),
    /// under the same limits as a file.
    public static func parse(bytes: [UInt8], name: String, json: Bool, limits: YAMLLimits = .decision)
        throws(YAMLLoadError) -> YAMLNode
    {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLLoader.sizeError(bytes.count, file: name, limits: limits)
        }
        let bytes = utf8(bytes)
        guard json else { return try YAMLLoader.load(bytes: bytes, file: name, limits: limits) }
        let start = YAMLMark(line: 1, column: 1, offset: 0)
        return try JSONNodeReader(file: name, start: start, limits: limits).read(withoutBOM(bytes))
    }

    /// JSON text without the UTF-8 byte order mark Windows Notepad writes (RFC 8259 lets a reader ignore it; the
    /// YAML reader and `audit` already do).
    static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Whether more of the bytes beyond ASCII read as UTF-8 characters than as bad sequences.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var good = 0
        var bad = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where !scalar.isASCII {
            if scalar == "\u{FFFD}" { bad += 1 } else { good += 1 }
        }
        return good > bad
    }

    /// Whether a file is read as JSON: by its name, as `audit` decides.
    public static func isJSON(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }
}
