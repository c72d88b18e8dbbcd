// swift-tools-version: 6.2
// Benchmarks live in their own package so the library's build stays light.
// Run: swift run -c release --package-path Benchmarks bylaw-bench [area...]
import PackageDescription

let package = Package(
    name: "bylaw-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "bylaw", path: "..")],
    targets: [
        .executableTarget(
            name: "bylaw-bench",
            dependencies: [
                .product(name: "Bylaw", package: "bylaw"),
                .product(name: "BylawCEL", package: "bylaw"),
                .product(name: "BylawAudit", package: "bylaw"),
                .product(name: "BylawJSON", package: "bylaw"),
                .product(name: "BylawBatch", package: "bylaw"),
                .product(name: "BylawReports", package: "bylaw"),
            ]
        )
    ]
)
