import BylawYAML
import FuzzSupport

// YAML (and JSON through libyaml) as a decision is read, under the decision limits: one document, then the same
// bytes as a stream of documents, each with its source bytes. Then as a rule set or calendar is read, under the
// rule-set limits, where anchors and aliases are allowed and their expansion is bounded.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    _ = try? YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: .decision)
    let stream = YAMLDocumentStream(bytes: bytes, file: "fuzz.yaml", limits: .decision)
    while (try? stream.nextWithBytes()) != nil {}
    _ = try? YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: .ruleSet)
    return 0
}

runFuzzer(fuzzYAML)
