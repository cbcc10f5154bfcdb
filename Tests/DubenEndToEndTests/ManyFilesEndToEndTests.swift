import DubenTestSupport
import Foundation
import Testing

/// Many files, one bad: an empty, binary or unreadable file among several is reported once on
/// standard error and skipped by every command; a file alone, or every file bad, is status 2.
@Suite("Many files, one bad")
struct ManyFilesEndToEndTests {
    /// A directory with an empty file, a binary one and a text.
    static func library() throws -> URL {
        let dir = TestSupport.temporaryDirectory("duben-many")
        try Data().write(to: dir.appendingPathComponent("a-empty.txt"))
        try Data("乙文\n正文。\n".utf8).write(to: dir.appendingPathComponent("b.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: dir.appendingPathComponent("c-binary.txt"))
        return dir
    }

    @Test func anEmptyFileInADirectoryIsSkippedWithOneWarning() throws {
        let dir = TestSupport.temporaryDirectory("duben-many")
        defer { TestSupport.remove(dir) }
        try Data().write(to: dir.appendingPathComponent("a.txt"))
        try Data("甲文\n正文。\n".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let r = try DubenProcess.run(["list", dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("甲文"))
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("duben: warning: \(dir.path)/a.txt: ") == true)
        #expect(lines.first?.hasSuffix("; skipped") == true)
    }

    /// Every command, and the reader's output to a pipe, skips the same two files.
    @Test func everyCommandSkipsTheBadFiles() throws {
        let dir = try Self.library()
        defer { TestSupport.remove(dir) }
        for command in [["list"], ["toc"], ["quotes"], ["render"], ["dump"], ["timeline"], ["search", "正文"], ["search", "--count", "正文"], []] {
            let r = try DubenProcess.run(command + [dir.path])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            let warnings = r.stderr.split(separator: "\n").filter { $0.hasSuffix("; skipped") }
            #expect(warnings.count == 2, "\(command): \(r.stderr)")
        }
    }

    @Test func aBadFileAloneOrEveryFileBadIsStatusTwo() throws {
        let dir = try Self.library()
        defer { TestSupport.remove(dir) }
        let empty = dir.appendingPathComponent("a-empty.txt").path
        let binary = dir.appendingPathComponent("c-binary.txt").path
        let alone = try DubenProcess.run(["list", empty])
        #expect(alone.status == 2)
        #expect(alone.stderr == "duben: \(empty): the file is empty (no text to read)\n")
        let both = try DubenProcess.run(["list", empty, binary])
        #expect(both.status == 2)
        #expect(both.stderr.split(separator: "\n").count == 3)
        #expect(both.stderr.hasSuffix("duben: no text to read: all 2 files were skipped\n"))
    }
}
