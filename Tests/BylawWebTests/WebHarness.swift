import Bylaw
import BylawAudit
import BylawJobs
import BylawTestSupport
import Foundation

@testable import BylawWeb

/// An app over the shipped rule library and a fresh audit store, with one account per role, and a browser-like
/// client that keeps cookies and reads the CSRF token from each page.
struct WebHarness {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let library = RuleLibrary.load(root: repo.appendingPathComponent("rules").path)
    static let password = "s3cret-密码"

    let app: WebApp
    let trailPath: String

    init() {
        let dir = Scratch.root.appendingPathComponent("web-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("audit.db").path
        trailPath = path
        let library = Self.library
        let backend = WebBackend(
            library: { library },
            recording: { actor in Recording(trail: try AuditStore(path: path), actor: actor, maskingKey: nil) },
            trail: { try AuditStore(path: path) })
        let hash = StaticAccounts.hash(Self.password)
        let roles: [(String, Role)] = [
            ("checker1", .checker), ("auditor1", .auditor), ("author1", .author), ("admin1", .auditAdmin),
        ]
        var table: [String: (roles: Set<Role>, sha256: String)] = [:]
        for (name, role) in roles { table[name] = ([role], hash) }
        let accounts = StaticAccounts(table)
        app = WebApp(backend: backend, accounts: accounts)
    }

    /// A client signed in as `name` (through the sign-in form, as a browser would).
    func client(_ name: String) -> WebClient {
        var c = WebClient(app: app)
        let form = c.get("/signin")
        let token = WebClient.csrf(in: form.text) ?? ""
        _ = c.post("/signin", ["csrf": token, "name": name, "password": Self.password])
        return c
    }

    func records() -> Int {
        ((try? AuditStore(path: trailPath).list(RecordFilter()))?.count) ?? -1
    }

    /// The refused requests in the trail, oldest first.
    func refusals() -> [RecordSummary] {
        var filter = RecordFilter()
        filter.verdict = "refused"
        return ((try? AuditStore(path: trailPath).list(filter)) ?? []).sorted { $0.seq < $1.seq }
    }

    /// The stored canonical record `seq`, parsed.
    func record(_ seq: Int64) -> [String: Any] {
        guard let bytes = try? AuditStore(path: trailPath).canonical(of: String(seq)),
            let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        else { return [:] }
        return object
    }
}

struct WebClient {
    let app: WebApp
    var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had one.
    var csrf = ""

    init(app: WebApp) { self.app = app }

    mutating func get(_ target: String) -> WebResponse {
        let parts = target.split(separator: "?", maxSplits: 1)
        let request = WebRequest(
            method: .get, path: String(parts[0]),
            query: FormFields(urlencoded: parts.count > 1 ? String(parts[1]) : ""), cookies: cookies)
        return take(app.handle(request))
    }

    mutating func post(_ path: String, _ fields: [(String, String)], files: [UploadedFile] = []) -> WebResponse {
        let request = WebRequest(
            method: .post, path: path, form: FormFields(fields.map { (name: $0.0, value: $0.1) }), files: files,
            cookies: cookies)
        return take(app.handle(request))
    }

    mutating func post(_ path: String, _ fields: [String: String]) -> WebResponse {
        post(path, fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    private mutating func take(_ r: WebResponse) -> WebResponse {
        for (name, value) in r.headers where name == "Set-Cookie" {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard let key = pair.first.map(String.init) else { continue }
            let v = pair.count > 1 ? String(pair[1]) : ""
            if v.isEmpty || value.contains("Max-Age=0") { cookies[key] = nil } else { cookies[key] = v }
        }
        if let token = Self.csrf(in: r.text) { csrf = token }
        return r
    }

    static func csrf(in html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// Starts a verification of the trail from the trail page, waits for it as the page's script does, and
    /// returns the page that shows its result.
    mutating func verify() -> String {
        let started = post("/trail/verify", [("csrf", csrf)])
        guard started.status == 303, let location = started.header("Location") else { return started.text }
        let target = String(location.dropFirst(app.base.count))
        for _ in 0..<400 {
            let status = get(target.replacingOccurrences(of: "/trail/verify?", with: "/trail/verify/status?")).text
            if status.contains("\"finished\":true") { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return get(target).text
    }

    /// A decision file sent with the upload form.
    mutating func check(file name: String, bytes: [UInt8]) -> WebResponse {
        post("/check", [("csrf", csrf)], files: [UploadedFile(field: "file", filename: name, bytes: bytes)])
    }
}

enum Examples {
    static func bytes(_ relative: String) -> [UInt8] {
        Array((try? Data(contentsOf: WebHarness.repo.appendingPathComponent(relative))) ?? Data())
    }
    static let compliant = "rules/cadre-selection/examples/compliant-2025-deputy-bureau.yaml"
    static let nonCompliant = "rules/cadre-selection/examples/non-compliant-2025-skip-single-signature.yaml"
}
