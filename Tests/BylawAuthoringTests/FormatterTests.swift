import Bylaw
import BylawTestSupport
import Foundation
import Testing

@testable import BylawAuthoring

/// `bylaw fmt`'s layout: exact output on a messy file, idempotence and meaning kept on every shipped file.
@Suite struct FormatterTests {
    static func format(_ text: String) throws -> String {
        try RuleFileFormatter.format(text, file: "t.yaml").get()
    }

    @Test func messyFileGetsTheLayoutAndKeepsComments() throws {
        let messy = """


            # top comment
            ruleset:   x\u{20}\u{20}
            rules:
                # about the rule
                -    id: A\u{20}
                     require: >-
                       a &&

                         b\u{20}\u{20}
                     tags:
                     - x
                     -   y
                   # trailing comment


                -  id: B
                   note: |
                      keep\u{20}
                      # not a comment
                   list: [1,
                      2]
            input: {a: int}\r
            """
        let expected = """
            # top comment
            ruleset: x
            rules:
              # about the rule
              - id: A
                require: >-
                  a &&

                    b\u{20}\u{20}
                tags:
                  - x
                  - y
              # trailing comment

              - id: B
                note: |
                   keep\u{20}
                   # not a comment
                list: [1,
                   2]
            input: {a: int}

            """
        let once = try Self.format(messy.replacingOccurrences(of: "\r", with: "\r\n"))
        #expect(once == expected)
        #expect(try Self.format(once) == once)
    }

    @Test func anchorsAndAliasesAreKept() throws {
        let text = "a: &x\n    - 1\n    - 2\nb: *x\nc:\n    -  &y {k: v}\n"
        let out = try Self.format(text)
        #expect(out == "a: &x\n  - 1\n  - 2\nb: *x\nc:\n  - &y {k: v}\n")
        // An alias as a list item is left alone rather than guessed at.
        guard case .failure = RuleFileFormatter.format("c:\n  - &y 1\n  - *y\n", file: "t.yaml") else {
            Issue.record("formatted an alias item")
            return
        }
    }

    @Test func brokenYAMLIsRefused() {
        guard case .failure(let f) = RuleFileFormatter.format("a: [1,\n", file: "t.yaml") else {
            Issue.record("formatted broken YAML")
            return
        }
        #expect(!f.message.isEmpty)
    }

    /// Every shipped rule-set and test file: formatting twice changes nothing more than once, and the formatted
    /// file parses to the same tree (the formatter checks that itself; here the library's own cases run on the
    /// formatted copy too).
    @Test func everyShippedFileFormatsIdempotentlyToTheSameMeaning() throws {
        let root = Paths.shippedRules
        var files: [String] = []
        for folder in RuleSetFiles.folders(root: root) {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            files += names.filter { $0.hasPrefix("ruleset") && $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }
            let tests = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/tests")) ?? []
            files += tests.filter { $0.hasSuffix(".yaml") }.map { folder + "/tests/" + $0 }
        }
        #expect(files.count >= 20)
        let copy = Scratch.root.appendingPathComponent("bylaw-fmt-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: root, toPath: copy)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let once = try RuleFileFormatter.format(text, file: file).get()
            let twice = try RuleFileFormatter.format(once, file: file).get()
            #expect(once == twice, "\(file)")
            try once.write(toFile: copy + String(file.dropFirst(root.count)), atomically: true, encoding: .utf8)
        }
        let original = RuleLibrary.load(root: root)
        let formatted = RuleLibrary.load(root: copy)
        #expect(!formatted.diagnostics.hasErrors)
        #expect(original.ruleSets.map(\.id) == formatted.ruleSets.map(\.id))
        for folder in RuleSetFiles.folders(root: copy) {
            let suite = formatted.runTests(folder: folder)
            let failing = suite.cases.filter { !$0.passed }.map(\.testCase.name)
            #expect(failing.isEmpty, "\(folder): \(failing)")
            #expect(!suite.cases.isEmpty)
        }
    }
}
