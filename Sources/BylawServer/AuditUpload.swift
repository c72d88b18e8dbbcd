import Bylaw
import BylawBatch
import BylawDiagnostics
import Foundation

/// What `POST /v1/audits` received, once on disk: the records' file (named by its format), how the client named
/// it, the mapping and the settings. Either the body is the file itself (its format from `?format=`, the
/// content type or `?filename=`), or a `multipart/form-data` form with a `file` part and optional `mapping`,
/// `kind`, `format` and `sheet` parts. Refused (4xx, with the reader's diagnostics) when it cannot be read.
struct AuditUpload {
    var name: String
    var path: String
    var files: [BatchFile]
    var kind: String?
    var mapping: CSVMapping?
    var sheet: String?

    static let formats = ["csv", "xlsx", "jsonl", "json", "yaml"]

    static func read(
        _ body: String, folder: String, contentType: String?, query: [String: String]
    ) throws(APIError) -> AuditUpload {
        var fields: [String: String] = [:]
        var filename = query["filename"]
        var type = contentType
        let file: String
        if let boundary = UploadBody.boundary(contentType: contentType) {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: body), options: .alwaysMapped)
            } catch {
                throw APIError(.serviceUnavailable, "audit.storage", .text("api.audit.storage.read-back"))
            }
            let parts: [UploadBody.Part]
            do throws(UploadBody.Malformed) {
                parts = try UploadBody.parts(of: data, boundary: boundary)
            } catch {
                throw APIError(.badRequest, "upload.malformed", error.message)
            }
            guard let filePart = parts.first(where: { $0.name == "file" }) else {
                throw APIError(.badRequest, "upload.no-file", .text("api.upload.no-file"))
            }
            for part in parts where part.name != "file" && part.range.count <= 1 << 20 {
                fields[part.name] = String(decoding: data[part.range], as: UTF8.self)
            }
            filename = filePart.filename ?? filename
            type = nil
            file = folder + "/part"
            do {
                try UploadBody.write(data, filePart.range, to: file)
            } catch {
                throw APIError(.serviceUnavailable, "audit.storage", .text("api.audit.storage"))
            }
            try? FileManager.default.removeItem(atPath: body)
        } else {
            file = body
        }
        let form = fields
        let setting = { (key: String) in form[key] ?? query[key] }
        guard let format = format(setting("format"), contentType: type, filename: filename) else {
            throw APIError(
                .unsupportedMediaType, "audit.format", APIMessage("api.audit.format", [.alternatives(formats)]))
        }
        let named = folder + "/upload." + format.rawValue
        do {
            try FileManager.default.moveItem(atPath: file, toPath: named)
        } catch {
            throw APIError(.serviceUnavailable, "audit.storage", .text("api.audit.storage"))
        }
        var upload = AuditUpload(
            name: shownName(filename, format: format), path: named, files: [], kind: setting("kind"),
            mapping: nil, sheet: setting("sheet"))
        if let text = fields["mapping"], !text.isEmpty {
            let mapPath = folder + "/mapping.yaml"
            try? Data(text.utf8).write(to: URL(fileURLWithPath: mapPath))
            switch CSVMapping.load(path: mapPath) {
            case .failure(let f): throw refusal("audit.mapping", f, mapPath, "mapping")
            case .success(let m): upload.mapping = m
            }
        }
        if format == .csv || format == .xlsx {
            let options = BatchReadOptions(sheet: upload.sheet)
            if case .failure(let f) = SheetSample.read(path: named, options: options) {
                throw refusal("audit.unreadable", f, named, upload.name)
            }
        }
        switch BatchInputs.resolve([named], format: format) {
        case .failure(let f): throw refusal("audit.unreadable", f, named, upload.name)
        case .success(let files): upload.files = files
        }
        return upload
    }

    /// 422 with the reader's diagnostics, naming the upload as the client named it; the message (`api.CODE`,
    /// or `api.CODE.first` quoting the first diagnostic) says why.
    static func refusal(_ code: String, _ f: LoadFailure, _ path: String, _ name: String) -> APIError {
        let diagnostics = f.diagnostics.map { $0.namingFile(path, as: name) }
        let message =
            diagnostics.first.map { APIMessage("api.\(code).first", [.diagnostic($0)]) } ?? .text("api.\(code)")
        return APIError(.unprocessableContent, code, message, diagnostics: diagnostics)
    }

    static func format(_ asked: String?, contentType: String?, filename: String?) -> InputFormat? {
        if let asked { return InputFormat(rawValue: asked.lowercased()) }
        switch BylawService.mediaType(contentType) {
        case "text/csv": return .csv
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return .xlsx
        case "application/x-ndjson", "application/jsonl", "application/json-lines": return .jsonl
        case "application/yaml", "application/x-yaml", "text/yaml": return .yaml
        case "application/json": return .json
        default: return filename.flatMap { InputFormat.of(path: $0) }
        }
    }

    /// The client's file name without any folder, or `upload.FORMAT`.
    static func shownName(_ filename: String?, format: InputFormat) -> String {
        let base = filename?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(200))
        return kept.isEmpty ? "upload.\(format.rawValue)" : kept
    }
}
