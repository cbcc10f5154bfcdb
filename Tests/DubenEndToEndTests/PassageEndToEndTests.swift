import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// Selecting, bookmarking and copying whole sentences in a real terminal (tmux).
@Suite("Passages in tmux", .serialized)
struct PassageEndToEndTests {
    /// The reader on the bundled texts with a private bookmark file, its exit status echoed.
    static func pane(_ dir: URL, environment: String = "") throws -> TmuxPane {
        let file = dir.appendingPathComponent("bookmarks.json").path
        let pane = try TmuxPane("\(environment) DUBEN_BOOKMARKS=\(file) \(TmuxPane.binary) \(TmuxPane.texts); echo duben-exited=$?")
        try pane.waitForReady()
        return pane
    }

    /// Searches 一诺千金 (in the third document, the speech).
    static func search(_ pane: TmuxPane) throws {
        try pane.send("/")
        try pane.send("一诺千金", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "3/3")
    }

    @Test func selectTwoSentencesBookmarkWithANoteAndExport() throws {
        let dir = TestSupport.temporaryDirectory("duben-passage")
        defer { TestSupport.remove(dir) }
        let pane = try Self.pane(dir)
        try Self.search(pane)
        try pane.send("v")
        try pane.waitFor(text: "· 1 sentence —")
        try pane.send("j")
        try pane.waitFor(text: "· 2 sentences —")
        try pane.send("m")
        try pane.waitFor(text: "bookmark note")
        try pane.send("军令状与承诺", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "Bookmarked (1 in all)")
        try pane.send("q")
        try pane.waitFor(text: "duben-exited=0")
        let export = try DubenProcess.run(["bookmarks", "export", "--format", "markdown",
                                           "--bookmarks", dir.appendingPathComponent("bookmarks.json").path])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(separator: "\n").map(String.init)
        let quote = try #require(lines.first { $0.hasPrefix("> ") && $0.contains("一诺千金") }, "\(export.stdout)")
        let passage = String(quote.dropFirst(2)).replacingOccurrences(of: "\\", with: "")
        #expect(SentenceBreaker.sentences(in: passage).count == 2, "\(passage)")
        #expect(passage.last == "。" || passage.last == "”", "\(passage)")
        let citation = try #require(lines.first { $0.contains("在打好精准脱贫攻坚战座谈会上的讲话") && !$0.hasPrefix("#") }, "\(export.stdout)")
        #expect(citation.contains("习近平") && citation.contains("《在打好精准脱贫攻坚战座谈会上的讲话》") && citation.contains("2018年2月12日"),
                "\(citation)")
        #expect(export.stdout.contains("军令状与承诺"))
    }

    @Test func yPutsPassageAndCitationInTheTmuxBuffer() throws {
        let dir = TestSupport.temporaryDirectory("duben-passage")
        defer { TestSupport.remove(dir) }
        let pane = try Self.pane(dir)
        try Self.search(pane)
        try pane.send("v", "j", "y")
        try pane.waitFor(text: "to the tmux buffer")
        let buffer = try pane.tmux(["show-buffer"])
        #expect(buffer.contains("一诺千金。"), "\(buffer)")
        #expect(buffer.contains("习近平") && buffer.contains("2018年2月12日"), "\(buffer)")
    }

    @Test func yWithoutAnyClipboardSaysSoAndCopiesNothing() throws {
        let dir = TestSupport.temporaryDirectory("duben-passage")
        defer { TestSupport.remove(dir) }
        // Outside tmux's reach, with no display and no tools on PATH: nothing to copy with.
        let pane = try Self.pane(dir, environment: "env -u TMUX -u DISPLAY -u WAYLAND_DISPLAY PATH=/nonexistent")
        try Self.search(pane)
        try pane.send("y")
        try pane.waitFor(text: "Nothing copied")
        #expect(try pane.tmux(["show-buffer"]).isEmpty, "no tmux buffer was made")
    }
}
