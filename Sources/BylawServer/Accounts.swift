import BylawAudit
import Crypto
import Foundation

/// What an account may do.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    /// Checks and explains decisions.
    case checker
    /// Runs audits, reads and verifies the trail.
    case auditor
    /// Lints and tests rule sets, reads rule books.
    case author
    /// Everything in the trail, export included.
    case auditAdmin = "audit-admin"
}

/// One thing a request asks to do; each route names the one it needs.
public enum Permission: String, Sendable, CaseIterable {
    case check, explain, lint, test, book, rulesets, audits, logRead, logVerify, logExport

    /// The roles that grant it.
    public var roles: Set<Role> {
        switch self {
        case .check, .explain: [.checker]
        case .lint, .test, .book: [.author]
        case .rulesets: Set(Role.allCases)
        case .audits, .logRead, .logVerify: [.auditor, .auditAdmin]
        case .logExport: [.auditAdmin]
        }
    }
}

/// A configured account: a name (what the trail records as the actor), its roles, and how it proves who it is —
/// an API token, a password, or both, kept only as hashes.
public struct Account: Sendable, Equatable {
    public var name: String
    public var roles: Set<Role>
    /// SHA-256 of the API token (a `Bearer` credential), 32 bytes; tokens are long random strings, so a plain
    /// hash is enough to keep them unusable if the file leaks.
    public var tokenHash: [UInt8]?
    /// A password for HTTP basic: its salt and SHA-256(salt ‖ password).
    public var password: (salt: [UInt8], hash: [UInt8])?

    public init(name: String, roles: Set<Role>, token: String? = nil, password: String? = nil, salt: String = "") {
        self.name = name
        self.roles = roles
        tokenHash = token.map { Array(SHA256.hash(data: Data($0.utf8))) }
        self.password = password.map { (Array(salt.utf8), Self.saltedHash(salt: Array(salt.utf8), password: $0)) }
    }

    public static func == (a: Account, b: Account) -> Bool {
        a.name == b.name && a.roles == b.roles && a.tokenHash == b.tokenHash && a.password?.salt == b.password?.salt
            && a.password?.hash == b.password?.hash
    }

    /// Whether the account may do `permission`.
    public func may(_ permission: Permission) -> Bool { !roles.isDisjoint(with: permission.roles) }

    static func saltedHash(salt: [UInt8], password: String) -> [UInt8] {
        Array(SHA256.hash(data: salt + Array(password.utf8)))
    }

    /// As the config file writes it: `{"name", "roles", "token_sha256": HEX, "password": "sha256:SALT:HEX"}`.
    struct File: Decodable {
        var name: String
        var roles: [Role]
        var token_sha256: String?
        var password: String?
    }

    init(_ f: File) throws(ConfigurationError) {
        guard !f.name.isEmpty, f.name.count <= 128,
            f.name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "\u{7F}" })
        else {
            throw ConfigurationError("bad-account-name")
        }
        name = f.name
        roles = Set(f.roles)
        if let t = f.token_sha256 {
            guard let bytes = AuditHex.decode(t), bytes.count == 32 else {
                throw ConfigurationError("bad-token", f.name)
            }
            tokenHash = bytes
        }
        if let p = f.password {
            let parts = p.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0] == "sha256", let hash = AuditHex.decode(String(parts[2])), hash.count == 32
            else {
                throw ConfigurationError("bad-password", f.name)
            }
            password = (Array(parts[1].utf8), hash)
        }
        guard tokenHash != nil || password != nil else {
            throw ConfigurationError("no-credential", f.name)
        }
    }
}

/// Decides who a request comes from, from its `Authorization` header alone: `Bearer TOKEN` or `Basic`. A header
/// naming an actor is never believed. Reusable by any front door that signs people in (the web pages).
public struct Authenticator: Sendable {
    public var accounts: [Account]
    public var anonymousRoles: Set<Role>?

    public init(accounts: [Account], anonymousRoles: Set<Role>? = nil) {
        self.accounts = accounts
        self.anonymousRoles = anonymousRoles
    }

    /// Who signed in, or why not.
    public enum Outcome: Sendable, Equatable {
        case account(Account)
        /// No credentials, and anonymous use is not configured.
        case missing
        /// Credentials given that match no account.
        case invalid
    }

    /// The account the `Authorization` header proves, the anonymous account when there is none and anonymous
    /// use is configured.
    public func authenticate(authorization: String?) -> Outcome {
        guard let header = authorization.map({ Self.trimmed($0[...]) }), !header.isEmpty else {
            if let anonymousRoles { return .account(Account(name: "anonymous", roles: anonymousRoles)) }
            return .missing
        }
        let scheme = header.prefix { $0 != " " }.lowercased()
        let credential = String(Self.trimmed(header.drop { $0 != " " }))
        switch scheme {
        case "bearer":
            let hash = Array(SHA256.hash(data: Data(credential.utf8)))
            return accounts.first { a in a.tokenHash.map { Self.same($0, hash) } ?? false }.map(Outcome.account)
                ?? .invalid
        case "basic":
            guard let data = Data(base64Encoded: credential), let text = String(data: data, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { return .invalid }
            return signIn(name: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
        default:
            return .invalid
        }
    }

    /// A name and password (HTTP basic, or a sign-in form).
    public func signIn(name: String, password: String) -> Outcome {
        guard let a = accounts.first(where: { $0.name == name }), let p = a.password else { return .invalid }
        return Self.same(Account.saltedHash(salt: p.salt, password: password), p.hash) ? .account(a) : .invalid
    }

    /// The text without the spaces and tabs around it (Foundation's trimming cost a fortieth of a check).
    static func trimmed(_ s: Substring) -> Substring {
        var start = s.startIndex
        var end = s.endIndex
        while start < end, s[start] == " " || s[start] == "\t" { start = s.index(after: start) }
        while end > start, s[s.index(before: end)] == " " || s[s.index(before: end)] == "\t" {
            end = s.index(before: end)
        }
        return s[start..<end]
    }

    /// Compares two digests in time that does not depend on where they differ.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var d: UInt8 = 0
        for k in a.indices { d |= a[k] ^ b[k] }
        return d == 0
    }
}
