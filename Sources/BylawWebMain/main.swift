import BylawWebHost
import Foundation

// bylaw-web RULES AUDIT.db ACCOUNTS [PORT]: the web pages alone, for the browser tests and a quick look.
let args = CommandLine.arguments
guard args.count >= 4 else {
    FileHandle.standardError.write(Data("usage: bylaw-web RULES AUDIT.db ACCOUNTS [PORT]\n".utf8))
    exit(2)
}
do {
    let app = try StandaloneWeb.app(rules: args[1], audit: args[2], accountsFile: args[3])
    try await StandaloneWeb.run(app: app, host: "127.0.0.1", port: args.count > 4 ? Int(args[4]) ?? 8088 : 8088)
} catch {
    FileHandle.standardError.write(Data("bylaw-web: \(error)\n".utf8))
    exit(2)
}
