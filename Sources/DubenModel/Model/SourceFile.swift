/// One loaded file: its path and its text as well-formed UTF-8 with LF line ends.
/// Documents and blocks refer to byte ranges of `bytes`; the file is shared, never copied.
public final class SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let encoding: SourceEncoding
    /// Invalid byte sequences that were replaced by U+FFFD while decoding.
    public let replacements: Int

    /// The largest decoded file duben reads: byte ranges are 32-bit (see `ByteSpan`), and
    /// the layout and ICU take offsets and lengths as `Int32`.
    public static let maximumSize = Int(Int32.max)

    public init(path: String, bytes: [UInt8], encoding: SourceEncoding = .utf8, replacements: Int = 0) {
        self.path = path
        self.bytes = bytes
        self.encoding = encoding
        self.replacements = replacements
    }

    /// The text of a byte range (the range must fall on scalar boundaries).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
