import DubenTestSupport
import Foundation
import Testing

/// The built `duben` in a real terminal (tmux), driven by keys.
@Suite("Reader in tmux", .serialized)
struct ReaderEndToEndTests {
    var duben: String { TmuxPane.binary }
    var texts: String { TmuxPane.texts }

    @Test func openingShowsTheFirstPage() throws {
        let s = try TmuxPane.reader().screen()
        #expect(s[0].contains("习近平在陕西考察时强调"))
        #expect(s[0].hasSuffix("1/3"))
        #expect(s[2].contains("中共中央总书记、国家主席"))
    }

    @Test func pagingToTheEndAndBack() throws {
        let pane = try TmuxPane.reader()
        try pane.send("G")
        let end = try pane.waitFor(text: "100%")
        #expect(end.joined().contains("丁薛祥、刘鹤、何立峰和中央有关部门负责同志陪同考察。"))
        try pane.send("g")
        try pane.waitForReady()
        try pane.send("Space")
        try pane.waitFor(text: "line 21/")
        try pane.send("b")
        try pane.waitForReady()
    }

    @Test func tableOfContentsJump() throws {
        let pane = try TmuxPane.reader()
        try pane.send("Tab")
        try pane.waitFor(text: "2/3")
        try pane.send("t")
        try pane.waitFor(text: "Contents · 团结合作")
        try pane.send("j", "j", "Enter")
        let s = try pane.waitFor("the third section at the top") { $0.count > 2 && $0[2].hasPrefix("  三、患难见真情") }
        #expect(s[0].contains("三、患难见真情"))
    }

    @Test func documentSwitch() throws {
        let pane = try TmuxPane.reader()
        try pane.send("Tab")
        try pane.waitFor("document 2") { $0[0].contains("团结合作是国际社会战胜疫情最有力武器") && $0[0].hasSuffix("2/3") }
        try pane.send("Tab")
        try pane.waitFor("document 3") { $0[0].contains("在打好精准脱贫攻坚战座谈会上的讲话") && $0[0].hasSuffix("3/3") }
        try pane.send("BTab")
        try pane.waitFor("back to document 2") { $0[0].hasSuffix("2/3") }
    }

    @Test func searchAndNext() throws {
        let pane = try TmuxPane.reader()
        try pane.send("/")
        try pane.send("特朗普", literal: true)
        try pane.send("Enter")
        let first = try pane.waitFor("a match at the top") { $0.count > 2 && $0[2].contains("特朗普") }
        #expect(first[0].hasSuffix("2/3"))
        for _ in 0..<5 { try pane.send("n") }
        try pane.waitFor(text: "search wrapped")
    }

    @Test func resizeKeepsTheAnchor() throws {
        let pane = try TmuxPane.reader()
        try pane.send("Tab")
        try pane.waitFor(text: "2/3")
        try pane.send("Space", "Space", "j", "j", "j")
        let before = try pane.waitFor(text: "line 44/")
        let anchor = String(before[2].trimmingCharacters(in: .whitespaces).prefix(4))
        #expect(anchor.count == 4)
        try pane.tmux(["resize-window", "-t", "0", "-x", "50", "-y", "16"])
        func squeezed(_ rows: ArraySlice<String>) -> String {
            rows.joined().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        }
        // The anchor's characters at the top of the resized screen (polled: frames can be
        // captured half drawn, so the check is part of the wait).
        try pane.waitFor("the resized screen with \(anchor) at the top") { s in
            s.count == 16 && s[1].hasPrefix("──") && s[1].count == 50 && squeezed(s[2...3]).contains(anchor)
        }
        try pane.tmux(["resize-window", "-t", "0", "-x", "120", "-y", "30"])
        try pane.waitFor("the enlarged screen with \(anchor) at the top") { s in
            s.count == 30 && s[1].count == 120 && squeezed(s[2...2]).contains(anchor)
        }
    }

    @Test func helpOpensAndCloses() throws {
        let pane = try TmuxPane.reader()
        try pane.send("h")
        try pane.waitFor(text: "Help · keys")
        try pane.send("q")
        try pane.waitForReady()
    }

    @Test func quitLeavesTheShellPromptClean() throws {
        let pane = try TmuxPane.readerInShell()
        try pane.send("q")
        let s = try pane.waitFor(text: "status=0")
        let text = s.joined(separator: "\n")
        #expect(!text.contains("中共中央总书记"), "the reader's screen is gone")
        #expect(!text.contains("line 1/"))
        // The command line is still there, and the prompt came back after it.
        #expect(s.joined().contains("status=$?status=0$"))
        #expect(s.last { !$0.isEmpty } == "$")
    }

    @Test func interruptRestoresTheTerminal() throws {
        let pane = try TmuxPane.readerInShell()
        try pane.send("C-c")
        let s = try pane.waitFor(text: "status=130")
        #expect(!s.joined().contains("line 1/"))
    }

    @Test func tinyTerminalRecovers() throws {
        let pane = try TmuxPane("\(duben) \(texts)", columns: 15, rows: 5)
        try pane.waitFor(text: "too small")
        try pane.tmux(["resize-window", "-t", "0", "-x", "40", "-y", "12"])
        try pane.waitForReady()
    }

    /// The harness itself: a pane whose command ends at once still shows what it wrote (the
    /// pane is kept from the server's start; `unknownTerminalIsAClearError` once read an empty
    /// screen when duben's error came before the option was set).
    @Test func aCommandThatEndsAtOnceStaysOnScreen() throws {
        for _ in 0..<5 {
            let pane = try TmuxPane("echo ended-at-once")
            try pane.waitFor(text: "ended-at-once")
        }
    }

    @Test func unknownTerminalIsAClearError() throws {
        let pane = try TmuxPane("TERM=no-such-terminal \(duben) \(texts); echo status=$?")
        let s = try pane.waitFor(text: "status=2")
        #expect(s.joined().contains("duben: TERM=no-such-terminal: unknown terminal type"))
    }

    @Test func standardInputAsText() throws {
        let pane = try TmuxPane("cat \(texts)/corpus-2020.txt | \(duben) -")
        try pane.waitForReady()
    }
}

/// Bookmarks and reading positions across a restart, in tmux.
@Suite("Bookmarks in tmux", .serialized)
struct BookmarksEndToEndTests {
    @Test func bookmarkSurvivesARestartAndPositionIsRestored() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duben-bm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { TestSupport.remove(dir) }
        let file = dir.appendingPathComponent("bookmarks.json").path
        let command = "DUBEN_BOOKMARKS=\(file) \(TmuxPane.binary) \(TmuxPane.repoRoot.appendingPathComponent("Texts").path)"
        do {
            // Wait for the process itself to end, not just its screen: positions are saved
            // on the way out, after the terminal is restored.
            let pane = try TmuxPane("\(command); echo duben-exited=$?")
            try pane.waitForReady()
            try pane.send("Tab")
            try pane.waitFor(text: "2/3")
            for _ in 0..<9 { try pane.send("]") }
            try pane.waitFor(text: "quotation 9/59")
            try pane.send("m")
            try pane.waitFor(text: "bookmark note")
            try pane.send("G20 峰会后续", literal: true)
            try pane.send("Enter")
            try pane.waitFor(text: "Bookmarked (1 in all)")
            try pane.waitFor("the margin marker") { $0.count > 2 && $0[2].hasPrefix("▌") }
            try pane.send("q")
            try pane.waitFor(text: "duben-exited=0")
        }
        let pane = try TmuxPane(command)
        // Reopens the collection (the document being read) where it was left.
        try pane.waitFor(text: "resumed")
        try pane.waitFor("the restored position with its marker") { $0.count > 2 && $0[2].hasPrefix("▌") && $0[2].contains("流行性疾病不分国界") }
        try pane.send("j", "k")
        try pane.waitFor(text: "quotation 9/59")
        try pane.send("B")
        // Poll for the whole list (a frame can be captured half drawn).
        try pane.waitFor("the bookmark list with the note and the date") { s in
            let all = s.joined()
            return all.contains("Bookmarks · 1") && all.contains("G20 峰会后续") && all.contains("2020-03-27")
        }
        // The export holds passage, citation and note.
        try pane.send("Escape")
        try pane.send("E")
        try pane.waitFor(text: "export FORMAT FILE")
        try pane.send("C-u")
        try pane.send("json \(dir.appendingPathComponent("out.json").path)", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "Exported 1 bookmarks")
        let data = try Data(contentsOf: dir.appendingPathComponent("out.json"))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("流行性疾病不分国界") && text.contains("同美国总统特朗普通电话") && text.contains("G20 峰会后续"))
    }

    @Test func aFailedWriteIsShownAndLoggedAfterTheReaderExits() throws {
        let dir = TestSupport.temporaryDirectory("duben-bm")
        defer { TestSupport.remove(dir) }
        // The bookmark file's directory would have to be inside a regular file: every write fails.
        let blocker = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let file = blocker.appendingPathComponent("bookmarks.json").path
        let pane = try TmuxPane("DUBEN_BOOKMARKS=\(file) \(TmuxPane.binary) \(TmuxPane.texts) 2>\(dir.path)/stderr; echo duben-exited=$?",
                                columns: 200, rows: 24)
        try pane.waitForReady()
        try pane.send("Tab")
        try pane.send("]")
        try pane.waitFor(text: "quotation 1/59")
        try pane.send("m")
        try pane.waitFor(text: "bookmark note")
        try pane.send("Enter")
        try pane.waitFor(text: "\(blocker.path): cannot create the directory")
        try pane.send("q")
        try pane.waitFor(text: "duben-exited=0")
        let stderr = try String(contentsOfFile: dir.appendingPathComponent("stderr").path, encoding: .utf8)
        let lines = stderr.split(separator: "\n")
        // The failed bookmark and the failed save of the reading positions, one line each.
        #expect(lines.count == 2, "\(stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("duben: \(blocker.path)") }, "\(stderr)")
    }
}
