import Bylaw
import Foundation
import FuzzSupport

/// A library folder in the scratch folder: `calendars/` holds copies of the shipped and the test fixture calendars,
/// and each input is written as `fuzzed/ruleset.yaml`.
let ruleSetFile: String = {
    let root = Fixtures.scratch
    for (name, source) in [
        ("cn-mainland", "/rules/calendars/cn-mainland.yaml"),
        ("test-cal", "/Tests/BylawTests/Fixtures/rules/calendars/test-cal.yaml"),
    ] {
        guard let bytes = FileManager.default.contents(atPath: Fixtures.repository + source) else {
            Fixtures.fail("cannot read the fixture calendar `\(source)`")
        }
        try? FileManager.default.createDirectory(atPath: root + "/calendars", withIntermediateDirectories: true)
        Fixtures.write(Array(bytes), to: root + "/calendars/\(name).yaml")
    }
    try? FileManager.default.createDirectory(atPath: root + "/fuzzed", withIntermediateDirectories: true)
    return root + "/fuzzed/ruleset.yaml"
}()

// One rule-set file loaded as `bylaw lint` and `bylaw test` load one: YAML under the rule-set limits, the rule
// set's structure, schema, parameters, tables and calendars, and every CEL expression in it compiled.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRuleSet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fixtures.write(inputBytes(data, size), to: ruleSetFile)
    _ = RuleLibrary.load(files: [ruleSetFile], calendarsRoot: Fixtures.scratch)
    return 0
}

runFuzzer(fuzzRuleSet)
