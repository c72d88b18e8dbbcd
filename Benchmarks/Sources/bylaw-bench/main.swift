// Each area registers here; `bylaw-bench cel yaml` runs just those areas.
let areas: [(name: String, run: () -> Void)] = [
    ("yaml", benchYAML),
    ("cel", benchCEL),
    ("rules", benchRules),
    ("disposal", benchDisposal),
    ("audit", benchAudit),
    ("reports", benchReports),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for area in areas where wanted.isEmpty || wanted.contains(area.name) {
    print("== \(area.name)")
    area.run()
}
