import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The index cache: the parsed documents of each file, kept under `$XDG_CACHE_HOME/duben/index/`
/// (default `~/.cache/duben/index/`) so that the next open of an unchanged library has its
/// library, timeline and counts without parsing (Docs/PERFORMANCE.md, "Index cache").
///
/// One entry per text file, named by a hash of the file's path. An entry is used only when all
/// of its key matches: its format, the parser's version (`parserVersion`, which includes the
/// running executable's size and time, so a rebuilt duben never trusts an older build's
/// entries), the file's path, size, modification time and inode, the identity of the
/// `duben.toml` beside it (its metadata changes documents), and a checksum of the payload.
/// A stale, corrupt, truncated or foreign entry is ignored (and replaced after the next parse),
/// never trusted. Entries are written to a temporary file and renamed, so a reader never sees
/// half an entry; the directory is kept under `limit` bytes by removing the entries used least
/// recently (a hit touches its entry's modification time).
public struct IndexCache: Sendable {
    public let directory: String
    /// The most the directory may hold, in bytes.
    public let limit: Int

    /// 1 GiB: about the index of a 5 GB library.
    public static let defaultLimit = 1 << 30
    static let magic: [UInt8] = Array("DUBENIDX".utf8)
    static let format: UInt32 = 3

    public init(directory: String, limit: Int = IndexCache.defaultLimit) {
        self.directory = directory
        self.limit = limit
    }

    /// The cache directory the environment gives: `$XDG_CACHE_HOME/duben/index`, else
    /// `$HOME/.cache/duben/index`; nil without either.
    public static func defaultDirectory(environment: [String: String] = ProcessEnvironment.current) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/duben/index" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/duben/index" }
        return nil
    }

    /// The version of the parser entries are made by: the archive's format and the running
    /// executable (its size and modification time).
    public static let parserVersion: String = {
        let exe = FileIdentity.of(path: "/proc/self/exe") ?? FileIdentity.of(path: CommandLine.arguments.first ?? "")
        return "archive \(format); executable \(exe.map { "\($0.size)-\($0.modifiedSeconds).\($0.modifiedNanoseconds)" } ?? "unknown")"
    }()

    /// What an entry is keyed by.
    public struct Key: Equatable, Sendable {
        public var path: String
        public var file: FileIdentity
        /// The `duben.toml` beside the file (nil: none).
        public var metadata: FileIdentity?
        /// The text was used in place (mapped, plain UTF-8): an unchanged file is mapped again
        /// without checking its bytes.
        public var plain: Bool

        public init(path: String, file: FileIdentity, metadata: FileIdentity?, plain: Bool) {
            self.path = path
            self.file = file
            self.metadata = metadata
            self.plain = plain
        }
    }

    /// The absolute path of a text: entries are keyed by it.
    public static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Where the entry of `path` lives.
    public func entryPath(for path: String) -> String {
        // FNV-1a of the absolute path: a stable name (Swift's hashValue changes per process).
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Self.absolute(path).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return directory + "/" + String(h, radix: 16) + ".idx"
    }

    /// The identity of the `duben.toml` in the directory of `path`.
    public static func metadataIdentity(of path: String) -> FileIdentity? {
        FileIdentity.of(path: ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(MetadataFile.fileName))
    }

    // MARK: Reading

    /// A valid entry: its key (as the file is now) and its payload (`IndexArchive.entry`), a
    /// range of the entry's bytes, of which the first `checked` bytes (the table) matched the
    /// checksum.
    public struct Entry: Sendable {
        public var key: Key
        public var bytes: SourceBytes
        public var payload: Range<Int>
        public var checked: Int
    }

    /// The entry of `path` when it matches the file as it is now; nil when there is none, or
    /// it is stale, corrupt, truncated or foreign.
    ///
    /// The entry is mapped, not read: opening a library reads its table alone, and a document's
    /// record only when the document is used. An entry replaced meanwhile (the cache writes a
    /// new file and renames it) leaves the mapping on the old one; one cut short reads as zeros
    /// past its end (the SIGBUS guard of `SourceBytes`), which fails the record's checksum, and
    /// the document is parsed from the text instead (`ArchivedDocuments`).
    public func entry(for path: String) -> Entry? {
        guard let now = FileIdentity.of(path: path) else { return nil }
        let file = entryPath(for: path)
        let fd = open(file, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0,
              let bytes = SourceBytes.mapping(fd: fd, length: Int(st.st_size)) else { return nil }
        let found: Entry? = bytes.withUnsafeBytes { raw in
            guard let (key, payload, checked) = Self.parse(raw) else { return nil }
            let wanted = Key(path: Self.absolute(path), file: now, metadata: Self.metadataIdentity(of: path), plain: key.plain)
            guard key == wanted else { return nil }
            let start = payload.baseAddress.map { $0 - raw.baseAddress! } ?? raw.count
            return Entry(key: key, bytes: bytes, payload: start..<(start + payload.count), checked: checked)
        }
        if found != nil {
            // Used now: the last to go when the cache is trimmed.
            _ = utimensat(AT_FDCWD, file, nil, 0)
        }
        return found
    }

    /// The key, payload and checked length of an entry's bytes, checked (magic, format, parser
    /// version, lengths, the checksum of the payload's first `checked` bytes); nil when
    /// anything is off.
    static func parse(_ raw: UnsafeRawBufferPointer) -> (Key, UnsafeRawBufferPointer, Int)? {
        var r = IndexArchive.Reader(p: raw, limit: Int.max)
        guard let magic = r.take(8), magic.elementsEqual(Self.magic), r.u32() == format,
              r.string() == parserVersion, let path = r.string(), let file = identity(&r), let hasMetadata = r.u8() else { return nil }
        var metadata: FileIdentity? = nil
        if hasMetadata == 1 {
            guard let m = identity(&r) else { return nil }
            metadata = m
        }
        guard let plain = r.u8(), let length = r.int(), let checked = r.int(), let sum = r.u64(), let payload = r.take(length), r.atEnd,
              checked >= 0, checked <= length, checksum(UnsafeRawBufferPointer(rebasing: payload[0..<checked])) == sum else { return nil }
        return (Key(path: path, file: file, metadata: metadata, plain: plain == 1), payload, checked)
    }

    static func identity(_ r: inout IndexArchive.Reader) -> FileIdentity? {
        guard let size = r.int(), let seconds = r.int(), let nanoseconds = r.int(), let inode = r.u64() else { return nil }
        return FileIdentity(size: Int64(size), modifiedSeconds: Int64(seconds), modifiedNanoseconds: Int64(nanoseconds), inode: inode)
    }

    // MARK: Writing

    /// Writes the entry of a file (atomically: a temporary file renamed), its checksum over
    /// the payload's first `checked` bytes (the rest checks itself: `IndexArchive.entry`).
    /// Failures are quiet: the cache is an optimisation, and the next open parses again.
    public func store(_ key: Key, payload: [UInt8], checked: Int) {
        guard checked >= 0, checked <= payload.count else { return }
        var w = IndexArchive.Writer()
        w.bytes.reserveCapacity(payload.count + 256)
        w.bytes += Self.magic
        w.u32(Self.format)
        w.string(Self.parserVersion)
        w.string(Self.absolute(key.path))
        Self.write(key.file, into: &w)
        w.u8(key.metadata == nil ? 0 : 1)
        if let m = key.metadata { Self.write(m, into: &w) }
        w.u8(key.plain ? 1 : 0)
        w.int(payload.count)
        w.int(checked)
        w.u64(payload.withUnsafeBytes { Self.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<checked])) })
        w.bytes += payload
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return }
        let target = entryPath(for: key.path)
        let temporary = target + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(w.bytes)) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }

    static func write(_ id: FileIdentity, into w: inout IndexArchive.Writer) {
        w.int(Int(id.size))
        w.int(Int(id.modifiedSeconds))
        w.int(Int(id.modifiedNanoseconds))
        w.u64(id.inode)
    }

    /// A 64-bit hash of the bytes, eight at a time (fast: a gigabyte's index is checked in
    /// tens of milliseconds). It finds corruption; it is not a defence against forgery.
    ///
    /// Four lanes of 8 bytes each, mixed independently and folded together at the end: one
    /// lane's multiply waits for the one before it, so four keep the core busy (the table of a
    /// gigabyte's entry, 30 MB, took 7 ms with one lane, 2 ms with four).
    static func checksum(_ p: UnsafeRawBufferPointer) -> UInt64 {
        let n = p.count
        @inline(__always) func mix(_ h: UInt64, _ w: UInt64) -> UInt64 {
            let m = (h ^ w) &* 0xff51_afd7_ed55_8ccd
            return m ^ (m >> 29)
        }
        @inline(__always) func word(_ at: Int) -> UInt64 { p.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n), b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var c: UInt64 = 0x1656_67B1_9E37_79F9, d: UInt64 = 0x85EB_CA77_C2B2_AE63
        var i = 0
        while i + 32 <= n {
            a = mix(a, word(i))
            b = mix(b, word(i + 8))
            c = mix(c, word(i + 16))
            d = mix(d, word(i + 24))
            i += 32
        }
        var h = mix(mix(mix(a, b.rotatedLeft(17)), c.rotatedLeft(31)), d.rotatedLeft(47))
        while i + 8 <= n {
            h = mix(h, word(i))
            i += 8
        }
        while i < n {
            h = (h ^ UInt64(p[i])) &* 0xc4ce_b9fe_1a85_ec53
            i += 1
        }
        return h ^ (h >> 32)
    }

    // MARK: Upkeep

    /// The entries in the directory: path, size, last use (modification time).
    func entries() -> [(path: String, size: Int, used: Double)] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".idx") }.compactMap { name in
            let path = directory + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            return (path, Int(st.st_size), Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9)
        }
    }

    /// How many entries there are and how many bytes they take.
    public func usage() -> (entries: Int, bytes: Int) {
        let all = entries()
        return (all.count, all.reduce(0) { $0 + $1.size })
    }

    /// Removes the entries used least recently until the directory holds at most `limit` bytes.
    public func trim() {
        var all = entries()
        var total = all.reduce(0) { $0 + $1.size }
        guard total > limit else { return }
        all.sort { $0.used < $1.used }
        for e in all where total > limit {
            if unlink(e.path) == 0 { total -= e.size }
        }
    }

    /// Removes every entry (and stale temporary files); returns how many entries went.
    @discardableResult
    public func clear() throws -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for name in names where name.hasSuffix(".idx") || name.hasSuffix(".tmp") {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
            if name.hasSuffix(".idx") { removed += 1 }
        }
        return removed
    }
}

extension UInt64 {
    /// The bits rotated left by `k` (0 < k < 64).
    func rotatedLeft(_ k: Int) -> UInt64 { (self << UInt64(k)) | (self >> UInt64(64 - k)) }
}
