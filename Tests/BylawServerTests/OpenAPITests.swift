import BylawServer
import Foundation
import Testing

/// Checks a JSON value against the part of JSON Schema the OpenAPI document uses: `$ref`, `type` (one or a list),
/// `required`, `properties`, `additionalProperties: false`, `items`, `enum`, `const`, `pattern`, `minimum`,
/// `maximum`. Returns every mismatch with its path.
struct SchemaCheck {
    let document: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String { return problems(value, resolve(ref), at: path) }
        var out: [String] = []
        if let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map({ [$0] }),
            !types.contains(where: { Self.matches(value, $0) })
        {
            return ["\(path): \(Self.describe(value)) is not \(types.joined(separator: " or "))"]
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.same($0, value) }) {
            out.append("\(path): \(Self.describe(value)) is not one of \(options)")
        }
        if let c = schema["const"], !Self.same(c, value) { out.append("\(path): \(Self.describe(value)) is not \(c)") }
        if let pattern = schema["pattern"] as? String, let s = value as? String,
            s.range(of: pattern, options: .regularExpression) == nil
        {
            out.append("\(path): `\(s)` does not match \(pattern)")
        }
        if let n = value as? NSNumber, !(value is Bool) {
            if let min = schema["minimum"] as? Double, n.doubleValue < min { out.append("\(path): \(n) < \(min)") }
            if let max = schema["maximum"] as? Double, n.doubleValue > max { out.append("\(path): \(n) > \(max)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                out.append("\(path): `\(key)` is missing")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let sub = properties[key] as? [String: Any] {
                    out += problems(member, sub, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    out.append("\(path): `\(key)` is not in the document")
                } else if let sub = schema["additionalProperties"] as? [String: Any] {
                    out += problems(member, sub, at: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (k, element) in array.enumerated() { out += problems(element, items, at: "\(path)[\(k)]") }
        }
        return out
    }

    func resolve(_ ref: String) -> [String: Any] {
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return node as? [String: Any] ?? [:]
    }

    /// The JSON schema the document gives for a response, nil when it gives none (or not JSON).
    func responseSchema(method: String, path: String, status: Int) -> [String: Any]? {
        let paths = document["paths"] as? [String: Any]
        guard let operation = (paths?[path] as? [String: Any])?[method.lowercased()] as? [String: Any],
            var response = (operation["responses"] as? [String: Any])?["\(status)"] as? [String: Any]
        else { return nil }
        if let ref = response["$ref"] as? String { response = resolve(ref) }
        let content = response["content"] as? [String: Any]
        return (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "boolean": return isBool(value)
        case "integer":
            guard let n = value as? NSNumber, !isBool(value) else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        default: return false
        }
    }

    static func isBool(_ value: Any) -> Bool {
        if value is Bool, !(value is NSNumber) { return true }
        guard let n = value as? NSNumber else { return false }
        return String(cString: n.objCType) == "c"
    }

    static func same(_ a: Any, _ b: Any) -> Bool { "\(a)" == "\(b)" }
    static func describe(_ v: Any) -> String { "\(v)".prefix(60).description }
}

@Suite("the OpenAPI document")
struct OpenAPITests {
    static let documentURL = TestServer.repository.appendingPathComponent("docs/openapi.json")

    static func document() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: documentURL)) as? [String: Any] ?? [:]
    }

    @Test("the service serves docs/openapi.json exactly")
    func servedIsCommitted() async throws {
        try await TestServer.with(TestServer.configuration(audit: nil)) { s in
            let served = try await s.call("GET", "/openapi.json")
            let committed = try Data(contentsOf: Self.documentURL)
            #expect(served.text == String(decoding: committed, as: UTF8.self), "run scripts/openapi")
        }
    }

    @Test("every route the service answers is in the document, and every response agrees with it")
    func responsesAgree() async throws {
        let check = SchemaCheck(document: try Self.document())
        let store = TestServer.freshStore()
        try await TestServer.with(TestServer.configuration(audit: store)) { s in
            let decision = try TestServer.example("asset-management/examples/non-compliant-organ-investment.yaml")
            let ruleSet = String(
                decoding: try Data(
                    contentsOf: TestServer.repository.appendingPathComponent("rules/union-funds/ruleset.yaml")),
                as: UTF8.self)
            let ledger = try Data(
                contentsOf: TestServer.repository.appendingPathComponent("examples/asset-disposals/disposal-ledger.csv")
            )
            // (method, documented path, actual path, body, role, content type)
            let calls: [(String, String, String, Data?, String?, String?)] = [
                ("POST", "/v1/check", "/v1/check", decision, "checker", "application/yaml"),
                ("POST", "/v1/check", "/v1/check", Data("kind: [".utf8), "checker", "application/yaml"),
                ("POST", "/v1/check", "/v1/check", decision, nil, nil),
                ("POST", "/v1/check", "/v1/check", decision, "auditor", nil),
                (
                    "POST", "/v1/check:batch", "/v1/check:batch", Data("[{\"kind\": \"x\"}]".utf8), "checker",
                    "application/json"
                ),
                ("POST", "/v1/check:batch", "/v1/check:batch", Data("{".utf8), "checker", "application/json"),
                ("POST", "/v1/explain", "/v1/explain", decision, "checker", nil),
                ("POST", "/v1/explain", "/v1/explain?rule=NONE", decision, "checker", nil),
                ("POST", "/v1/explain", "/v1/explain?as_of=", decision, "checker", nil),
                ("GET", "/v1/rulesets/{id}/book", "/v1/rulesets/union-funds/book?format=AAA", nil, "author", nil),
                ("POST", "/v1/lint", "/v1/lint", Data(ruleSet.utf8), "author", "application/yaml"),
                ("POST", "/v1/test", "/v1/test", Data("{}".utf8), "author", "application/json"),
                ("GET", "/v1/rulesets", "/v1/rulesets?date=2020-01-01", nil, "checker", nil),
                ("GET", "/v1/rulesets", "/v1/rulesets?date=soon", nil, "checker", nil),
                ("GET", "/v1/rulesets/{id}/book", "/v1/rulesets/none/book", nil, "author", nil),
                ("GET", "/v1/log", "/v1/log", nil, "auditor", nil),
                ("GET", "/v1/log/head", "/v1/log/head", nil, "auditor", nil),
                ("GET", "/v1/log/{seq}", "/v1/log/1", nil, "auditor", nil),
                ("GET", "/v1/log/{seq}", "/v1/log/1000", nil, "auditor", nil),
                ("POST", "/v1/log/verify", "/v1/log/verify", nil, "auditor", nil),
                ("POST", "/v1/log/verify", "/v1/log/verify", Data("[".utf8), "auditor", "application/json"),
                ("POST", "/v1/audits", "/v1/audits?kind=asset_disposal", ledger, "auditor", "text/csv"),
                ("POST", "/v1/audits", "/v1/audits", ledger, "checker", "text/csv"),
                ("POST", "/v1/audits", "/v1/audits", ledger, "auditor", "application/octet-stream"),
                ("GET", "/v1/audits/{id}", "/v1/audits/0123", nil, "auditor", nil),
                ("DELETE", "/v1/audits/{id}", "/v1/audits/0123", nil, "auditor", nil),
                ("GET", "/v1/audits/{id}/report", "/v1/audits/0123/report", nil, "auditor", nil),
                ("GET", "/v1/audits/{id}/report", "/v1/audits/0123/report?lang=fr", nil, "auditor", nil),
                ("GET", "/healthz", "/healthz", nil, nil, nil),
                ("GET", "/readyz", "/readyz", nil, nil, nil),
            ]
            for (method, documented, actual, body, role, type) in calls {
                let r = try await s.call(
                    method, actual, body: body, as: role, headers: type.map { ["Content-Type": $0] } ?? [:])
                guard let schema = check.responseSchema(method: method, path: documented, status: r.status) else {
                    Issue.record("\(method) \(actual) answered \(r.status), which the document does not give")
                    continue
                }
                guard let json = r.json else {
                    Issue.record("\(method) \(actual) answered \(r.status) without JSON")
                    continue
                }
                let problems = check.problems(json, schema)
                #expect(problems.isEmpty, "\(method) \(actual) \(r.status): \(problems.prefix(5))")
            }
        }
    }
}
