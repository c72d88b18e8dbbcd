import Bylaw
import BylawAudit
import BylawCEL
import BylawDiagnostics
import BylawJobs
import BylawReports
import Crypto
import Foundation
import Hummingbird

extension BylawService {
    /// `POST /v1/lint`, `POST /v1/test`, `GET /v1/rulesets`, `GET /v1/rulesets/{id}/book`.
    func addAuthoringRoutes(to router: Router<BasicRequestContext>) {
        on(router, .post, "/v1/lint", .lint) { request, _ in
            let isJSON = try self.isJSON(request)
            let submitted = try self.submitted(try await self.body(request), json: isJSON)
            let root = self.library.root
            let asOf = try self.asOf(request)
            let json = try await self.offload { try submitted.lint(calendarsRoot: root, asOf: asOf) }
            return JSONResponse.ok(json)
        }
        on(router, .post, "/v1/test", .test) { request, _ in
            let isJSON = try self.isJSON(request)
            let submitted = try self.submitted(try await self.body(request), json: isJSON)
            let root = self.library.root
            switch try await self.offload({ try submitted.test(calendarsRoot: root) }) {
            case .success(let json): return JSONResponse.ok(json)
            case .failure(let e):
                throw APIError(
                    .unprocessableContent, "ruleset.load", .text("api.ruleset.load"), diagnostics: e.diagnostics)
            }
        }
        on(router, .get, "/v1/rulesets", .rulesets) { request, _ in
            let date = try request.uri.queryParameters.get("date").map { t throws(APIError) in
                try Self.date(t, parameter: "date")
            }
            return JSONResponse.ok(Self.ruleSetsJSON(self.library.snapshot, inForceOn: date))
        }
        on(router, .get, "/v1/rulesets/{id}/book", .book) { request, _ in
            let id = request.uri.path.split(separator: "/").dropLast().last.map(String.init) ?? ""
            let format = request.uri.queryParameters.get("format") ?? "md"
            guard format == "md" || format == "html" else {
                throw APIError(.badRequest, "query.bad-format", .text("api.query.bad-format.book"))
            }
            let library = self.library.snapshot.library
            let files = library.ruleSets.filter { $0.id == id }.map(\.file)
            guard !files.isEmpty else {
                throw APIError(.notFound, "ruleset.not-found", .text("api.ruleset.not-found", id))
            }
            let book = try await self.offload { RuleBook(library: library, files: Array(Set(files)).sorted()) }
            return format == "html"
                ? JSONResponse.text(book.html, contentType: "text/html; charset=utf-8")
                : JSONResponse.text(TerminalText.lines(book.markdown), contentType: "text/markdown; charset=utf-8")
        }
    }

    /// A rule set as submitted: its YAML as the whole body, or JSON `{"ruleset", "tests": {NAME: TEXT},
    /// "examples": {NAME: TEXT}}`.
    func submitted(_ bytes: [UInt8], json: Bool) throws(APIError) -> SubmittedRuleSet {
        guard json else { return SubmittedRuleSet(ruleSet: bytes) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let ruleSet = object["ruleset"] as? String
        else {
            throw APIError(.badRequest, "body.malformed", .text("api.body.malformed.ruleset"))
        }
        func files(_ key: String) throws(APIError) -> [String: [UInt8]] {
            guard let value = object[key] else { return [:] }
            guard let map = value as? [String: String] else {
                throw APIError(.badRequest, "body.malformed", .text("api.body.malformed.files", key))
            }
            return map.mapValues { Array($0.utf8) }
        }
        let s = SubmittedRuleSet(
            ruleSet: Array(ruleSet.utf8), tests: try files("tests"), examples: try files("examples"))
        do {
            try s.validate()
        } catch {
            throw APIError(.badRequest, "body.bad-file-name", APIMessage(error.id, error.arguments.map { .plain($0) }))
        }
        return s
    }

    /// Every rule-set file of the library (or those in force on `date`) with its version, dates and hash.
    static func ruleSetsJSON(_ snapshot: LibraryState.Snapshot, inForceOn date: CELDate?) -> String {
        let library = snapshot.library
        var seen = Set<String>()
        var items: [String] = []
        let prefix = library.root.hasSuffix("/") ? library.root : library.root + "/"
        for set in library.ruleSets where seen.insert(set.file).inserted {
            if let date, !library.ruleSets.contains(where: { $0.file == set.file && $0.isInForce(on: date) }) {
                continue
            }
            let hash = library.loadedBytes(of: set.file).map { AuditHex.encode(Array(SHA256.hash(data: $0))) }
            let file = set.file.hasPrefix(prefix) ? String(set.file.dropFirst(prefix.count)) : set.file
            func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }
            items.append(
                "{\"id\":\(q(set.id)),\"version\":\(q(set.version)),\"title\":\(q(set.title)),"
                    + "\"applies_to\":\(q(set.appliesTo)),\"effective_from\":\(q(set.declaredFrom?.description)),"
                    + "\"effective_until\":\(q(set.declaredUntil?.description)),\"extends\":\(q(set.extends)),"
                    + "\"file\":\(q(file)),\"sha256\":\(q(hash))}")
        }
        return "{\"generation\":\(snapshot.generation),\"rule_sets\":[" + items.joined(separator: ",") + "]}"
    }
}
