/// One HTTP request as the pages see it: the server adapter (Hummingbird) fills it in, the pages never see
/// the server's types, so every page is a pure function from a request to a response and is unit-tested as one.
public struct WebRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The path below the mount point, starting with `/` (`/check`, `/library/book`).
    public var path: String
    public var query: FormFields
    /// The fields of a posted form (urlencoded or multipart), empty for GET.
    public var form: FormFields
    /// Files of a multipart form.
    public var files: [UploadedFile]
    public var cookies: [String: String]

    public init(
        method: Method, path: String, query: FormFields = FormFields(), form: FormFields = FormFields(),
        files: [UploadedFile] = [], cookies: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.form = form
        self.files = files
        self.cookies = cookies
    }

    /// Reads a request from its raw parts: the query string, the `Content-Type`, the body and the `Cookie` header.
    public static func parse(
        method: String, path: String, query: String, contentType: String?, body: [UInt8], cookieHeader: String?
    ) -> WebRequest? {
        guard let m = Method(rawValue: method.uppercased()) else { return nil }
        var request = WebRequest(method: m, path: path, query: FormFields(urlencoded: query))
        request.cookies = Cookies.parse(cookieHeader ?? "")
        guard m == .post, let contentType else { return request }
        let lower = contentType.lowercased()
        if lower.hasPrefix("application/x-www-form-urlencoded") {
            request.form = FormFields(urlencoded: String(decoding: body, as: UTF8.self))
        } else if lower.hasPrefix("multipart/form-data"), let boundary = Multipart.boundary(contentType) {
            let parts = Multipart.parse(body, boundary: boundary)
            request.form = parts.fields
            request.files = parts.files
        }
        return request
    }
}

/// A file sent with a multipart form.
public struct UploadedFile: Sendable {
    public var field: String
    public var filename: String
    public var bytes: [UInt8]

    public init(field: String, filename: String, bytes: [UInt8]) {
        self.field = field
        self.filename = filename
        self.bytes = bytes
    }
}

/// The answer to one request.
public struct WebResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int = 200, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    static func html(_ page: String, status: Int = 200) -> WebResponse {
        WebResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8")] + SecurityHeaders.page,
            body: Array(page.utf8))
    }

    static func redirect(_ location: String) -> WebResponse {
        WebResponse(status: 303, headers: [("Location", location)] + SecurityHeaders.page)
    }

    static func download(_ bytes: [UInt8], type: String, filename: String) -> WebResponse {
        WebResponse(
            status: 200,
            headers: [("Content-Type", type), ("Content-Disposition", "attachment; filename=\"\(filename)\"")]
                + SecurityHeaders.page, body: bytes)
    }
}

/// The headers every page carries: a Content-Security-Policy that allows nothing from another host and no
/// inline script, and the usual hardening.
enum SecurityHeaders {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; frame-src 'self'; base-uri 'none'; connect-src 'self'"
    static let page: [(name: String, value: String)] = [
        ("Content-Security-Policy", policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cache-Control", "no-store"),
    ]
}
