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

    /// Whether a file is read as JSON: by its name, as `audit` decides.
    public static func isJSON(_ path: String) -> Bool { path.lowercased().hasSuffix(".json") }
}
