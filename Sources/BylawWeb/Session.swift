import Crypto
import Foundation

/// What an account may do, as `bylaw serve` defines the roles.
public enum Role: String, Sendable, CaseIterable, Comparable {
    case checker
    case auditor
    case author
    case auditAdmin = "audit-admin"

    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}

/// What a page may offer, each granted to the roles the service's API grants the same permission (`check`:
/// checkers; the rule sets: everyone; the rule book: authors; audits and the trail: auditors and audit-admins),
/// so a page never offers what the API would refuse.
public enum Ability: Sendable, CaseIterable {
    case check, library, book, batchAudit, trail, trailExport, playground

    /// The roles that grant it.
    public var roles: Set<Role> {
        switch self {
        case .check: [.checker]
        case .library: Set(Role.allCases)
        case .book, .playground: [.author]
        case .batchAudit, .trail: [.auditor, .auditAdmin]
        case .trailExport: [.auditAdmin]
        }
    }

    /// Whether any of `roles` grants this ability.
    func granted(to roles: Set<Role>) -> Bool { !roles.isDisjoint(with: self.roles) }
}

/// A signed-in person: the account name recorded as actor, and its roles.
public struct WebUser: Sendable, Equatable {
    public var name: String
    public var roles: Set<Role>

    public init(name: String, roles: Set<Role>) {
        self.name = name
        self.roles = roles
    }

    func may(_ ability: Ability) -> Bool { ability.granted(to: roles) }
}

/// Checks a name and a password; the server's account store stands behind it.
public protocol WebAccounts: Sendable {
    func authenticate(name: String, password: String) -> WebUser?
}

/// Server-side sessions: a random id in an HttpOnly, SameSite=Strict cookie, and per session a random CSRF token
/// every form must echo. Sessions end after `lifetime` seconds or at sign-out.
public final class SessionStore: @unchecked Sendable {
    struct Entry {
        var user: WebUser
        var csrf: String
        var expires: Date
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    let lifetime: TimeInterval

    public init(lifetime: TimeInterval = 8 * 3600) { self.lifetime = lifetime }

    /// Starts a session; returns its id and CSRF token.
    func start(_ user: WebUser, now: Date = Date()) -> (id: String, csrf: String) {
        let id = Self.token()
        let csrf = Self.token()
        lock.withLock {
            entries = entries.filter { $0.value.expires > now }
            entries[id] = Entry(user: user, csrf: csrf, expires: now.addingTimeInterval(lifetime))
        }
        return (id, csrf)
    }

    func lookup(_ id: String?, now: Date = Date()) -> (user: WebUser, csrf: String)? {
        guard let id else { return nil }
        return lock.withLock {
            guard let e = entries[id], e.expires > now else { return nil }
            return (e.user, e.csrf)
        }
    }

    func end(_ id: String?) {
        guard let id else { return }
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }

    /// 32 random bytes, hex.
    static func token() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &g), radix: 16).leftPadded(to: 2) }
            .joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// A fixed account list (`name role[,role] sha256-of-password` per line): what the standalone pages use until
/// the service's account store stands behind them, and what tests use.
public struct StaticAccounts: WebAccounts {
    let accounts: [String: (roles: Set<Role>, sha256: String)]

    public init(_ accounts: [String: (roles: Set<Role>, sha256: String)]) { self.accounts = accounts }

    /// Reads the account file's text; lines that cannot be read are skipped.
    public init(text: String) {
        var out: [String: (roles: Set<Role>, sha256: String)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 3 else { continue }
            let roles = Set(parts[1].split(separator: ",").compactMap { Role(rawValue: String($0)) })
            guard !roles.isEmpty else { continue }
            out[String(parts[0])] = (roles, parts[2].lowercased())
        }
        accounts = out
    }

    public static func hash(_ password: String) -> String {
        SHA256.hash(data: Array(password.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    public func authenticate(name: String, password: String) -> WebUser? {
        guard let a = accounts[name], SessionStore.same(Self.hash(password), a.sha256) else { return nil }
        return WebUser(name: name, roles: a.roles)
    }
}
