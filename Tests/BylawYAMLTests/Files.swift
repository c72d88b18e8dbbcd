import Foundation

/// Writes bytes to a path; false on failure.
func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
    FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func removeFile(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

func readText(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
}
