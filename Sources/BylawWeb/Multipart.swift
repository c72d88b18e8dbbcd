/// `multipart/form-data` bodies (RFC 7578): text fields and files. Malformed parts are skipped, never fatal.
enum Multipart {
    /// The `boundary` parameter of a Content-Type, unquoted.
    static func boundary(_ contentType: String) -> String? {
        for param in contentType.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingSpaces.lowercased() == "boundary" else { continue }
            var value = kv[1].trimmingSpaces
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty || value.utf8.count > 200 ? nil : value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) -> (fields: FormFields, files: [UploadedFile]) {
        let delimiter = Array(("--" + boundary).utf8)
        var fields = FormFields()
        var files: [UploadedFile] = []
        var starts: [Int] = []
        var i = 0
        while let at = find(delimiter, in: body, from: i) {
            starts.append(at)
            i = at + delimiter.count
        }
        for (n, start) in starts.enumerated() where n + 1 < starts.count {
            var from = start + delimiter.count
            if from + 1 < body.count, body[from] == 13, body[from + 1] == 10 { from += 2 }
            var to = starts[n + 1]
            if to >= 2, body[to - 2] == 13, body[to - 1] == 10 { to -= 2 }
            guard from <= to, let split = find([13, 10, 13, 10], in: body, from: from), split <= to else { continue }
            let head = String(decoding: body[from..<split], as: UTF8.self)
            let content = Array(body[(split + 4)..<max(split + 4, to)])
            guard let disposition = headerValue("content-disposition", in: head),
                let name = parameter("name", in: disposition)
            else { continue }
            if let filename = parameter("filename", in: disposition) {
                if !filename.isEmpty || !content.isEmpty {
                    files.append(UploadedFile(field: name, filename: filename, bytes: content))
                }
            } else {
                fields.pairs.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
        return (fields, files)
    }

    private static func headerValue(_ name: String, in head: String) -> String? {
        for line in head.split(separator: "\r\n") {
            let kv = line.split(separator: ":", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingSpaces.lowercased() == name { return kv[1].trimmingSpaces }
        }
        return nil
    }

    private static func parameter(_ name: String, in value: String) -> String? {
        for param in value.split(separator: ";").dropFirst() {
            let kv = param.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, kv[0].trimmingSpaces.lowercased() == name else { continue }
            let v = kv[1].trimmingSpaces
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { return String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count, from <= hay.count - needle.count else { return nil }
        var i = from
        let first = needle[0]
        while i <= hay.count - needle.count {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
