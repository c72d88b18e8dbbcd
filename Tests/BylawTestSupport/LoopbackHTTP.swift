import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a loopback HTTP exchange answered.
public struct HTTPReply: Sendable {
    public var status: Int
    /// Header fields by lower-case name.
    public var headers: [String: String]
    public var body: Data
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A loopback exchange that failed (no connection, no response).
public struct LoopbackHTTPError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

/// HTTP/1.1 over a loopback socket, one request per connection: what the tests need and no more.
public enum RawHTTP {
    public static func exchange(port: Int, method: String, path: String, headers: [String: String], body: Data?) throws
        -> HTTPReply
    {
        let fd = try connected(port: port, timeoutSeconds: 120)
        defer { close(fd) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if let body { head += "Content-Length: \(body.count)\r\n" }
        var bytes = Array((head + "\r\n").utf8)
        if let body { bytes += body }
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            // The server may answer (413) and close before the whole body is sent: read what it said.
            if n <= 0 { break }
            sent += n
        }
        return try parse(received(fd))
    }

    /// As a client that sends its whole body before it reads anything does (Python's `urllib`): the request
    /// with `Connection: close`, every byte of the body, then the answer. Throws when a send waits more than
    /// `sendTimeoutSeconds`, that is when the server has stopped reading the body without closing.
    public static func sendAllThenRead(
        port: Int, method: String, path: String, headers: [String: String], body: Data, sendTimeoutSeconds: Int
    ) throws -> HTTPReply {
        let fd = try connected(port: port, timeoutSeconds: 60)
        defer { close(fd) }
        var timeout = timeval(tv_sec: sendTimeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        head += "Content-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 {
                throw LoopbackHTTPError(
                    "the server stopped reading after \(sent) of \(bytes.count) bytes (errno \(errno)) and did not close"
                )
            }
            sent += n
        }
        return try parse(received(fd))
    }

    /// A socket connected to the loopback port, whose reads give up after `timeoutSeconds`. The caller closes it.
    public static func connected(port: Int, timeoutSeconds: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackHTTPError("socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw LoopbackHTTPError("cannot connect to port \(port)")
        }
        return fd
    }

    /// What the socket gives until the peer closes it, a read times out, or (when given) `stop` says enough.
    public static func received(_ fd: Int32, stop: (([UInt8]) -> Bool)? = nil) -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
            if let stop, stop(received) { break }
        }
        return received
    }

    public static func parse(_ bytes: [UInt8]) throws -> HTTPReply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw LoopbackHTTPError("no HTTP response (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if let length = fields["content-length"].flatMap(Int.init), length < body.count {
            body = Array(body[..<length])
        }
        return HTTPReply(status: status, headers: fields, body: Data(body))
    }
}
