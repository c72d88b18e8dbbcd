import Bylaw
import BylawDiagnostics
import Foundation
import Hummingbird

extension BylawService {
    /// `GET /healthz`, `/readyz`, `/metrics`, `/openapi.json`: open to all, for probes and scrapers.
    func addOperationRoutes(to router: Router<BasicRequestContext>) {
        on(router, .get, "/healthz", nil) { _, _ in JSONResponse.ok("{\"status\":\"ok\"}") }
        on(router, .get, "/readyz", nil) { _, _ in
            let snapshot = self.library.snapshot
            var trail = "disabled"
            if self.configuration.audit != nil {
                do {
                    _ = try await self.reading { try $0.head() }
                    trail = "ok"
                } catch {
                    trail = "unavailable"
                }
            }
            let ready = trail != "unavailable"
            return JSONResponse.ok(
                "{\"ready\":\(ready),\"rules_generation\":\(snapshot.generation),"
                    + "\"rule_sets\":\(snapshot.library.ruleSets.count),\"trail\":\(JSONText.quote(trail))}",
                status: ready ? .ok : .serviceUnavailable)
        }
        on(router, .get, "/metrics", nil) { _, _ in
            var text = self.metrics.text
            if let trail = self.trail {
                text +=
                    "# HELP bylaw_audit_commits_total Transactions the trail committed (group commit: several "
                    + "requests' records in one).\n# TYPE bylaw_audit_commits_total counter\n"
                    + "bylaw_audit_commits_total \(trail.commits)\n"
            }
            return JSONResponse.text(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        on(router, .get, "/openapi.json", nil) { _, _ in JSONResponse.ok(OpenAPIDocument.json) }
    }
}
