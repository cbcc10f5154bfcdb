import DubenModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the bookmark or state file cannot be used. One line, naming the file.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case corrupt(path: String, reason: String)
    case newerVersion(path: String, version: Int, known: Int = BookmarkFile.currentVersion)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let path, let reason):
            return "\(path): cannot read bookmarks (\(reason)); the file is left unchanged — see `duben bookmarks check`"
        case .newerVersion(let path, let version, let known):
            return "\(path): written by a newer duben (schema version \(version), this one knows \(known)); left unchanged"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}

/// The bookmark file's contents (schema in Docs/BOOKMARKS.md). Version 2 added the citation
/// metadata of `Bookmark` (author, kind, document date, place, source, section path); a
/// version-1 file is read as it is (those fields absent) and written as version 2.
public struct BookmarkFile: Codable, Sendable {
    public static let currentVersion = 2
    public static let schemaName = "duben-bookmarks"
    public var schema = BookmarkFile.schemaName
    public var version = BookmarkFile.currentVersion
    public var bookmarks: [Bookmark] = []

    public init(bookmarks: [Bookmark] = []) { self.bookmarks = bookmarks }
}

/// A JSON file changed safely by several processes: each change takes an exclusive lock
/// (flock on `FILE.lock` beside it), re-reads the file, applies the change, writes a temporary
/// file in the same directory, fsyncs it, renames it over the old one and fsyncs the directory
/// (POSIX: rename is atomic; the directory fsync makes the rename durable). A reader never sees
/// a half-written file, and a crash leaves either the old or the new contents.
public struct BookmarkStore: Sendable {
    /// The bookmark file, always absolute: a relative path is taken from the current
    /// directory, so that its directory (for the lock, the temporary file and `state.json`)
    /// is never empty.
    public let path: String

    public init(path: String) {
        self.path = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// The bookmark file: `--bookmarks`, then `$DUBEN_BOOKMARKS`, then
    /// `$XDG_DATA_HOME/duben/bookmarks.json`, then `~/.local/share/duben/bookmarks.json`.
    public static func defaultPath(override: String? = nil, environment: [String: String] = ProcessEnvironment.current) -> String {
        if let o = override, !o.isEmpty { return o }
        if let e = environment["DUBEN_BOOKMARKS"], !e.isEmpty { return e }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/duben/bookmarks.json"
    }

    /// `state.json` beside the bookmark file.
    public var statePath: String { (path as NSString).deletingLastPathComponent + "/state.json" }

    /// The bookmarks (none when the file does not exist yet).
    public func read() throws(StoreError) -> [Bookmark] {
        try Self.decode(BookmarkFile.self, path: path)?.bookmarks ?? []
    }

    /// Applies `change` under the lock and writes the result. Returns what `change` returned.
    @discardableResult
    public func update<T>(_ change: (inout [Bookmark]) throws -> T) throws -> T {
        try AtomicJSONFile.withLock(path) {
            var file = try Self.decode(BookmarkFile.self, path: path) ?? BookmarkFile()
            let result = try change(&file.bookmarks)
            // A file of an older version is written in the current one (its fields are a subset).
            file.version = BookmarkFile.currentVersion
            try AtomicJSONFile.write(file, to: path)
            return result
        }
    }

    /// Decodes a versioned JSON file; nil when it does not exist.
    static func decode<T: Decodable>(_ type: T.Type, path: String, knownVersion: Int = BookmarkFile.currentVersion) throws(StoreError) -> T? {
        var st = stat()
        guard stat(path, &st) == 0 else {
            // Not there (ENOTDIR: a file where a directory of the path should be — the write
            // then says so, when it cannot create the directory).
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .io(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        // A FIFO would block the read, a directory is not ours: neither is read nor written.
        if st.st_mode & S_IFMT == S_IFDIR { throw .io(path: path, reason: "is a directory, not a bookmark file; left alone") }
        if st.st_mode & S_IFMT != S_IFREG { throw .io(path: path, reason: "is not a regular file; left alone") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        guard let header = try? JSONDecoder().decode(VersionHeader.self, from: data) else {
            throw .corrupt(path: path, reason: "not valid JSON")
        }
        guard let version = header.version else { throw .corrupt(path: path, reason: "no schema version") }
        if version > knownVersion { throw .newerVersion(path: path, version: version, known: knownVersion) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .corrupt(path: path, reason: "unexpected contents: \(AtomicJSONFile.describe(error))")
        }
    }
}

/// The one field every duben JSON file has.
struct VersionHeader: Decodable { var version: Int? }

/// Locking and atomic replacement of JSON files.
///
/// Nothing is written through a symbolic link that leads out of the file's directory: the lock
/// and temporary files are opened with `O_NOFOLLOW` (the temporary one also `O_EXCL`, after
/// removing a stale one), and the file itself, when it is a link, is replaced only when the
/// link resolves into the same directory (then the link's target is replaced and the link
/// kept); a link elsewhere, a directory or a device in its place is an error naming it.
enum AtomicJSONFile {
    static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.io(path: directory, reason: "cannot create the directory: \(describe(error))")
        }
        let lockPath = path + ".lock"
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard lock >= 0 else {
            let reason = errno == ELOOP ? "is a symbolic link; not followed" : String(cString: strerror(errno))
            throw StoreError.io(path: lockPath, reason: "cannot open the lock file: \(reason)")
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { throw StoreError.io(path: lockPath, reason: "cannot lock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(lock, LOCK_UN) }
        return try body()
    }

    /// The file a write of `path` replaces: `path` itself, or the target of a link that stays in
    /// `path`'s directory. Throws for anything else in its place.
    static func replaceable(_ path: String) throws(StoreError) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return path }
            throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            return path
        case S_IFDIR:
            throw .io(path: path, reason: "cannot write: is a directory, not a bookmark file; left alone")
        case S_IFLNK:
            let directory = (path as NSString).deletingLastPathComponent
            guard let home = realpath(directory, nil) else {
                throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            defer { free(home) }
            // Where the link leads: resolved when it exists, else the link's text taken from
            // its directory (a link to a file not written yet).
            var target: String
            if let resolved = realpath(path, nil) {
                target = String(cString: resolved)
                free(resolved)
            } else {
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(path, &buffer, buffer.count - 1)
                guard n > 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
                let text = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                target = text.hasPrefix("/") ? text : directory + "/" + text
                let parent = (target as NSString).deletingLastPathComponent
                guard let real = realpath(parent, nil) else {
                    throw .io(path: path, reason: "cannot write: a symbolic link to \(target), which does not exist; not followed")
                }
                target = String(cString: real) + "/" + (target as NSString).lastPathComponent
                free(real)
                var link = stat()
                if lstat(target, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK {
                    throw .io(path: path, reason: "cannot write: a symbolic link to a link that leads nowhere; not followed")
                }
            }
            guard (target as NSString).deletingLastPathComponent == String(cString: home) else {
                throw .io(path: path, reason: "cannot write: a symbolic link to \(target), outside \(directory); not written through")
            }
            return try replaceable(target)
        default:
            throw .io(path: path, reason: "cannot write: not a regular file; left alone")
        }
    }

    static func write<T: Encodable>(_ value: T, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try replace(path, with: try encoder.encode(value))
    }

    /// Writes `data` to a temporary file beside `path`, fsyncs it and renames it over `path`,
    /// then fsyncs the directory. On any failure the temporary file is removed and `path` is as
    /// it was; the error names `path` and says why (a full disk, a file size limit, a
    /// read-only directory).
    static func replace(_ path: String, with data: Data) throws(StoreError) {
        let target = try replaceable(path)
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = directory + "/.\((target as NSString).lastPathComponent).\(getpid()).tmp"
        func failed(_ what: String, _ code: Int32) -> StoreError {
            unlink(temporary)
            return .io(path: path, reason: "\(what): \(String(cString: strerror(code)))")
        }
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        // Keep the file's permissions (a bookmark file made private stays private).
        var old = stat()
        if stat(target, &old) == 0 { fchmod(fd, old.st_mode & 0o7777) }
        let writeError = FileWriting.writeAll(fd, data)
        if writeError != 0 { close(fd); throw failed("cannot write", writeError) }
        if fsync(fd) != 0 { let e = errno; close(fd); throw failed("cannot write", e) }
        if close(fd) != 0 { throw failed("cannot write", errno) }
        if rename(temporary, target) != 0 { throw failed("cannot replace", errno) }
        let dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DecodingError {
            switch e {
            case .keyNotFound(let key, let c): return "missing \(key.stringValue) at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
                return "\(c.debugDescription) at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
            @unknown default: return "\(e)"
            }
        }
        return (error as NSError).localizedDescription
    }
}
