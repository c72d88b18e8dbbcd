import BylawLocale
import Foundation
import Testing

@testable import BylawServer

/// The service's refusals are written in the language the request asks for (`?lang`, then `Accept-Language`),
/// else in the service's `lang`; the status, the code and the JSON keys never change with it.
@Suite("refusals in Chinese and English")
struct APILanguageTests {
    /// The error member of a reply.
    static func error(_ reply: TestServer.Reply) -> (code: String?, message: String?, diagnostics: [[String: Any]]) {
        let e = reply.object["error"] as? [String: Any] ?? [:]
        return (e["code"] as? String, e["message"] as? String, e["diagnostics"] as? [[String: Any]] ?? [])
    }

    static let missingZH = "请先登录：使用 API 令牌（Bearer），或使用账户名和密码（Basic）"
    static let missingEN = "sign in with an API token (Bearer) or a name and password (Basic)"

    /// (name, Accept-Language, the language it picks, or nil for none)
    static let headers: [(String, String, Language?)] = [
        ("Chinese first", "zh-CN,zh;q=0.9,en;q=0.8", .chinese),
        ("English first", "en-GB,en;q=0.9,zh;q=0.5", .english),
        ("q-values over order", "en;q=0.4, zh-TW;q=0.7", .chinese),
        ("a language refused with q=0", "zh;q=0, en;q=0.1", .english),
        ("one bylaw does not speak, then Chinese", "fr-FR, zh-Hans;q=0.5", .chinese),
        ("none it speaks", "fr, de;q=0.8, *;q=0.1", nil),
        ("upper case", "ZH-CN", .chinese),
    ]

    @Test("Accept-Language picks the language", arguments: headers)
    func acceptLanguage(_ name: String, _ header: String, _ expected: Language?) {
        #expect(APILanguage.accepted(header) == expected, "\(name)")
    }

    @Test("the same refusal in Chinese and English, by Accept-Language and by ?lang, with the same code")
    func sameRefusalInBothLanguages() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let zh = try await s.call("GET", "/v1/rulesets", headers: ["Accept-Language": "zh-CN,zh;q=0.9"])
            let en = try await s.call("GET", "/v1/rulesets", headers: ["Accept-Language": "en-US,en;q=0.9"])
            #expect(zh.status == 401 && en.status == 401)
            #expect(Self.error(zh).code == "auth.missing" && Self.error(en).code == "auth.missing")
            #expect(Self.error(zh).message == Self.missingZH)
            #expect(Self.error(en).message == Self.missingEN)
            #expect(zh.headers["content-language"] == "zh-Hans" && en.headers["content-language"] == "en")
            // The refusal's headers are the same in both.
            #expect(zh.headers["www-authenticate"] == en.headers["www-authenticate"])

            // `?lang` wins over the header.
            let asked = try await s.call(
                "POST", "/v1/check?as_of=2017-13-45&lang=zh", body: Data("{}".utf8), as: "checker",
                headers: ["Accept-Language": "en"])
            #expect(asked.status == 400 && Self.error(asked).code == "query.bad-date")
            #expect(Self.error(asked).message == "`as_of` 须为 YYYY-MM-DD 格式的日期")
            let english = try await s.call(
                "POST", "/v1/check?as_of=2017-13-45&lang=en", body: Data("{}".utf8), as: "checker",
                headers: ["Accept-Language": "zh"])
            #expect(Self.error(english).code == "query.bad-date")
            #expect(Self.error(english).message == "`as_of` must be a date written YYYY-MM-DD")

            let unknown = try await s.call("GET", "/v1/nothing?lang=zh", as: "checker")
            #expect(unknown.status == 404 && Self.error(unknown).code == "route.not-found")
            #expect(Self.error(unknown).message == "没有这个接口：GET /v1/nothing")
        }
    }

    @Test("a request that asks for no language is answered in the service's `lang`")
    func serviceDefault() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let r = try await s.call("GET", "/v1/rulesets")
            #expect(Self.error(r).message == Self.missingEN)
            // A header naming only languages bylaw does not speak leaves the default.
            let other = try await s.call("GET", "/v1/rulesets", headers: ["Accept-Language": "fr"])
            #expect(Self.error(other).message == Self.missingEN)
        }
        var chinese = TestServer.configuration(audit: nil)
        chinese.language = .chinese
        try await TestServer.with(chinese) { s in
            let r = try await s.call("GET", "/v1/rulesets")
            #expect(Self.error(r).code == "auth.missing")
            #expect(Self.error(r).message == Self.missingZH)
            let asked = try await s.call("GET", "/v1/rulesets", headers: ["Accept-Language": "en"])
            #expect(Self.error(asked).message == Self.missingEN)
        }
    }

    @Test("the diagnostics of a refusal are in its language; their codes are not")
    func diagnostics() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            var replies: [Language: TestServer.Reply] = [:]
            for (language, tag) in [(Language.chinese, "zh"), (.english, "en")] {
                replies[language] = try await s.call(
                    "POST", "/v1/explain?lang=\(tag)", text: "- a list", as: "checker", contentType: "application/yaml")
            }
            let zh = try #require(replies[.chinese])
            let en = try #require(replies[.english])
            #expect(zh.status == en.status && (400..<500).contains(zh.status), "\(zh.text)")
            #expect(Self.error(zh).code == Self.error(en).code)
            #expect(Self.error(zh).message == "没有可以解释的内容")
            #expect(Self.error(en).message == "there is nothing to explain")
            let zhDiagnostics = Self.error(zh).diagnostics
            let enDiagnostics = Self.error(en).diagnostics
            #expect(!zhDiagnostics.isEmpty)
            #expect(zhDiagnostics.map { $0["code"] as? String } == enDiagnostics.map { $0["code"] as? String })
            for (z, e) in zip(zhDiagnostics, enDiagnostics) {
                let zm = z["message"] as? String ?? ""
                #expect(zm != e["message"] as? String, "\(zm)")
                #expect(zm.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(zm)")
            }
        }
    }

    @Test("a refusal with arguments: the numbers are the same in both languages, the words are not")
    func arguments() async throws {
        let many = String(repeating: "{},", count: 3) + "{}"
        var small = TestServer.configuration(audit: nil)
        small.maxBatch = 2
        try await TestServer.with(small) { t in
            let zhMany = try await t.call(
                "POST", "/v1/check:batch", body: Data("[\(many)]".utf8), as: "checker",
                headers: ["Content-Type": "application/json", "Accept-Language": "zh"])
            let enMany = try await t.call(
                "POST", "/v1/check:batch", body: Data("[\(many)]".utf8), as: "checker",
                headers: ["Content-Type": "application/json", "Accept-Language": "en"])
            #expect(Self.error(zhMany).code == "batch.too-many" && Self.error(enMany).code == "batch.too-many")
            #expect(Self.error(zhMany).message == "批量请求含 4 项决定，超过 2 项的上限（max_batch）")
            #expect(Self.error(enMany).message == "the batch holds 4 decisions; at most 2 (max_batch)")
        }
    }
}
