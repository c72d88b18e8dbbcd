import Bylaw
import BylawBatch
import BylawJSON
import BylawYAML
import FuzzSupport

/// Checks records as `bylaw audit` does, against the shipped library; a record without a `kind` is an asset disposal.
let checker = BatchChecker(library: Fixtures.library, defaultKind: "asset_disposal")

// One JSON record, as a line of JSON Lines or an item of a JSON array is after it has been cut out: read into a
// tree (`JSONNodeReader`), typed straight from the bytes (`TypedJSON`), written canonically (`PlainJSONCanonical`)
// and checked against the shipped rule library each way.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let record = BatchRecord(
        source: RecordSource(file: "fuzz.jsonl", position: .line(1)),
        body: .json(YAMLMark(line: 1, column: 1, offset: 0)), raw: inputBytes(data, size))
    _ = checker.check(record, index: 0, keepDocument: false)
    _ = checker.checkForRecord(record, index: 0)
    return 0
}

runFuzzer(fuzzJSON)
