import Bylaw
import BylawTestSupport
import BylawYAML
import Foundation
import Testing

@testable import BylawBatch

/// The bytes `BatchReader` hands to its observer (which hashes them for the audit trail) are the bytes its
/// records are read from, even when the file is replaced while it is being read.
@Suite struct BatchInputHashTests {
    /// Collects every byte it is shown; on the first block, runs `onFirstBlock` once.
    final class Recorder: InputObserver {
        var bytes: [UInt8] = []
        var onFirstBlock: (() -> Void)?

        func begin(file: String) { bytes = [] }

        func update(_ block: UnsafeRawBufferPointer) {
            bytes.append(contentsOf: block)
            onFirstBlock?()
            onFirstBlock = nil
        }

        func end(file: String) {}
    }

    func temp() throws -> String {
        let dir = Scratch.root.appendingPathComponent("bylaw-hash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// Every record's `id`, or its first diagnostic's code.
    func ids(_ reader: BatchReader) -> [String] {
        var out: [String] = []
        while let record = reader.next() {
            switch record.document() {
            case .success(let (node, _)): out.append(node["id"]?.scalar?.text ?? "?")
            case .failure(let f): out.append("!" + (f.diagnostics.first?.code ?? "?"))
            }
        }
        return out
    }

    /// The observer swaps another file in under the same name as soon as the first block has been read (and
    /// hashed): the records must still come from the bytes that were hashed, not from the new file.
    @Test(arguments: ["yaml", "yml"]) func aYAMLFileReplacedWhileReadIsParsedFromTheBytesHashed(ext: String) throws {
        let dir = try temp()
        let path = dir + "/in.\(ext)"
        let original = "id: A-1\nkind: asset_disposal\n---\nid: A-2\nkind: asset_disposal\n"
        let replacement = "id: B-1\nkind: asset_disposal\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        try Data(replacement.utf8).write(to: URL(fileURLWithPath: dir + "/other.yaml"))
        let recorder = Recorder()
        recorder.onFirstBlock = { rename(dir + "/other.yaml", path) }
        let files = try BatchInputs.resolve([path], format: nil).get()
        let reader = BatchReader(files: files, mapping: nil, observer: recorder)
        #expect(ids(reader) == ["A-1", "A-2"])
        #expect(recorder.bytes == Array(original.utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == replacement, "the swap did not happen")
    }

    /// Each YAML record's bytes are a slice of what was hashed, and reading a stream in blocks keeps libyaml's
    /// exact line and column marks (a syntax error at the end of the third
    /// document, past the first 256 KiB block, is an unreadable record at that line).
    @Test func yamlRecordsAreSlicesOfTheHashedBytesWithExactMarks() throws {
        let dir = try temp()
        let path = dir + "/big.yaml"
        let filler = String(repeating: "x", count: 300_000)
        let text = "id: A-1\nnote: \(filler)\n---\nid: A-2\n---\nid: [unclosed\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let recorder = Recorder()
        let reader = BatchReader(
            files: try BatchInputs.resolve([path], format: nil).get(), mapping: nil, observer: recorder)
        var records: [BatchRecord] = []
        while let r = reader.next() { records.append(r) }
        #expect(recorder.bytes == Array(text.utf8))
        #expect(records.count == 3)
        #expect(records.map(\.source.description) == [path + ":1", path + ":4", path + ":7"])
        #expect(String(decoding: records[1].raw, as: UTF8.self) == "---\nid: A-2\n")
        guard case .unreadable(let diags) = records.last?.body else {
            Issue.record("the third document should be unreadable")
            return
        }
        #expect(diags.map(\.code) == ["yaml.syntax"])
        #expect(diags.first?.location?.line == 7)
        #expect(diags.first?.location?.column == 1)
    }
}
