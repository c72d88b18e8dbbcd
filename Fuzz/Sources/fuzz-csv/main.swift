import Bylaw
import BylawBatch
import BylawJSON
import FuzzSupport

/// Checks rows as `bylaw audit --kind asset_disposal` does, against the shipped library.
let checker = BatchChecker(library: Fixtures.library, defaultKind: "asset_disposal")

// A CSV file as `bylaw audit` reads one: the first record is the header, laid out with the example column
// mapping and without one (header cells are then field paths); every row of the header's width is typed and
// checked against the shipped rule library.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    for mapping in [Fixtures.columns, nil] {
        let reader = CSVReader(stream: ByteStream(bytes: bytes), file: "fuzz.csv")
        guard case .record(let header) = reader.next(),
            case .success(let layout) = CSVLayout.make(header: header, mapping: mapping, file: "fuzz.csv")
        else { continue }
        var row = 0
        while let result = reader.next() {
            row += 1
            guard case .record(let cells) = result, cells.cells.count == layout.width else { continue }
            let record = BatchRecord(
                source: RecordSource(file: "fuzz.csv", position: .row(row)), body: .csv(cells, layout), raw: cells.raw)
            _ = checker.check(record, index: row, keepDocument: true)
        }
    }
    return 0
}

runFuzzer(fuzzCSV)
