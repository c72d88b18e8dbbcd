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
        .library(name: "BylawAudit", targets: ["BylawAudit"]),
        .library(name: "BylawJobs", targets: ["BylawJobs"]),
        .library(name: "BylawServer", targets: ["BylawServer"]),
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
    ],
    targets: [
        // libyaml, from the system (Debian: libyaml-dev). Only BylawYAML sees these C types.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Diagnostics: the one type for every user-facing error and warning.
        .target(name: "BylawDiagnostics", swiftSettings: strict),
        // YAML and JSON loading with positions, YAML 1.2 core typing and hard limits.
        .target(name: "BylawYAML", dependencies: ["CYAML", "BylawDiagnostics"], swiftSettings: strict),
        // The Common Expression Language, natively: knows nothing of YAML or rule sets.
        .target(name: "BylawCEL", exclude: ["FUNCTIONS.md"], swiftSettings: strict),
        // Rule sets, decision tables, calendars, the evaluator and verdicts.
        .target(
            name: "Bylaw",
            dependencies: [
                "BylawYAML", "BylawCEL", "BylawDiagnostics", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        // SQLite, from the system (Debian: libsqlite3-dev). Only BylawAudit sees these C types.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Zstandard, from the system (Debian: libzstd-dev): the audit store keeps records compressed.
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // The tamper-evident audit trail: records, hash chain, SQLite store, verification.
        .target(
            name: "BylawAudit",
            dependencies: ["Bylaw", "CSQLite", "CZstd", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // One entry point per job (check, audit…), for every front door: the CLI, the HTTP service.
        .target(
            name: "BylawJobs",
            dependencies: ["Bylaw", "BylawAudit", "BylawCEL", "BylawYAML", "BylawDiagnostics"],
            swiftSettings: strict),
        // The HTTP service: routes, accounts and roles, limits, reload; calls BylawJobs like the CLI does.
        .target(
            name: "BylawServer",
            dependencies: [
                "Bylaw", "BylawAudit", "BylawJobs", "BylawDiagnostics", "BylawYAML", "BylawCEL",
                .product(name: "Hummingbird", package: "hummingbird"),
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
                "Bylaw",
                "BylawAudit",
                "BylawJobs",
                "BylawServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Scratch folders for tests that write files, removed when the test process exits.
        .target(name: "BylawTestSupport", path: "Tests/BylawTestSupport", swiftSettings: strict),
        .testTarget(name: "BylawDiagnosticsTests", dependencies: ["BylawDiagnostics"], swiftSettings: strict),
        .testTarget(
            name: "BylawYAMLTests", dependencies: ["BylawYAML"], exclude: ["yaml-suite-deviations.txt", "Golden"],
            swiftSettings: strict),
        .testTarget(
            name: "BylawCELTests", dependencies: ["BylawCEL"], exclude: ["conformance-skips.txt"], swiftSettings: strict
        ),
        .testTarget(
            name: "BylawTests", dependencies: ["Bylaw", "BylawTestSupport"], exclude: ["Fixtures", "Corpus"],
            swiftSettings: strict),
        .testTarget(name: "BylawAuditTests", dependencies: ["BylawAudit", "BylawTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "BylawServerTests",
            dependencies: [
                "BylawServer", "BylawAudit", "BylawJobs", "Bylaw", "BylawTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "BylawCLITests", dependencies: ["Bylaw", "BylawCLI", "BylawDiagnostics", "BylawTestSupport"],
            swiftSettings: strict),
    ]
)
