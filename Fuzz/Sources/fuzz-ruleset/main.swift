import Bylaw
import BylawAuthoring
import BylawCEL
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

/// The day lint judges time-bound checks on (a calendar running out), fixed so that runs repeat.
let asOf = CELDate(year: 2026, month: 1, day: 1)

// One rule-set file as `bylaw lint` takes it: loaded (YAML under the rule-set limits, the rule set's structure,
// schema, parameters, tables and calendars, every CEL expression compiled), then every lint analysis run on it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzRuleSet(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fixtures.write(inputBytes(data, size), to: ruleSetFile)
    _ = Linter.lint(files: [ruleSetFile], calendarsRoot: Fixtures.scratch, asOf: asOf)
    return 0
}

runFuzzer(fuzzRuleSet)
