import Bylaw
import BylawBatch
import BylawJSON
import FuzzSupport

/// The input is written to both files, so the same bytes go through the JSON Lines reader and the JSON file
/// reader (an array read item by item, or one record).
let files = [Fixtures.scratch + "/records.jsonl", Fixtures.scratch + "/records.json"]

// Batch input files as `bylaw audit` reads them: cut into records by `BatchReader`, each record then read into a
// tree. Checking the records is the JSON target's work.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    for file in files { Fixtures.write(bytes, to: file) }
    guard case .success(let resolved) = BatchInputs.resolve(files, format: nil) else { return 0 }
    let reader = BatchReader(files: resolved, mapping: nil, observer: nil)
    while let record = reader.next() { _ = record.document() }
    return 0
}

runFuzzer(fuzzJSONLines)
