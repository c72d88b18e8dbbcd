import BylawLocale
import BylawServer
import Foundation
import Testing

@Suite("bylaw serve configuration and accounts")
struct ConfigurationTests {
    static let token = "a-long-random-token"
    /// SHA-256 of `token`.
    static let tokenHash = "b780ec04f0ac941421b556e74f31ff207f799c4ad119ea0178a81054b373b34b"

    @Test("the file sets what it names; environment wins over the file, flags over both")
    func precedence() throws {
        var c = ServerConfiguration()
        let file = """
            {"rules": "/srv/rules", "listen": "0.0.0.0:9000", "audit": null, "max_body_bytes": 2048,
             "anonymous": {"roles": ["checker"]},
             "accounts": [{"name": "hr-system", "roles": ["checker"], "password": "sha256:salt:\(String(repeating: "ab", count: 32))"}]}
            """
        try c.apply(file: Data(file.utf8), name: "serve.json")
        #expect(c.rules == "/srv/rules")
        #expect(c.audit == nil)
        #expect(c.maxBodyBytes == 2048)
        #expect(c.anonymousRoles == [.checker])
        #expect(c.accounts.map(\.name) == ["hr-system"])
        try c.apply(environment: ["BYLAW_RULES": "/env/rules", "BYLAW_SERVE_LISTEN": "127.0.0.1:7000"])
        #expect(c.rules == "/env/rules")
        #expect(c.listen == "127.0.0.1:7000")
        #expect(try c.address().port == 7000)
    }

    @Test("an account from the file signs in with the token whose SHA-256 the file keeps")
    func tokenFromFile() throws {
        var c = ServerConfiguration()
        let file = #"{"accounts": [{"name": "hr", "roles": ["checker"], "token_sha256": "\#(Self.tokenHash)"}]}"#
        try c.apply(file: Data(file.utf8), name: "serve.json")
        let auth = Authenticator(accounts: c.accounts)
        guard case .account(let a) = auth.authenticate(authorization: "Bearer \(Self.token)") else {
            Issue.record("the token was refused")
            return
        }
        #expect(a.name == "hr")
        #expect(auth.authenticate(authorization: "Bearer \(Self.tokenHash)") == .invalid)
    }

    /// Files the service refuses to start with, and a word of the message it gives.
    static let refused: [(String, String, String)] = [
        ("unknown setting", #"{"listn": "x"}"#, "listn"),
        ("bad listen", #"{"listen": "nowhere"}"#, "HOST:PORT"),
        ("bad role", #"{"accounts": [{"name": "a", "roles": ["root"], "token_sha256": "00"}]}"#, "accounts"),
        ("short token hash", #"{"accounts": [{"name": "a", "roles": ["checker"], "token_sha256": "00"}]}"#, "64"),
        ("no credential", #"{"accounts": [{"name": "a", "roles": ["checker"]}]}"#, "neither"),
        ("zero body", #"{"max_body_bytes": 0}"#, "max_body_bytes"),
        ("not JSON", "rules: x", "not a valid configuration"),
        ("unknown language", #"{"lang": "fr"}"#, "lang"),
    ]

    @Test("`lang` comes from the file, `BYLAW_LANG` over it; a `BYLAW_LANG` naming no language is passed over")
    func language() throws {
        var c = ServerConfiguration()
        #expect(c.language == .english)
        try c.apply(file: Data(#"{"lang": "zh"}"#.utf8), name: "serve.json")
        #expect(c.language == .chinese)
        try c.apply(environment: ["BYLAW_LANG": "klingon"])
        #expect(c.language == .chinese)
        try c.apply(environment: ["BYLAW_LANG": "en_GB.UTF-8"])
        #expect(c.language == .english)
        try c.apply(environment: ["BYLAW_LANG": "zh_CN.UTF-8"])
        #expect(c.language == .chinese)
    }

    @Test("a configuration that would run the service wrongly is refused with a message", arguments: refused)
    func refusals(_ name: String, _ text: String, _ word: String) {
        var c = ServerConfiguration()
        do {
            try c.apply(file: Data(text.utf8), name: "serve.json")
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.message.contains(word), "\(name): \(error.message)")
        }
    }

    @Test("tokens and passwords are compared by hash; a header naming someone is not a credential")
    func authentication() {
        let accounts = [
            Account(name: "hr", roles: [.checker], token: Self.token),
            Account(name: "ann", roles: [.auditor], password: "pw", salt: "s"),
        ]
        let auth = Authenticator(accounts: accounts)
        #expect(auth.authenticate(authorization: "Bearer \(Self.token)") == .account(accounts[0]))
        #expect(auth.authenticate(authorization: "Bearer \(Self.token)x") == .invalid)
        #expect(auth.authenticate(authorization: nil) == .missing)
        #expect(auth.authenticate(authorization: "Actor hr") == .invalid)
        let basic = Data("ann:pw".utf8).base64EncodedString()
        #expect(auth.authenticate(authorization: "Basic \(basic)") == .account(accounts[1]))
        #expect(auth.signIn(name: "ann", password: "PW") == .invalid)
        #expect(auth.signIn(name: "hr", password: "") == .invalid)
        #expect(accounts[0].tokenHash?.count == 32)
    }

    @Test("roles grant exactly their permissions")
    func roles() {
        let checker = Account(name: "c", roles: [.checker], token: "t")
        #expect(checker.may(.check) && checker.may(.explain) && checker.may(.rulesets))
        #expect(!checker.may(.lint) && !checker.may(.logRead) && !checker.may(.audits))
        let auditor = Account(name: "a", roles: [.auditor], token: "t")
        #expect(auditor.may(.logRead) && auditor.may(.logVerify) && auditor.may(.audits))
        #expect(!auditor.may(.logExport) && !auditor.may(.check))
        let admin = Account(name: "x", roles: [.auditAdmin], token: "t")
        #expect(admin.may(.logExport) && admin.may(.logRead))
        let author = Account(name: "w", roles: [.author], token: "t")
        #expect(author.may(.lint) && author.may(.test) && author.may(.book) && !author.may(.check))
    }
}
