import Foundation

/// An uploaded body kept on disk: `multipart/form-data` split into its parts without reading the file into
/// memory (the file is mapped; each part is a range of it).
struct UploadBody {
    /// One part of a form: its field name, its file name when it is a file, and where its bytes are.
    struct Part {
        var name: String
        var filename: String?
        var range: Range<Int>
    }

    /// Why a form cannot be read.
    struct Malformed: Error {
        var message: APIMessage
        init(_ message: APIMessage) { self.message = message }
    }

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        guard let value = parameters(contentType[...]).first(where: { $0.key == "boundary" })?.value else {
            return nil
        }
        return value.isEmpty || value.utf8.count > 200 ? nil : value
    }

    /// The `key=value` parameters after a header value's first `;`, keys lower-cased, quotes taken off values.
    static func parameters(_ field: Substring) -> [(key: String, value: String)] {
        field.split(separator: ";").dropFirst().compactMap { parameter in
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { return nil }
            return (pair[0].lowercased(), pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
    }

    /// The parts of a form held in `data`.
    static func parts(of data: Data, boundary: String) throws(Malformed) -> [Part] {
        let delimiter = Data(("--" + boundary).utf8)
        let crlf = Data("\r\n".utf8)
        let blank = Data("\r\n\r\n".utf8)
        guard var at = data.range(of: delimiter)?.upperBound else {
            throw Malformed(.text("api.upload.malformed.no-part"))
        }
        var parts: [Part] = []
        while true {
            // After a delimiter: `--` ends the form, else a line break and the part's headers.
            if data[at..<min(data.count, at + 2)] == Data("--".utf8) { return parts }
            guard data[at..<min(data.count, at + 2)] == crlf, parts.count < 32 else {
                throw Malformed(.text("api.upload.malformed.separator"))
            }
            guard let headersEnd = data.range(of: blank, in: at..<min(data.count, at + 8192)) else {
                throw Malformed(.text("api.upload.malformed.headers"))
            }
            let headers = String(decoding: data[(at + 2)..<headersEnd.lowerBound], as: UTF8.self)
            guard let next = data.range(of: crlf + delimiter, in: headersEnd.upperBound..<data.count) else {
                throw Malformed(.text("api.upload.malformed.unclosed"))
            }
            guard let (name, filename) = disposition(headers) else {
                throw Malformed(.text("api.upload.malformed.no-name"))
            }
            parts.append(Part(name: name, filename: filename, range: headersEnd.upperBound..<next.lowerBound))
            at = next.upperBound
        }
    }

    /// `name` and `filename` of a part's `Content-Disposition: form-data; name="…"; filename="…"`.
    static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-disposition" else { continue }
            let params = parameters(pair[1])
            // The last of each, as the loop over them used to leave it.
            let name = params.last { $0.key == "name" }?.value
            let filename = params.last { $0.key == "filename" }?.value
            return name.map { ($0, filename) }
        }
        return nil
    }

    /// Writes `range` of `data` to a new file at `path`, a megabyte at a time.
    static func write(_ data: Data, _ range: Range<Int>, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw Malformed(.text("api.audit.storage")) }
        defer { try? handle.close() }
        var at = range.lowerBound
        while at < range.upperBound {
            let end = min(range.upperBound, at + (1 << 20))
            try handle.write(contentsOf: data[at..<end])
            at = end
        }
    }
}
