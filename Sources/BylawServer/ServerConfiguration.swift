import BylawLocale
import Foundation

/// Everything `bylaw serve` is configured with. Precedence, highest first: command-line flags, then environment
/// variables (`BYLAW_SERVE_LISTEN`, `BYLAW_RULES`, `BYLAW_AUDIT`, `BYLAW_AUDIT_KEY_FILE`, `BYLAW_LANG`), then the
/// config file (`--config FILE` or `$BYLAW_SERVE_CONFIG`, JSON), then the defaults below. Accounts come from the
/// file only.
public struct ServerConfiguration: Sendable, Equatable {
    /// The rule library folder.
    public var rules = "rules"
    /// `HOST:PORT`; port 0 picks a free one.
    public var listen = "127.0.0.1:8080"
    /// The SQLite audit store; nil serves without a trail (`"audit": null` in the file): checks are then not
    /// recorded and carry no receipt.
    public var audit: String? = "bylaw-audit.sqlite"
    /// The key that masks sensitive fields in the trail (nil: they are redacted).
    public var auditKeyFile: String?
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes = 1 << 20
    /// The most decisions in one `POST /v1/check:batch`.
    public var maxBatch = 1000
    /// A request not answered within this many seconds is answered 503 (its work may still finish and be recorded).
    public var requestTimeoutSeconds = 30.0
    /// An idle connection is closed after this many seconds.
    public var idleTimeoutSeconds = 60.0
    /// The largest upload `POST /v1/audits` accepts, in bytes; it is written to disk as it arrives.
    public var maxUploadBytes = 256 << 20
    /// The most batch audits running at once (the API's and the web page's together).
    public var maxAudits = 2
    /// How long a finished audit's reports are kept, in seconds.
    public var auditRetentionSeconds = 3600.0
    /// Where audits keep their uploads and reports (nil: a folder of this process under the temporary folder).
    public var auditsFolder: String?
    /// The PEM certificate chain and private key to serve HTTPS with; both or neither.
    public var tlsCertificate: String?
    public var tlsKey: String?
    /// Reload the rules when a file under the rules folder changes (besides SIGHUP).
    public var watchRules = true
    /// The accounts that may sign in.
    public var accounts: [Account] = []
    /// Roles granted to a request without credentials; nil (the default): such a request is refused.
    public var anonymousRoles: Set<Role>?
    /// The language of the service's own messages (refusals) when a request asks for none with `?lang=` or
    /// `Accept-Language`. `bylaw serve` starts from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), as the
    /// command line does.
    public var language = Language.english

    public init() {}

    /// The file's members; unknown members are refused so that a typo does not silently weaken the service.
    struct File: Decodable {
        var rules: String?
        var listen: String?
        var audit: String??
        var audit_key_file: String?
        var max_body_bytes: Int?
        var max_batch: Int?
        var request_timeout_seconds: Double?
        var idle_timeout_seconds: Double?
        var max_upload_bytes: Int?
        var max_audits: Int?
        var audit_retention_seconds: Double?
        var audits_folder: String?
        var tls_certificate: String?
        var tls_key: String?
        var watch_rules: Bool?
        var accounts: [Account.File]?
        var anonymous: Anonymous?
        var lang: String?

        struct Anonymous: Decodable {
            var roles: [Role]
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case rules, listen, audit, audit_key_file, max_body_bytes, max_batch, request_timeout_seconds
            case idle_timeout_seconds, max_upload_bytes, max_audits, audit_retention_seconds, audits_folder
            case tls_certificate, tls_key, watch_rules, accounts, anonymous, lang
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rules = try c.decodeIfPresent(String.self, forKey: .rules)
            listen = try c.decodeIfPresent(String.self, forKey: .listen)
            if c.contains(.audit) { audit = .some(try c.decodeIfPresent(String.self, forKey: .audit)) }
            audit_key_file = try c.decodeIfPresent(String.self, forKey: .audit_key_file)
            max_body_bytes = try c.decodeIfPresent(Int.self, forKey: .max_body_bytes)
            max_batch = try c.decodeIfPresent(Int.self, forKey: .max_batch)
            request_timeout_seconds = try c.decodeIfPresent(Double.self, forKey: .request_timeout_seconds)
            idle_timeout_seconds = try c.decodeIfPresent(Double.self, forKey: .idle_timeout_seconds)
            max_upload_bytes = try c.decodeIfPresent(Int.self, forKey: .max_upload_bytes)
            max_audits = try c.decodeIfPresent(Int.self, forKey: .max_audits)
            audit_retention_seconds = try c.decodeIfPresent(Double.self, forKey: .audit_retention_seconds)
            audits_folder = try c.decodeIfPresent(String.self, forKey: .audits_folder)
            tls_certificate = try c.decodeIfPresent(String.self, forKey: .tls_certificate)
            tls_key = try c.decodeIfPresent(String.self, forKey: .tls_key)
            watch_rules = try c.decodeIfPresent(Bool.self, forKey: .watch_rules)
            accounts = try c.decodeIfPresent([Account.File].self, forKey: .accounts)
            anonymous = try c.decodeIfPresent(Anonymous.self, forKey: .anonymous)
            lang = try c.decodeIfPresent(String.self, forKey: .lang)
        }
    }

    /// Reads a config file over the defaults.
    public mutating func apply(file bytes: Data, name: String) throws(ConfigurationError) {
        if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            let known = Set(File.CodingKeys.allCases.map(\.rawValue))
            if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
                throw ConfigurationError("unknown-setting", name, unknown)
            }
        }
        let f: File
        do {
            f = try JSONDecoder().decode(File.self, from: bytes)
        } catch {
            throw Self.refusal(error, file: name)
        }
        if let v = f.rules { rules = v }
        if let v = f.listen { listen = v }
        if let v = f.audit { audit = v }
        if let v = f.audit_key_file { auditKeyFile = v }
        if let v = f.max_body_bytes { maxBodyBytes = v }
        if let v = f.max_batch { maxBatch = v }
        if let v = f.request_timeout_seconds { requestTimeoutSeconds = v }
        if let v = f.idle_timeout_seconds { idleTimeoutSeconds = v }
        if let v = f.max_upload_bytes { maxUploadBytes = v }
        if let v = f.max_audits { maxAudits = v }
        if let v = f.audit_retention_seconds { auditRetentionSeconds = v }
        if let v = f.audits_folder { auditsFolder = v }
        if let v = f.tls_certificate { tlsCertificate = v }
        if let v = f.tls_key { tlsKey = v }
        if let v = f.watch_rules { watchRules = v }
        if let v = f.anonymous { anonymousRoles = Set(v.roles) }
        if let v = f.lang {
            guard let chosen = Language(tag: v) else { throw ConfigurationError("bad-lang", name) }
            language = chosen
        }
        if let v = f.accounts { accounts = try v.map { a throws(ConfigurationError) in try Account(a) } }
        try validate()
    }

    /// Environment variables over the file.
    public mutating func apply(environment env: [String: String]) throws(ConfigurationError) {
        if let v = env["BYLAW_RULES"], !v.isEmpty { rules = v }
        if let v = env["BYLAW_SERVE_LISTEN"], !v.isEmpty { listen = v }
        if let v = env["BYLAW_AUDIT"], !v.isEmpty { audit = v }
        if let v = env["BYLAW_AUDIT_KEY_FILE"], !v.isEmpty { auditKeyFile = v }
        // As on the command line, a `BYLAW_LANG` that names no language is passed over.
        if let v = env["BYLAW_LANG"], let chosen = Language(tag: v) { language = chosen }
        try validate()
    }

    /// Refuses settings the service cannot run with.
    public func validate() throws(ConfigurationError) {
        guard (1...(1 << 30)).contains(maxBodyBytes) else {
            throw ConfigurationError("range", "max_body_bytes", "1", "1073741824")
        }
        guard (1...100_000).contains(maxBatch) else { throw ConfigurationError("range", "max_batch", "1", "100000") }
        guard requestTimeoutSeconds > 0, requestTimeoutSeconds <= 3600 else {
            throw ConfigurationError("above-zero", "request_timeout_seconds", "3600")
        }
        guard idleTimeoutSeconds > 0, idleTimeoutSeconds <= 86400 else {
            throw ConfigurationError("above-zero", "idle_timeout_seconds", "86400")
        }
        guard (1...(1 << 40)).contains(maxUploadBytes) else {
            throw ConfigurationError("range", "max_upload_bytes", "1", "1099511627776")
        }
        guard (1...64).contains(maxAudits) else { throw ConfigurationError("range", "max_audits", "1", "64") }
        guard auditRetentionSeconds >= 0, auditRetentionSeconds <= 30 * 86400 else {
            throw ConfigurationError("range", "audit_retention_seconds", "0", "2592000")
        }
        guard (tlsCertificate == nil) == (tlsKey == nil) else {
            throw ConfigurationError("tls-pair")
        }
        _ = try address()
        var names = Set<String>()
        var tokens = Set<[UInt8]>()
        for a in accounts {
            guard names.insert(a.name).inserted else {
                throw ConfigurationError("account-twice", a.name)
            }
            // One token, one account: the actor recorded must never depend on which account is listed first.
            if let t = a.tokenHash, !tokens.insert(t).inserted {
                throw ConfigurationError("account-shared-token", a.name)
            }
        }
    }

    /// `listen` split into host and port.
    public func address() throws(ConfigurationError) -> (host: String, port: Int) {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw ConfigurationError("bad-listen", listen) }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    /// Why a config file could not be decoded, naming the setting: a missing one, one of the wrong type, or a file
    /// that is not JSON.
    private static func refusal(_ error: any Error, file: String) -> ConfigurationError {
        switch error {
        case DecodingError.keyNotFound(let key, let c):
            return ConfigurationError("missing-setting", file, path(c.codingPath + [key]))
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            return ConfigurationError("wrong-type", file, path(c.codingPath))
        case DecodingError.dataCorrupted(let c):
            return c.codingPath.isEmpty
                ? ConfigurationError("not-json", file) : ConfigurationError("wrong-type", file, path(c.codingPath))
        default:
            return ConfigurationError("invalid-file", file, "\(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(
            in: CharacterSet(charactersIn: "."))
    }
}

/// A configuration the service refuses to start with: a catalogue entry (`serve-config.` + `id`) and the values
/// it quotes, so that it is said in the reader's language.
public struct ConfigurationError: Error, Sendable, Equatable {
    public var id: String
    public var arguments: [String]

    public init(_ id: String, _ arguments: String...) {
        self.id = id
        self.arguments = arguments
    }

    /// The message in `language`.
    public func text(in language: Language) -> String {
        language.text("serve-config." + id, arguments: arguments)
    }

    /// The message in English, for logs and tests.
    public var message: String { text(in: .english) }
}
