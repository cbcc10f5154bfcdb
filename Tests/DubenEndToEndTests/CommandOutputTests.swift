import DubenTestSupport
import Foundation
import Testing

/// `duben quotes`, `list` and `dump` through the built binary (no terminal needed).
@Suite("Command output")
struct CommandOutputTests {
    /// Runs duben and returns its status and standard output.
    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let r = try DubenProcess.run(arguments)
        return (r.status, r.stdout)
    }

    /// Runs `duben quotes ARGUMENTS PATH` (default: the bundled texts).
    static func quotes(_ arguments: [String], path: String = TestSupport.textsPath) throws -> (status: Int32, stdout: String) {
        try run(["quotes"] + arguments + [path])
    }

    /// Writes a text into a new temporary file and returns its path; the caller removes it.
    static func temporaryText(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("duben-output-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes a temporary file; a failure is recorded, not dropped.
    static func remove(_ path: String) {
        do { try FileManager.default.removeItem(atPath: path) } catch { Issue.record("cannot remove \(path): \(error)") }
    }

    /// A small collection without headings; one occasion has Latin letters.
    static let collection = """
        讲话摘编

        　　要坚持人民至上。（2020年5月22日在参加内蒙古代表团审议时的讲话）

        　　要坚持科学防治。（2020年6月2日同WHO总干事通电话）

        　　要坚持生命至上。（2020年5月24日在参加湖北代表团审议时的讲话）
        """

    /// Full-width digits match the digits of the text: `--match ２０２０` finds what
    /// `--match 2020` finds.
    @Test func matchFoldsFullWidthDigits() throws {
        let half = try Self.quotes(["--match", "2020", "--json"])
        let full = try Self.quotes(["--match", "２０２０", "--json"])
        #expect(half.status == 0 && full.status == 0)
        #expect(half.stdout.contains("\"citation\""))
        #expect(full.stdout == half.stdout)
    }

    /// `--occasion` folds the same way (the bundled occasions are all Chinese: a file of its own).
    @Test func occasionFoldsWidthAndCase() throws {
        let path = try Self.temporaryText(Self.collection)
        defer { Self.remove(path) }
        let ascii = try Self.quotes(["--occasion", "WHO", "--json"], path: path)
        #expect(ascii.status == 0)
        #expect(ascii.stdout.contains("同WHO总干事通电话"))
        #expect(!ascii.stdout.contains("内蒙古"))
        for other in ["who", "ＷＨＯ", "ｗｈｏ"] {
            #expect(try Self.quotes(["--occasion", other, "--json"], path: path).stdout == ascii.stdout, "\(other)")
        }
    }

    /// `bookmarks list --match` and `bookmarks export --match` use the same matcher.
    @Test func bookmarkMatchFoldsWidthAndCase() throws {
        let dir = TestSupport.temporaryDirectory("duben-output")
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("b.json").path
        #expect(try Self.run(["bookmarks", "add", "--bookmarks", file, "--doc", "2", "--quotation", "3", "--note", "WHO 2020"]).status == 0)
        #expect(try Self.run(["bookmarks", "add", "--bookmarks", file, "--doc", "1", "--block", "1"]).status == 0)
        let all = try Self.run(["bookmarks", "list", "--bookmarks", file, "--json"]).stdout
        let one = try Self.run(["bookmarks", "list", "--bookmarks", file, "--json", "--match", "who"]).stdout
        #expect(one != all && one.contains("WHO 2020"))
        for other in ["ＷＨＯ", "２０２０", "Who"] {
            #expect(try Self.run(["bookmarks", "list", "--bookmarks", file, "--json", "--match", other]).stdout == one, "\(other)")
        }
        let csv = try Self.run(["bookmarks", "export", "--bookmarks", file, "--format", "csv", "--match", "陕西"]).stdout
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2, "the header and the one bookmark of the report: \(csv)")
    }

    /// A title, a heading or a citation holding terminal controls is printed in the tables with
    /// placeholders, never as controls (the JSON output escapes them as JSON does).
    @Test func tablesNeverPrintControls() throws {
        let path = try Self.temporaryText("标题\u{1B}]2;pwned\u{07}\u{9B}2J\n习近平\n一、第一\u{1B}[31m部分\n　　正文。（2020年3月27日同\u{1B}[2J某人通电话）\n")
        defer { Self.remove(path) }
        for command in [["list"], ["toc"], ["quotes"], ["timeline"]] {
            let r = try DubenProcess.run(command + [path])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) },
                    "\(command) printed a control")
        }
        #expect(try DubenProcess.run(["list", path]).stdout.contains("标题␛]2;pwned␇"))
    }

    /// Absent values of the keys documented as "or null" are written as null, not left out;
    /// a block's `level` and `quotation` are left out when absent.
    @Test func nullsWhereDocumented() throws {
        let plain = try Self.temporaryText("无名之文\n一段正文，没有日期。\n")
        let collection = try Self.temporaryText(Self.collection)
        defer {
            Self.remove(plain)
            Self.remove(collection)
        }
        let list = try Self.run(["list", "--json", plain])
        #expect(list.status == 0)
        for key in ["author", "date", "dateEnd"] { #expect(list.stdout.contains("\"\(key)\" : null"), "\(key)") }
        let dump = try Self.run(["dump", plain]).stdout
        for key in ["author", "date", "dateEnd", "metadata", "dateline"] { #expect(dump.contains("\"\(key)\" : null"), "\(key)") }
        #expect(!dump.contains("\"level\""))
        #expect(!dump.contains("\"quotation\""))
        let quotes = try Self.quotes(["--json"], path: collection).stdout
        for key in ["section", "dateEnd", "title"] { #expect(quotes.contains("\"\(key)\" : null"), "\(key)") }
    }
}
