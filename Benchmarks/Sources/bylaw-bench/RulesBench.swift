import Bylaw
import BylawYAML
import Foundation

/// Rule-library figures: loading and type-checking all of rules/, and evaluations per second.
func benchRules() {
    let root = ProcessInfo.processInfo.environment["BYLAW_RULES"] ?? "rules"
    var library = RuleLibrary.load(root: root)
    guard !library.diagnostics.hasErrors else {
        print("rules at \(root) do not load; run from the repository root")
        return
    }
    let rules = library.ruleSets.reduce(0) { $0 + $1.rules.count }
    print("library: \(library.ruleSets.count) rule sets, \(rules) rules")
    measure("load and type-check all of \(root)/", seconds: 2) { library = RuleLibrary.load(root: root) }

    let file = root + "/cadre-selection/examples/compliant-deputy-bureau.yaml"
    guard let node = try? YAMLLoader.load(path: file, limits: .decision) else { return }
    let perCheck = measure("check one cadre promotion (24 rules, already parsed)", seconds: 2) {
        blackHole(library.check(node, file: file))
    }
    print(String(format: "cadre-selection evaluations per second on one core: %.0f", 1e9 / perCheck))
    measure("parse and check one cadre promotion file", seconds: 2) { blackHole(library.check(file: file)) }
}

/// The asset-disposal record `bylaw audit` streams: checking one already-read record, and where the time goes.
func benchDisposal() {
    let root = ProcessInfo.processInfo.environment["BYLAW_RULES"] ?? "rules"
    let library = RuleLibrary.load(root: root)
    let file = root + "/asset-management/examples/compliant-vehicle-auction.yaml"
    guard let node = try? YAMLLoader.load(path: file, limits: .decision) else {
        print("run from the repository root")
        return
    }
    if ProcessInfo.processInfo.environment["BYLAW_BENCH_PROFILE"] == "disposal" {
        for _ in 0..<100_000 { blackHole(library.check(node, file: file)) }
        return
    }
    let perCheck = measure("check one asset disposal (17 rules, already parsed)", seconds: 2) {
        blackHole(library.check(node, file: file))
    }
    print(String(format: "asset-management evaluations per second on one core: %.0f", 1e9 / perCheck))
}
