import DubenTestSupport
import Foundation
import Testing

/// Reading habits in a real terminal (tmux): resuming, the jump list, counts, half pages, `=`,
/// Ctrl-Z, dated documents, the contents list and the help.
@Suite("Reading habits in tmux", .serialized)
struct HabitsEndToEndTests {
    var duben: String { TmuxPane.binary }
    var texts: String { TmuxPane.texts }

    /// The text rows of a screen (between the rules), trimmed.
    func text(_ s: [String]) -> String { s.dropFirst(2).dropLast(2).joined(separator: "\n") }

    @Test func resumeIntoTheLastDocumentAndLine() throws {
        let pane = try TmuxPane("sh")
        try pane.waitFor(text: "$")
        try pane.send("\(duben) \(texts); echo status=$?", literal: true)
        try pane.send("Enter")
        try pane.waitForReady()
        try pane.send("Tab", "Tab")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("3/3") == true }
        try pane.send("3", "0", "G")
        let before = try pane.waitFor(text: "line 30/")
        try pane.send("q")
        try pane.waitFor(text: "status=0")
        // The same files: the speech at line 30.
        try pane.send("clear; \(duben) \(texts); echo ended=1", literal: true)
        try pane.send("Enter")
        // Resumed at once (the document parsed alone), and "3/3" once the library is in.
        let again = try pane.waitFor("resumed, in the whole library") { $0.joined().contains("resumed") && $0[0].hasSuffix("3/3") }
        #expect(again.joined().contains("line 30/"))
        #expect(text(again) == text(before))
        try pane.send("q")
        try pane.waitFor(text: "ended=1")
        // No file: the last session's files, at the same place.
        try pane.send("clear; \(duben); echo ended=2", literal: true)
        try pane.send("Enter")
        let none = try pane.waitFor(text: "resumed")
        #expect(none[0].contains("在打好精准脱贫攻坚战座谈会上的讲话"))
        #expect(none.joined().contains("line 30/"))
        try pane.send("q")
        try pane.waitFor(text: "ended=2")
        // --no-resume: the first document at its start.
        try pane.send("clear; \(duben) --no-resume \(texts)", literal: true)
        try pane.send("Enter")
        let fresh = try pane.waitForReady()
        #expect(fresh[0].hasSuffix("1/3"))
        #expect(!fresh.joined().contains("resumed"))
    }

    @Test func quoteQuoteAndCtrlOAfterDateSearchAndContentsJumps() throws {
        let pane = try TmuxPane.reader()
        // @ from the first page.
        try pane.send("@")
        try pane.send("2020-03-27", literal: true)
        try pane.send("Enter")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("2/3") == true && $0.last?.contains("2020-03-27") == true }
        try pane.send("'", "'")
        let first = try pane.waitFor(text: "back to line 1")
        #expect(first[0].hasSuffix("1/3"))
        try pane.send("'", "'")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("2/3") == true && $0.last?.contains("back to line") == true }
        let dated = try pane.screen()
        // / from there.
        try pane.send("/")
        try pane.send("脱贫", literal: true)
        try pane.send("Enter")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("3/3") == true && $0.last?.contains("match") == true }
        // t and a contents entry.
        try pane.send("t")
        try pane.waitFor(text: "Contents · 在打好精准脱贫攻坚战座谈会上的讲话")
        try pane.send("G", "Enter")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("3/3") == true && !$0.joined().contains("Contents ·") }
        let atEntry = try pane.screen()
        // Ctrl-O: back to the search match, then to the dated quotation, then the first page.
        try pane.send("C-o")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("3/3") == true && $0.last?.contains("back to line") == true && $0 != atEntry }
        try pane.send("C-o")
        // Polled until the whole page is the dated one (a frame can be captured half drawn).
        try pane.waitFor("the dated quotation's page again") {
            $0.first?.hasSuffix("2/3") == true && $0.last?.contains("back to line") == true && text($0) == text(dated)
        }
        try pane.send("C-o")
        try pane.waitFor("the expected screen") { $0.first?.hasSuffix("1/3") == true && $0.last?.contains("back to line 1") == true }
        // '' returns to where the last Ctrl-O started.
        try pane.send("'", "'")
        let again = try pane.waitFor("the expected screen") { $0.first?.hasSuffix("2/3") == true && $0.last?.contains("back to line") == true }
        #expect(text(again) == text(dated))
    }

    @Test func countBeforeGAndHalfPages() throws {
        let pane = try TmuxPane.reader()
        try pane.send("Tab")
        try pane.waitFor(text: "2/3")
        try pane.send("2", "0", "G")
        try pane.waitFor(text: "line 20/")
        try pane.send("C-d")
        try pane.waitFor(text: "line 30/")
        try pane.send("C-d")
        try pane.waitFor(text: "line 40/")
        try pane.send("C-u")
        try pane.waitFor(text: "line 30/")
        try pane.send("5", "0", "p")
        let half = try pane.waitFor("the expected screen") { $0.last?.contains("%") == true && !$0.last!.contains("line 30/") }
        #expect(!half.joined().contains("Press h for help"))
    }

    @Test func equalsShowsDocumentSectionLinePercentAndByte() throws {
        let pane = try TmuxPane.reader(columns: 160, rows: 24)
        try pane.send("Tab", "Tab")
        try pane.waitFor(text: "3/3")
        try pane.send("4", "0", "G", "=")
        let s = try pane.waitFor(text: "byte ")
        let status = s.last ?? ""
        #expect(status.contains("3/3 在打好精准脱贫攻坚战座谈会上的讲话"))
        #expect(status.contains("line 40/"))
        #expect(status.contains("%"))
        #expect(status.range(of: #"byte \d+/\d+"#, options: .regularExpression) != nil)
        try pane.send("j")
        try pane.waitFor("the expected screen") { !($0.last ?? "").contains("byte ") }
        try pane.send("C-g")
        try pane.waitFor(text: "line 41/")
        try pane.waitFor(text: "byte ")
    }

    @Test func ctrlZThenFgRestoresTheScreen() throws {
        let pane = try TmuxPane.readerInShell()
        try pane.send("Tab")
        try pane.send("1", "5", "G")
        let before = try pane.waitFor(text: "line 15/")
        try pane.send("C-z")
        let shell = try pane.waitFor("the shell after Ctrl-Z") { s in
            s.joined().lowercased().contains("stopped") && !s.joined().contains("line 15/")
        }
        #expect(!shell.joined().contains("line 15/"))
        try pane.send("fg", literal: true)
        try pane.send("Enter")
        let after = try pane.waitFor("the same page back") { $0 == before }
        #expect(after == before)
        try pane.send("j")
        try pane.waitFor(text: "line 16/")
        // The shell dropped the rest of the command line when the job stopped.
        try pane.send("q")
        try pane.waitFor("the shell again") { !$0.joined().contains("line 16/") }
    }

    @Test func atOpensTheSpeechOfThatDate() throws {
        let pane = try TmuxPane.reader()
        try pane.send("@")
        try pane.send("2018-02-12", literal: true)
        try pane.send("Enter")
        let s = try pane.waitFor(text: "2018-02-12 · 在打好精准脱贫攻坚战座谈会上的讲话")
        #expect(s[0].contains("在打好精准脱贫攻坚战座谈会上的讲话") && s[0].hasSuffix("3/3"))
        #expect(s.joined().contains("line 1/"))
        try pane.send("@")
        try pane.send("2019-06-01", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "2020-01-22 — nothing on 2019-06-01")
    }

    @Test func quotesOnADayGivesThatDayAndTheClosingLine() throws {
        let pane = try TmuxPane("\(duben) quotes --on 2020-03-27 \(texts); echo status=$?", columns: 120, rows: 50)
        let s = try pane.waitFor(text: "status=0")
        let rows = s.filter { $0.hasPrefix("2020-") }
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0.hasPrefix("2020-03-27") })
        #expect(s.contains("7 quotations"))
        #expect(s.contains("5 more dated only 2020-03: --overlap includes them"))
        // The text wraps within the 120 columns instead of being cut.
        #expect(s.allSatisfy { $0.count <= 120 })
        #expect(!s.contains { $0.hasSuffix("…") })
        #expect(s.joined().replacingOccurrences(of: " ", with: "").contains("是人类共同的敌人。国际社会只有共同应对"))
    }

    @Test func timelineFilterTakesADate() throws {
        let pane = try TmuxPane.reader()
        try pane.send("T")
        try pane.waitFor(text: "Timeline · 59 quotations")
        try pane.send("/")
        try pane.send("2020-03-27", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "filter: 2020-03-27 (7)")
        try pane.send("/")
        try pane.send("C-u")
        try pane.send("3月27日", literal: true)
        try pane.send("Enter")
        try pane.waitFor(text: "filter: 3月27日 (7)")
    }

    @Test func contentsNumberThenEnterOpensTheThirdQuestion() throws {
        let pane = try TmuxPane.reader()
        try pane.send("BTab")
        try pane.waitFor(text: "3/3")
        try pane.send("t")
        try pane.waitFor(text: "Contents · 在打好精准脱贫攻坚战座谈会上的讲话")
        try pane.send("3", "Enter")
        let s = try pane.waitFor("第三个问题 at the top") { $0.count > 2 && $0[2].contains("第三个问题：全面打好脱贫攻坚战") }
        #expect(s[0].contains("第三个问题"))
    }

    @Test func helpAt30x12WrapsWholeWordsAndListsTheTimelineKeys() throws {
        let pane = try TmuxPane.reader(columns: 30, rows: 12)
        try pane.send("h")
        var page = try pane.waitFor(text: "Help · keys")
        var body: [String] = []
        // Page down until the title stops showing how far the help goes.
        for _ in 0..<60 {
            body += page.dropFirst().dropLast()
            guard page[0].contains("%") else { break }
            let before = page
            try pane.send("Space")
            page = try pane.waitFor("the next page of the help") { $0 != before && $0[0].contains("Help · keys") }
        }
        #expect(!page[0].contains("%"), "the help's end was reached")
        // Every ASCII word on screen is a whole word of Docs/KEYS.md (none cut in two).
        let keys = try String(contentsOf: TmuxPane.repoRoot.appendingPathComponent("Docs/KEYS.md"), encoding: .utf8)
        func words(_ text: String) -> [String] { text.split { !($0.isASCII && $0.isLetter) }.map(String.init) }
        let known = Set(words(keys))
        for row in body {
            #expect(row.count <= 30)
            for w in words(row) { #expect(known.contains(w), "\"\(w)\" cut in: \(row)") }
        }
        let all = body.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(all.contains("In the timeline (T)"))
        #expect(all.contains("next month"))
        #expect(all.contains("In the bookmark list (B)"))
        #expect(!all.contains("…"))
    }
}
