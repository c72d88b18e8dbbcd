import BylawCEL
import Foundation
import Testing

/// Runs the cel-spec conformance files in `../shared/conformance/cel` (relative to the package root).
/// Each test passes or is skipped for a reason listed in `conformance-skips.txt`.
@Suite struct ConformanceTests {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let dataDirectory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/cel")

    /// `file/section/test` (or `file/section/*`) → reason.
    static func skips() throws -> [String: String] {
        let text = try String(
            contentsOf: testsDirectory.appendingPathComponent("conformance-skips.txt"), encoding: .utf8)
        var skips: [String: String] = [:]
        for line in text.split(separator: "\n")
        where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            skips[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "no reason"
        }
        return skips
    }

    static func type(_ json: CELJSON) -> CELType {
        if case .string(let primitive)? = json["primitive"] {
            switch primitive {
            case "BOOL": return .bool
            case "INT64": return .int
            case "UINT64": return .uint
            case "DOUBLE": return .double
            case "STRING": return .string
            case "BYTES": return .bytes
            default: return .dyn
            }
        }
        if json["null"] != nil { return .null }
        if case .array(let parts)? = json["list_type"], let element = parts.first?["elem_type"] {
            return .list(type(element))
        }
        if case .array(let parts)? = json["map_type"], let key = parts.first?["key_type"],
            let value = parts.first?["value_type"]
        {
            return .map(type(key), type(value))
        }
        return .dyn
    }

    enum Outcome { case pass, skip, fail(String) }

    static func run(_ test: CELJSON, skipReason: String?) -> Outcome {
        if skipReason != nil { return .skip }
        guard case .string(let expr)? = test["expr"] else { return .fail("no expr") }
        var environment = CELEnvironment()
        var variables: [String: CELValue] = [:]
        if case .array(let declarations)? = test["type_env"] {
            for declaration in declarations {
                if case .string(let name)? = declaration["name"], let ident = declaration["ident"]?["type"] {
                    environment.declare(name, type(ident))
                }
            }
        }
        if case .array(let bindings)? = test["bindings"] {
            for binding in bindings {
                guard case .string(let name)? = binding["key"], let value = binding["value"]?["value"] else {
                    return .fail("bad binding")
                }
                do { variables[name] = try CELValueCodec.decode(value) } catch { return .fail("binding: \(error)") }
            }
        }
        var checked = true
        if case .bool(true)? = test["disable_check"] { checked = false }
        let program: CELProgram
        switch CEL.compile(expr, environment: environment, checked: checked) {
        case .success(let compiled): program = compiled
        case .failure(let issues): return .fail("compile: \(issues)")
        }
        let result = program.evaluate(CELActivation(variables: variables))
        if test["eval_error"] != nil {
            if case .failure = result { return .pass }
            return .fail("expected an error, got \(result)")
        }
        guard let expectedJSON = test["value"] else { return .fail("no expected value") }
        let expected: CELValue
        do { expected = try CELValueCodec.decode(expectedJSON) } catch { return .fail("expected: \(error)") }
        switch result {
        case .success(let value) where value.isIdentical(to: expected): return .pass
        default: return .fail("expected \(expected), got \(result)")
        }
    }

    @Test func conformanceFiles() throws {
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: Self.dataDirectory.path) else {
            print("conformance: skipped, \(Self.dataDirectory.path) is absent")
            return
        }
        let skips = try Self.skips()
        var totalFailures = 0
        for file in files.sorted() where file.hasSuffix(".json") {
            let text = try String(contentsOf: Self.dataDirectory.appendingPathComponent(file), encoding: .utf8)
            let document = try CELJSON.parse(text)
            let base = String(file.dropLast(5))
            var (pass, skip, fail) = (0, 0, 0)
            guard case .array(let sections)? = document["section"] else { continue }
            for section in sections {
                guard case .string(let sectionName)? = section["name"], case .array(let tests)? = section["test"] else {
                    continue
                }
                for test in tests {
                    guard case .string(let name)? = test["name"] else { continue }
                    let key = "\(base)/\(sectionName)/\(name)"
                    let reason = skips[key] ?? skips["\(base)/\(sectionName)/*"]
                    switch Self.run(test, skipReason: reason) {
                    case .pass: pass += 1
                    case .skip: skip += 1
                    case .fail(let why):
                        fail += 1
                        Issue.record("\(key): \(why)")
                    }
                }
            }
            totalFailures += fail
            print("conformance \(file): \(pass) passed, \(skip) skipped, \(fail) failed")
        }
        #expect(totalFailures == 0)
    }
}
