import DubenTestSupport
import Foundation
import Testing

/// Pipes like less: standard input read when no path is given, `+N` and `+/PATTERN`, and
/// output to a pipe that keeps every document's title and author.
@Suite("Pipes like less", .serialized)
struct PipesEndToEndTests {
    var duben: String { TmuxPane.binary }

    @Test func aPipeIntoDubenIsRead() throws {
        let dir = TestSupport.temporaryDirectory("duben-pipe")
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("p.txt")
        try Data("管道标题\n正文来自标准输入的这一段。\n".utf8).write(to: file)
        let pane = try TmuxPane("cat \(file.path) | \(duben)")
        let s = try pane.waitFor(text: "正文来自标准输入的这一段。")
        #expect(s[0].contains("管道标题"))
    }

    /// `duben < /dev/null` is `duben`: /dev/null is no input (as for a job run from cron),
    /// so the bundled texts open — in the reader on a terminal, printed when output is not one.
    @Test func devNullOnStandardInputIsNoInput() throws {
        let pane = try TmuxPane("\(duben) --no-resume < /dev/null")
        let s = try pane.waitForReady()
        #expect(s[0].contains("习近平在陕西考察时强调"))
        #expect(s[0].contains("1/3"))
        let printed = try DubenProcess.run(["--no-resume"], stdin: nil)
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("团结合作是国际社会战胜疫情最有力武器\n"))
        #expect(printed.stdout.contains("在打好精准脱贫攻坚战座谈会上的讲话\n"))
    }

    /// An empty pipe or empty file on standard input is an empty text: one line, status 2
    /// (less shows an empty page; a reader of documents has none to show).
    @Test func anEmptyPipeIsAnEmptyText() throws {
        let r = try DubenProcess.run(["--no-resume"], stdin: Data())
        #expect(r.status == 2)
        #expect(r.stderr == "duben: <stdin>: the file is empty (no text to read)\n")
        #expect(r.stdout.isEmpty)
    }

    @Test func plusSlashOpensAtTheFirstMatch() throws {
        let pane = try TmuxPane("\(duben) +/丁薛祥 \(TmuxPane.texts)")
        let s = try pane.waitFor(text: "丁薛祥")
        #expect(!s.joined(separator: "\n").contains("line 1/"))
        #expect(s[0].contains("习近平在陕西考察时强调"))
    }

    @Test func plusNOpensAtLineN() throws {
        let pane = try TmuxPane("\(duben) +30 \(TmuxPane.texts)")
        try pane.waitFor(text: "line 30/")
    }

    @Test func docOpensThatDocument() throws {
        let pane = try TmuxPane("\(duben) --doc 3 \(TmuxPane.texts)")
        let s = try pane.waitFor(text: "line 1/")
        #expect(s[0].contains("在打好精准脱贫攻坚战座谈会上的讲话"))
    }

    /// The characters of a text, counted (whitespace left out: the layout rewraps lines).
    static func counts(_ text: String) -> [Character: Int] {
        var counts: [Character: Int] = [:]
        for c in text where !c.isWhitespace { counts[c, default: 0] += 1 }
        return counts
    }

    /// `duben render` and `duben FILE | cat` hold every character of the bundled corpus as
    /// often as the file does, titles and authors included.
    @Test func renderAndAPipeHoldEveryCharacter() throws {
        let file = TestSupport.textsPath + "/corpus-2020.txt"
        let source = Self.counts(try String(contentsOfFile: file, encoding: .utf8))
        for command in [["render", "--width", "60"], []] {
            let r = try DubenProcess.run(command + [file])
            #expect(r.status == 0)
            let shown = Self.counts(r.stdout)
            let missing = source.filter { shown[$0.key, default: 0] < $0.value }
            #expect(missing.isEmpty, "\(command): \(missing.sorted { $0.key < $1.key }.prefix(20))")
            // Titles and authors, each on a line of its own.
            let lines = Set(r.stdout.split(separator: "\n").map(String.init))
            #expect(lines.contains("团结合作是国际社会战胜疫情最有力武器"))
            #expect(lines.contains("习近平"))
        }
        let one = try DubenProcess.run(["--doc", "3", file])
        #expect(one.stdout.hasPrefix("在打好精准脱贫攻坚战座谈会上的讲话\n习近平\n\n"))
    }
}
