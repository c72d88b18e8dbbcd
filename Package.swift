// swift-tools-version: 6.2
import PackageDescription

/// Settings shared by every target we own: Swift 6 language mode and warnings as errors.
let strict: [SwiftSetting] = [
    .treatAllWarnings(as: .error)
]

let package = Package(
    name: "bylaw",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bylaw", targets: ["BylawCLI"]),
        .library(name: "Bylaw", targets: ["Bylaw"]),
        .library(name: "BylawCEL", targets: ["BylawCEL"]),
        .library(name: "BylawJSON", targets: ["BylawJSON"]),
        .library(name: "BylawBatch", targets: ["BylawBatch"]),
        .library(name: "BylawReports", targets: ["BylawReports"]),
        .library(name: "BylawAuthoring", targets: ["BylawAuthoring"]),
        .library(name: "BylawAudit", targets: ["BylawAudit"]),
        .library(name: "BylawJobs", targets: ["BylawJobs"]),
        .library(name: "BylawLocale", targets: ["BylawLocale"]),
        .library(name: "BylawServer", targets: ["BylawServer"]),
        .library(name: "BylawAuditPostgres", targets: ["BylawAuditPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // Reading .xlsx workbooks (ZIP archives); inflates through the system's zlib (Debian: zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The HTTP service (`bylaw serve`); swift-log comes with it.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // HTTPS for `bylaw serve` (HummingbirdTLS), when the configuration names a certificate and key.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        // The audit trail in PostgreSQL, shared by several processes.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // Graceful shutdown of `bylaw serve` (it comes with Hummingbird): the batch audits stop and end in the trail.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        // HTTP field names, for the web pages' headers.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // libyaml, from the system (Debian: libyaml-dev). Only BylawYAML sees these C types.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Diagnostics: the one type for every user-facing error and warning.
        .target(name: "BylawDiagnostics", dependencies: ["BylawLocale"], swiftSettings: strict),
        // Everything bylaw says, in Chinese and English: the catalogue and the choice of language.
        .target(name: "BylawLocale", swiftSettings: strict),
        // YAML and JSON loading with positions, YAML 1.2 core typing and hard limits.
        .target(name: "BylawYAML", dependencies: ["CYAML", "BylawDiagnostics"], swiftSettings: strict),
        // The Common Expression Language, natively: knows nothing of YAML or rule sets.
        .target(name: "BylawCEL", exclude: ["FUNCTIONS.md"], swiftSettings: strict),
        // JSON: reading with positions (the YAML loader's node tree), the value tree, RFC 8785 canonical form, the
        // plain-JSON fast paths beside their slow twins, and order-keeping JSON for reports.
        .target(name: "BylawJSON", dependencies: ["BylawYAML", "BylawCEL", "BylawDiagnostics"], swiftSettings: strict),
        // The engine: rule sets, loading, input schemas, calendars, the evaluator and verdicts.
        .target(
            name: "Bylaw",
            dependencies: ["BylawYAML", "BylawCEL", "BylawDiagnostics", "BylawJSON"],
            swiftSettings: strict),
        // Batch reading: CSV, .xlsx, JSON Lines and YAML streams, the JSON fast paths, the worker pipeline.
        .target(
            name: "BylawBatch",
            dependencies: [
                "Bylaw", "BylawYAML", "BylawCEL", "BylawDiagnostics", "BylawJSON",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        // Tools for rule authors: lint and analyses, the test runner, scaffold, diff, fmt, JSON Schema writer.
        .target(
            name: "BylawAuthoring",
            dependencies: ["Bylaw", "BylawYAML", "BylawCEL", "BylawDiagnostics", "BylawJSON"],
            swiftSettings: strict),
        // Rendering: verdicts, batch reports (text, JSON, CSV, JUnit, HTML), explain, lint, diff, the rule book.
        .target(
            name: "BylawReports",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawAuthoring", "BylawYAML", "BylawCEL", "BylawDiagnostics", "BylawJSON",
                "BylawLocale",
            ],
            swiftSettings: strict),
        // SQLite, from the system (Debian: libsqlite3-dev). Only BylawAudit sees these C types.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Zstandard, from the system (Debian: libzstd-dev): the audit store keeps records compressed.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // The tamper-evident audit trail: records, hash chain, SQLite store, verification.
        .target(
            name: "BylawAudit",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawJSON", "BylawYAML", "BylawCEL", "BylawDiagnostics", "BylawLocale",
                "CSQLite", "CZstd",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The audit trail in PostgreSQL: the same records and chain as the SQLite store, shared by processes.
        .target(
            name: "BylawAuditPostgres",
            dependencies: [
                "BylawAudit", "Bylaw", "BylawJSON", "BylawDiagnostics",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // One entry point per job (check, audit…), for every front door: the CLI, the HTTP service.
        .target(
            name: "BylawJobs",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit", "BylawJSON", "BylawCEL",
                "BylawYAML", "BylawDiagnostics", "BylawLocale",
            ],
            swiftSettings: strict),
        // The HTTP service: routes, accounts and roles, limits, reload; calls BylawJobs like the CLI does.
        .target(
            name: "BylawServer",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit", "BylawJobs", "BylawJSON",
                "BylawDiagnostics", "BylawYAML", "BylawCEL", "BylawLocale",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The command line: argument parsing, reading files, rendering, exit codes.
        .executableTarget(
            name: "BylawCLI",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit", "BylawJobs", "BylawJSON",
                "BylawCEL", "BylawYAML", "BylawDiagnostics", "BylawLocale", "BylawServer", "BylawWebHost",
                "BylawAuditPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The web pages (`/ui/`): pure functions from a request to a response, over the same jobs as the API.
        .target(
            name: "BylawWeb",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit", "BylawJobs", "BylawJSON",
                "BylawCEL", "BylawYAML", "BylawDiagnostics", "BylawLocale",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        // The web pages on Hummingbird: requests and responses converted, mounted under `/ui/` of the service.
        .target(
            name: "BylawWebHost",
            dependencies: [
                "BylawWeb", "BylawServer", "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit",
                "BylawJobs", "BylawJSON", "BylawCEL", "BylawYAML", "BylawDiagnostics", "BylawLocale",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // Scratch folders for tests that write files, removed when the test process exits.
        // Shared by the test targets: scratch folders, the engine's fixtures, golden-file comparison.
        .target(
            name: "BylawTestSupport", dependencies: ["Bylaw", "BylawCEL", "BylawYAML"], path: "Tests/BylawTestSupport",
            swiftSettings: strict),
        .testTarget(name: "BylawDiagnosticsTests", dependencies: ["BylawDiagnostics"], swiftSettings: strict),
        .testTarget(
            name: "BylawLocaleTests", dependencies: ["BylawLocale", "Bylaw", "BylawCEL", "BylawDiagnostics"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawYAMLTests", dependencies: ["BylawYAML"], exclude: ["yaml-suite-deviations.txt", "Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawCELTests", dependencies: ["BylawCEL"], exclude: ["conformance-skips.txt"], swiftSettings: strict
        ),
        .testTarget(name: "BylawJSONTests", dependencies: ["BylawJSON", "BylawTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BylawTests", dependencies: ["Bylaw", "BylawJSON", "BylawTestSupport"],
            exclude: ["Fixtures", "Corpus"], swiftSettings: strict),
        .testTarget(
            name: "BylawBatchTests", dependencies: ["BylawBatch", "Bylaw", "BylawJSON", "BylawTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawAuthoringTests", dependencies: ["BylawAuthoring", "Bylaw", "BylawJSON", "BylawTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawReportsTests",
            dependencies: [
                "BylawReports", "BylawBatch", "BylawAuthoring", "Bylaw", "BylawJSON", "BylawLocale", "BylawTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BylawAuditTests",
            dependencies: ["BylawAudit", "BylawBatch", "Bylaw", "BylawJSON", "BylawTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawAuditPostgresTests",
            dependencies: ["BylawAuditPostgres", "BylawAudit", "Bylaw", "BylawJSON", "BylawTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawJobsTests", dependencies: ["BylawJobs", "BylawAudit", "Bylaw", "BylawTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawCLITests",
            dependencies: [
                "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawJSON", "BylawCLI", "BylawDiagnostics",
                "BylawLocale", "BylawTestSupport",
            ],
            exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawWebTests",
            dependencies: [
                "BylawWeb", "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring", "BylawAudit", "BylawJobs",
                "BylawJSON", "BylawYAML", "BylawTestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BylawWebHostTests", dependencies: ["BylawWebHost", "BylawWeb", "BylawServer"], swiftSettings: strict),
        .testTarget(
            name: "BylawServerTests",
            dependencies: [
                "BylawServer", "BylawAudit", "BylawJobs", "Bylaw", "BylawBatch", "BylawReports", "BylawAuthoring",
                "BylawJSON", "BylawTestSupport", "BylawLocale",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
    ]
)
