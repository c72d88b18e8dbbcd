import Testing

@testable import BylawYAML

/// Multi-document mode reads one document at a time: the stream keeps no list of documents and
/// drops the bytes of each finished document, so memory stays bounded however long the stream.
@Suite struct StreamTests {
    @Test func hundredThousandDocumentsInConstantMemory() throws {
        let path = "/tmp/bylaw-yaml-stream-\(UInt32.random(in: 0...UInt32.max)).yaml"
        var text = ""
        for i in 0..<100_000 { text += "---\nid: \(i)\nok: true\n" }
        try #require(writeFile(path, Array(text.utf8)))
        defer { removeFile(path) }
        let stream = try YAMLDocumentStream(path: path, limits: .decision)
        var count = 0
        var maxBuffered = 0
        while let doc = try stream.next() {
            #expect(doc["id"]?.scalar?.text == String(count))
            count += 1
            maxBuffered = max(maxBuffered, stream.bufferedByteCount)
        }
        #expect(count == 100_000)
        #expect(text.utf8.count > 2_000_000)
        #expect(maxBuffered < 64 * 1024, "the stream held \(maxBuffered) bytes at once")
        #expect(try stream.next() == nil)
    }

    @Test func limitsApplyPerDocumentAndErrorsStick() throws {
        let stream = YAMLDocumentStream(
            bytes: Array("a: 1\n---\na: 1\na: 2\n---\nb: 3\n".utf8), file: "s.yaml", limits: .decision)
        #expect(try stream.next()?["a"]?.scalar?.text == "1")
        for _ in 0..<2 {
            do {
                _ = try stream.next()
                Issue.record("expected the duplicate key to be rejected")
            } catch {
                #expect(error.diagnostics.first?.code == "yaml.duplicate-key")
                #expect(error.diagnostics.first?.location?.line == 4)
            }
        }
    }

    @Test func emptyStreamHasNoDocuments() throws {
        let stream = YAMLDocumentStream(bytes: [], file: "s.yaml", limits: .decision)
        #expect(try stream.next() == nil)
    }
}
