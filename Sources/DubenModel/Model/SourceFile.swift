#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file was when it was read: its size, modification time and inode. The reader
/// compares it with the file on disk to say that the file changed (`R` reads it again).
public struct FileIdentity: Hashable, Sendable {
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64
    public var inode: UInt64

    public init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    /// The identity of the file at `path` now (nil when it cannot be stat'ed: gone).
    public static func of(path: String) -> FileIdentity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileIdentity(st)
    }

    init(_ st: stat) {
        self.init(size: Int64(st.st_size), modifiedSeconds: Int64(st.st_mtim.tv_sec), modifiedNanoseconds: Int64(st.st_mtim.tv_nsec),
                  inode: UInt64(st.st_ino))
    }
}

/// One loaded file: its path and its text as well-formed UTF-8 with LF line ends.
/// Documents and blocks refer to byte ranges of `bytes`; the file is shared, never copied
/// (a large UTF-8 file is a mapping of the file itself: see `SourceBytes`).
public final class SourceFile: Sendable {
    public let path: String
    public let bytes: SourceBytes
    public let encoding: SourceEncoding
    /// Invalid byte sequences that were replaced by U+FFFD while decoding.
    public let replacements: Int
    /// The file as it was read (nil for standard input).
    public let identity: FileIdentity?
    /// The other encoding that was nearly as likely, when the choice was close (a warning).
    public let encodingDoubt: String?

    /// The largest decoded file duben reads, 4 GiB less a byte: byte ranges are unsigned
    /// 32-bit (see `ByteSpan`; the layout's lines too). ICU and the line breaker take one
    /// line or paragraph at a time, never the whole file.
    public static let maximumSize = Int(UInt32.max)

    public convenience init(path: String, bytes: [UInt8], encoding: SourceEncoding = .utf8, replacements: Int = 0,
                            identity: FileIdentity? = nil, encodingDoubt: String? = nil) {
        self.init(path: path, bytes: SourceBytes(bytes), encoding: encoding, replacements: replacements, identity: identity,
                  encodingDoubt: encodingDoubt)
    }

    public init(path: String, bytes: SourceBytes, encoding: SourceEncoding = .utf8, replacements: Int = 0, identity: FileIdentity? = nil,
                encodingDoubt: String? = nil) {
        self.encodingDoubt = encodingDoubt
        self.path = path
        self.bytes = bytes
        self.encoding = encoding
        self.replacements = replacements
        self.identity = identity
    }

    /// The text of a byte range (the range must fall on scalar boundaries).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
