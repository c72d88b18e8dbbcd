import BylawServer
import BylawTestSupport
import Foundation
import Testing

/// HTTPS through the configuration's `tls_certificate` and `tls_key`, with a certificate made by the test.
@Suite("HTTPS from the configuration")
struct TLSTests {
    /// Runs a program off the test's threads; its exit status and standard output.
    static func run(_ arguments: [String]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let p = Process()
                        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                        p.arguments = arguments
                        let out = Pipe()
                        p.standardOutput = out
                        p.standardError = FileHandle.nullDevice
                        try p.run()
                        let data = out.fileHandleForReading.readDataToEndOfFile()
                        p.waitUntilExit()
                        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
                    })
            }
        }
    }

    /// A self-signed certificate for 127.0.0.1 and its key, in a fresh folder.
    static func certificate() async throws -> (certificate: String, key: String) {
        let dir = Scratch.root.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cert = dir.appendingPathComponent("cert.pem").path
        let key = dir.appendingPathComponent("key.pem").path
        let (status, _) = try await run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
            key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        guard status == 0 else { throw TestFailure("openssl could not make a certificate") }
        return (cert, key)
    }

    static func configuration(certificate: String, key: String) -> ServerConfiguration {
        var c = TestServer.configuration(audit: nil)
        c.tlsCertificate = certificate
        c.tlsKey = key
        return c
    }

    @Test("a certificate and key in the configuration serve HTTPS; plain HTTP on that port gets no answer")
    func https() async throws {
        let (cert, key) = try await Self.certificate()
        try await TestServer.with(Self.configuration(certificate: cert, key: key)) { s in
            let base = "https://127.0.0.1:\(s.port)"
            let (status, health) = try await Self.run(["curl", "-sS", "--cacert", cert, base + "/healthz"])
            #expect(status == 0 && health.contains("\"ok\""), "\(health)")
            let decision = TestServer.repository.appendingPathComponent(
                "rules/asset-management/examples/compliant-vehicle-auction.yaml"
            ).path
            let (checked, verdict) = try await Self.run([
                "curl", "-sS", "--cacert", cert, "-H", "Authorization: Bearer \(TestServer.tokens["checker"] ?? "")",
                "-H", "Content-Type: application/yaml", "--data-binary", "@" + decision, base + "/v1/check",
            ])
            #expect(checked == 0 && verdict.contains("\"verdict\":\"compliant\""), "\(verdict)")
            // Without the certificate the client refuses the server it cannot trust.
            let (untrusted, _) = try await Self.run(["curl", "-sS", base + "/healthz"])
            #expect(untrusted != 0)
            let plain = try? await s.call("GET", "/healthz")
            #expect(plain?.status != 200)
        }
    }

    @Test("a certificate or key that cannot be used stops the start with a message that names it")
    func unusableFiles() async throws {
        let (cert, key) = try await Self.certificate()
        var c = Self.configuration(certificate: key, key: key)
        #expect {
            _ = try BylawService(configuration: c)
        } throws: { ($0 as? ConfigurationError)?.message.contains("tls_certificate `\(key)`") == true }
        c.tlsCertificate = cert
        c.tlsKey = cert
        #expect {
            _ = try BylawService(configuration: c)
        } throws: { ($0 as? ConfigurationError)?.message.contains("tls_key `\(cert)`") == true }
        c.tlsKey = nil
        #expect(throws: ConfigurationError.self) { try c.validate() }
    }
}
