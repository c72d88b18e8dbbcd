internal import BylawDiagnostics
internal import CYAML

/// One libyaml event, copied out of C memory.
struct Event {
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart(version: (major: Int, minor: Int)?, hasTagDirectives: Bool)
        case documentEnd
        case alias(anchor: String)
        case scalar(value: String, byteLength: Int, style: YAMLScalarStyle, tag: String?, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?)
        case mappingEnd
    }

    var kind: Kind
    var start: YAMLMark
    var end: YAMLMark
}

/// Owns a libyaml parser reading from a `ByteSource`, and turns its events and errors into Swift.
final class EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    let source: ByteSource
    let file: String

    init(source: ByteSource, file: String) {
        self.source = source
        self.file = file
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input(
            parser,
            { data, buffer, size, sizeRead in
                guard let data, let buffer, let sizeRead else { return 0 }
                let source = Unmanaged<ByteSource>.fromOpaque(data).takeUnretainedValue()
                guard let n = source.read(into: buffer, size: size) else { return 0 }
                sizeRead.pointee = n
                return 1
            }, Unmanaged.passUnretained(source).toOpaque())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Converts a libyaml mark (0-based, character index) to ours.
    func mark(_ m: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: m.line + 1, column: m.column + 1, offset: source.byteOffset(ofCharacter: m.index))
    }

    func location(_ m: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: m.line, column: m.column)
    }

    /// The next event, or the diagnostic for why there is none.
    func next() throws(YAMLLoadError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw failure() }
        defer { yaml_event_delete(&event) }
        let start = mark(event.start_mark)
        let end = mark(event.end_mark)
        let kind: Event.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            let d = event.data.document_start
            let version = d.version_directive.map { (major: Int($0.pointee.major), minor: Int($0.pointee.minor)) }
            kind = .documentStart(version: version, hasTagDirectives: d.tag_directives.start != d.tag_directives.end)
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT: kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let value = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) }
            kind = .scalar(
                value: value ?? "", byteLength: s.length, style: Self.style(s.style), tag: Self.string(s.tag),
                anchor: Self.string(s.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            kind = .sequenceStart(tag: Self.string(s.tag), anchor: Self.string(s.anchor))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            kind = .mappingStart(tag: Self.string(m.tag), anchor: Self.string(m.anchor))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default:
            throw YAMLLoadError(.error("yaml.syntax", "unexpected event from the YAML parser", at: location(start)))
        }
        return Event(kind: kind, start: start, end: end)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: $0) }
    }

    private static func style(_ s: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The diagnostic for a failed `yaml_parser_parse`: our own input problem when the read
    /// handler stopped, else libyaml's message, cleaned up, at its position.
    private func failure() -> YAMLLoadError {
        if let p = source.problem {
            if p.code == "io.unreadable" {
                return YAMLLoadError(.error(p.code, "cannot read `\(file)`", at: nil))
            }
            return YAMLLoadError(.error(p.code, p.message, at: location(p.mark)))
        }
        let problem = Self.clean(parser.pointee.problem.map { String(cString: $0) })
        switch parser.pointee.error {
        case YAML_READER_ERROR:
            let m = source.mark(ofByte: parser.pointee.problem_offset)
            return YAMLLoadError(.error("yaml.encoding", problem ?? "the input cannot be read", at: location(m)))
        case YAML_MEMORY_ERROR:
            return YAMLLoadError(.error("yaml.syntax", "the YAML parser ran out of memory", at: nil))
        default:
            var notes: [Diagnostic.Note] = []
            if let context = Self.clean(parser.pointee.context.map { String(cString: $0) }) {
                notes.append(.init(message: context, location: location(mark(parser.pointee.context_mark))))
            }
            let at = location(mark(parser.pointee.problem_mark))
            return YAMLLoadError(.error("yaml.syntax", problem ?? "invalid YAML", at: at, notes: notes))
        }
    }

    /// libyaml's text with a lowercase start and no final period.
    static func clean(_ s: String?) -> String? {
        guard var s, !s.isEmpty else { return nil }
        while s.hasSuffix(".") { s.removeLast() }
        return s.prefix(1).lowercased() + s.dropFirst()
    }
}
