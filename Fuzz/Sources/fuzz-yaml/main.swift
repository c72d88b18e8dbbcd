import BylawYAML
import FuzzSupport

// Decision YAML (and JSON through libyaml) under the decision limits: one document, then the same bytes as a
// stream of documents, each with its source bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    _ = try? YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: .decision)
    let stream = YAMLDocumentStream(bytes: bytes, file: "fuzz.yaml", limits: .decision)
    while (try? stream.nextWithBytes()) != nil {}
    return 0
}

runFuzzer(fuzzYAML)
