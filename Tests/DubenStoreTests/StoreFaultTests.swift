import DubenModel
import DubenStore
import DubenTestSupport
import Foundation
import Testing

/// The store when the world fails it: a file size limit (a full disk as the process sees it),
/// a read-only directory, a directory or a symbolic link in the bookmark file's place, and
/// writers at once. Never a lost bookmark, a partial file, or a write through a link out of
/// the data directory; the error names the file and says why.
@Suite("Store under faults")
struct StoreFaultTests {
    typealias S = StoreSupport

    /// A data directory holding a bookmark file with `count` bookmarks (written by the CLI).
    func dataDirectory(bookmarks count: Int) throws -> (dir: URL, path: String) {
        let dir = S.temporaryDirectory()
        let path = dir.appendingPathComponent("bookmarks.json").path
        for i in 0..<count {
            let (status, _, err) = try S.run(["bookmarks", "add", "--doc", "2", "--block", "\(i + 1)", "--note", "笔记 \(i)", S.texts], bookmarks: path)
            #expect(status == 0, "\(err)")
        }
        return (dir, path)
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Files left in the directory besides the bookmark file and its lock (temporary files).
    func strays(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// Runs duben under `sh -c` with a prefix (a ulimit, or nothing), with `DUBEN_BOOKMARKS`.
    func shell(_ prefix: String, _ arguments: [String], bookmarks: String, user nobody: Bool = false) throws -> DubenProcess.Result {
        let quoted = ([S.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "\(prefix) exec \(quoted)"
        let argv = nobody ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", command] : ["/bin/sh", "-c", command]
        return try DubenProcess.runProgram(argv, environment: ["DUBEN_BOOKMARKS": bookmarks])
    }

    @Test func aFileSizeLimitLeavesTheFileAsItWasAndSaysWhy() throws {
        let (dir, path) = try dataDirectory(bookmarks: 6)
        defer { TestSupport.remove(dir) }
        let before = try #require(bytes(path))
        #expect(before.count > 4096)
        // 4 blocks (2 KiB in sh's 512-byte blocks, 4 KiB in bash's): less than the file.
        let r = try shell("ulimit -f 4;", ["bookmarks", "add", "--doc", "2", "--block", "9", S.texts], bookmarks: path)
        #expect(r.status == 2, "killed by SIGXFSZ or succeeded: \(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix("duben: \(path): cannot write: File too large"), "\(r.stderr)")
        #expect(bytes(path) == before, "the bookmark file changed")
        let left = try strays(in: dir)
        #expect(left.isEmpty, "temporary files left: \(left)")
        #expect(try BookmarkStore(path: path).read().count == 6)

        // An export past the limit leaves no partial file either.
        let out = dir.appendingPathComponent("export.json").path
        let e = try shell("ulimit -f 4;", ["bookmarks", "export", "--format", "json", "--output", out], bookmarks: path)
        #expect(e.status == 2 && e.stderr.contains(out) && e.stderr.contains("File too large"), "\(e.status) \(e.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "a partial export was left")
        #expect(try strays(in: dir).isEmpty)
    }

    @Test func aReadOnlyDirectoryIsAnErrorNamingTheFile() throws {
        let (dir, path) = try dataDirectory(bookmarks: 0)
        defer {
            chmod(dir.path, 0o755)
            TestSupport.remove(dir)
        }
        // Permissions do not stop root: as root, the CLI runs as nobody in a directory of its own.
        let asNobody = getuid() == 0
        if asNobody {
            chmod(dir.path, 0o755)
            chown(dir.path, 65534, 65534)
        }
        let first = try shell("", ["bookmarks", "add", "--doc", "2", "--block", "3", S.texts], bookmarks: path, user: asNobody)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try #require(bytes(path))
        chmod(dir.path, 0o555)
        let r = try shell("", ["bookmarks", "add", "--doc", "2", "--block", "4", S.texts], bookmarks: path, user: asNobody)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("duben: \(path): cannot write: Permission denied"), "\(r.stderr)")
        #expect(bytes(path) == before)
        #expect(try BookmarkStore(path: path).read().count == 1)
    }

    @Test func aDirectoryInPlaceOfTheFileIsLeftAlone() throws {
        let dir = S.temporaryDirectory()
        defer { TestSupport.remove(dir) }
        let path = dir.appendingPathComponent("bookmarks.json").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let r = try S.run(["bookmarks", "add", "--doc", "2", "--block", "4", S.texts], bookmarks: path)
        #expect(r.0 == 2)
        #expect(r.2.hasPrefix("duben: \(path): is a directory"), "\(r.2)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        let list = try S.run(["bookmarks", "list"], bookmarks: path)
        #expect(list.0 == 2 && list.2.contains("is a directory"))
        // The store says so even when asked to write without reading first.
        #expect(throws: StoreError.self) { try BookmarkStore(path: path).update { $0 = [] } }
    }

    @Test func aLinkOutOfTheDirectoryIsNeverWrittenThrough() throws {
        let dir = S.temporaryDirectory(), elsewhere = S.temporaryDirectory()
        defer {
            TestSupport.remove(dir)
            TestSupport.remove(elsewhere)
        }
        // Someone else's file, reached through a link where the bookmark file should be.
        let victim = elsewhere.appendingPathComponent("bookmarks.json").path
        let (made, _, _) = try S.run(["bookmarks", "add", "--doc", "2", "--block", "5", S.texts], bookmarks: victim)
        #expect(made == 0)
        let victimBytes = try #require(bytes(victim))
        let path = dir.appendingPathComponent("bookmarks.json").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        let r = try S.run(["bookmarks", "add", "--doc", "2", "--block", "6", S.texts], bookmarks: path)
        #expect(r.0 == 2)
        #expect(r.2.hasPrefix("duben: \(path): cannot write: a symbolic link to ") && r.2.contains("not written through"), "\(r.2)")
        #expect(bytes(victim) == victimBytes)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == victim)

        // A link as the lock file is not followed either.
        let other = dir.appendingPathComponent("other.json").path
        let outside = elsewhere.appendingPathComponent("lock-target")
        try Data("keep".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(atPath: other + ".lock", withDestinationPath: outside.path)
        let l = try S.run(["bookmarks", "add", "--doc", "2", "--block", "6", S.texts], bookmarks: other)
        #expect(l.0 == 2 && l.2.hasPrefix("duben: \(other).lock: cannot open the lock file: is a symbolic link"), "\(l.2)")
        #expect(bytes(outside.path) == Data("keep".utf8))
        #expect(!FileManager.default.fileExists(atPath: other))

        // A link within the data directory is written through, and stays a link.
        let real = dir.appendingPathComponent("real.json").path
        let inside = dir.appendingPathComponent("inside.json").path
        try FileManager.default.createSymbolicLink(atPath: inside, withDestinationPath: "real.json")
        #expect(try S.run(["bookmarks", "add", "--doc", "2", "--block", "7", S.texts], bookmarks: inside).0 == 0)
        #expect(try S.run(["bookmarks", "add", "--doc", "2", "--block", "8", S.texts], bookmarks: inside).0 == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: inside) == "real.json")
        #expect(try BookmarkStore(path: real).read().count == 2)
        #expect(try strays(in: dir).isEmpty)
    }

    @Test func aPrivateFileStaysPrivate() throws {
        let (dir, path) = try dataDirectory(bookmarks: 1)
        defer { TestSupport.remove(dir) }
        chmod(path, 0o600)
        #expect(try S.run(["bookmarks", "add", "--doc", "2", "--block", "9", S.texts], bookmarks: path).0 == 0)
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o600)
    }
}
