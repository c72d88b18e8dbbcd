import BylawJSON
import BylawYAML

/// Reads one decision file the way every command does, so that `check`, `explain`, `eval` and `audit` accept
/// exactly the same files: a `.json` file through the JSON reader `audit` uses (which, unlike YAML, accepts
/// `\ud83d\ude00` surrogate-pair escapes), anything else through the YAML loader. The size limit is checked
/// before a byte is read.
public enum DecisionFile {
    /// The document and the bytes it was parsed from.
    public static func load(path: String, limits: YAMLLimits = .decision) throws(YAMLLoadError) -> (
        node: YAMLNode, bytes: [UInt8]
    ) {
        guard isJSON(path) else { return try YAMLLoader.loadKeepingBytes(path: path, limits: limits) }
        let bytes = try YAMLLoader.readWithinLimit(path, limits: limits)
        let start = YAMLMark(line: 1, column: 1, offset: 0)
        return (try JSONNodeReader(file: path, start: start, limits: limits).read(bytes), bytes)
    }

    /// A decision handed over as bytes (a request body): JSON when `json`, else YAML (which JSON also is),
    /// under the same limits as a file.
    public static func parse(bytes: [UInt8], name: String, json: Bool, limits: YAMLLimits = .decision)
        throws(YAMLLoadError) -> YAMLNode
    {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLLoader.sizeError(bytes.count, file: name, limits: limits)
        }
        guard json else { return try YAMLLoader.load(bytes: bytes, file: name, limits: limits) }
        let start = YAMLMark(line: 1, column: 1, offset: 0)
        return try JSONNodeReader(file: name, start: start, limits: limits).read(bytes)
    }

    /// Whether a file is read as JSON: by its name, as `audit` decides.
    public static func isJSON(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }
}
