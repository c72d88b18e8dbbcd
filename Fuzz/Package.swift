// swift-tools-version: 6.2
// Fuzz targets live in their own package, built with libFuzzer into their own scratch folder, so the library's
// build stays untouched. Build and run them with scripts/fuzz (see docs/fuzzing.md).
import PackageDescription

/// One executable per target, each built with `-sanitize=fuzzer` by scripts/fuzz: its `main.swift` hands its test
/// to libFuzzer's driver (`runFuzzer`).
let targets = ["yaml", "json", "jsonl", "csv", "cel", "ruleset"]

let package = Package(
    name: "bylaw-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "bylaw", path: "..")],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .systemLibrary(name: "CFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [
                "CFuzzer", .product(name: "Bylaw", package: "bylaw"), .product(name: "BylawCEL", package: "bylaw"),
                .product(name: "BylawBatch", package: "bylaw"), .product(name: "BylawJSON", package: "bylaw"),
            ],
            swiftSettings: [.treatAllWarnings(as: .error)]
        ),
    ]
        + targets.map { name in
            .executableTarget(
                name: "fuzz-\(name)",
                dependencies: [
                    "FuzzSupport", .product(name: "Bylaw", package: "bylaw"),
                    .product(name: "BylawCEL", package: "bylaw"), .product(name: "BylawJSON", package: "bylaw"),
                    .product(name: "BylawBatch", package: "bylaw"), .product(name: "BylawAuthoring", package: "bylaw"),
                ],
                swiftSettings: [.treatAllWarnings(as: .error)]
            )
        }
)
