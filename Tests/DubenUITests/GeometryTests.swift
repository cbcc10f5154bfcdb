import DubenModel
import DubenTestSupport
import DubenUI
import Testing

/// The reader's paging and the views' drawing use the same figures (`ScreenMetrics`,
/// `PromptLine`): what a key scrolls is what a view shows.
@Suite("Geometry shared by keys and views")
struct GeometryTests {
    typealias S = UITestSupport

    /// The column after the last non-blank cell of a row (1 when the row is blank).
    static func endOfText(_ screen: ScreenBuffer, row y: Int) -> Int {
        var end = 1
        var x = 0
        while x < screen.width {
            let cell = screen[x, y]
            if !cell.isContinuation && cell.text != " " { end = x + max(1, Int(cell.width)) }
            x += 1
        }
        return end
    }

    @Test(arguments: [(80, 12), (40, 12), (20, 6), (100, 30), (60, 7)])
    func theHelpsLastPageIsFullAfterG(columns: Int, rows: Int) {
        var r = S.reader(columns, rows)
        S.type(&r, [.char("h"), .char("G")])
        let screen = ReaderView.draw(r)
        // The row above the footer holds the last line of the help (the end of its last
        // binding: its keys beside the summary, or its summary's last word under them).
        let last = KeyBindings.table.last!.bindings.last!
        let lastWord = String(last.summary.split(separator: " ").last!)
        #expect(screen.lines[rows - 2].contains(last.names[0]) || screen.lines[rows - 2].hasSuffix(lastWord), "\(screen.lines[rows - 2])")
        // And a page down from the top shows the rows just after the first page.
        S.type(&r, [.char("g"), .pageDown])
        #expect(r.overlay == .help(scroll: r.metrics.listRows))
    }

    /// "一" … "二十九".
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        return (n >= 20 ? digits[n / 10] : "") + "十" + digits[n % 10]
    }

    @Test func listsPageByTheRowsTheyShow() throws {
        let text = "标题\n习近平\n" + (1...29).map { "\(Self.numeral($0))、第\($0)节\n正文。\n" }.joined()
        let corpus = try TestSupport.corpus(text)
        #expect(corpus.documents.first?.toc.count == 29)
        var r = Reader(corpus: corpus, columns: 80, rows: 12)
        S.type(&r, [.char("t"), .pageDown])
        #expect(r.overlay == .tableOfContents(selected: r.metrics.listRows))
        let screen = ReaderView.draw(r)
        // The selection is on screen.
        #expect(screen.lines.contains { $0.hasPrefix("▶") })
    }

    @Test func thePromptCursorStandsRightAfterTheVisibleText() {
        let pieces = ["a", "共", "ab", "命运", "1700", "“引”", "x共y"]
        var rng = SplitMix(seed: 52)
        for columns in [20, 21, 29, 40, 41, 57, 80, 120] {
            for kind in ["/", "@", "m"] {
                var typed = ""
                var r = S.reader(columns, 12)
                if kind == "m" {
                    r = Reader(corpus: S.bundled, columns: columns, rows: 12, bookmarks: BookmarkState(availability: .writable))
                }
                _ = r.handle(.char(Character(kind)))
                for _ in 0..<40 {
                    let piece = pieces.randomElement(using: &rng)!
                    typed += piece
                    S.type(&r, S.chars(piece))
                    let screen = ReaderView.draw(r)
                    let cursor = ReaderView.cursor(r)!
                    #expect(cursor.y == 11)
                    #expect(cursor.x < columns)
                    #expect(cursor.x == Self.endOfText(screen, row: 11),
                            "\(columns) columns, prompt \(kind), \(typed.count) characters: \(screen.lines[11]) — cursor at \(cursor.x)")
                    // The end of what was typed is what is shown.
                    #expect(screen.lines[11].hasSuffix(String(typed.suffix(1))))
                }
                // Moving the cursor to the start shows the start of the text, cursor after the label.
                S.type(&r, [.home])
                let screen = ReaderView.draw(r)
                let cursor = ReaderView.cursor(r)!
                let label = PromptLabelProbe.labelEnd(screen)
                #expect(cursor.x == label, "\(columns): \(screen.lines[11])")
                #expect(screen.lines[11].contains(String(typed.prefix(1))))
            }
        }
    }
}

extension GeometryTests {
    /// Search highlights sit on the cells the layout measured, after tabs and wide characters.
    @Test func matchesAreHighlightedOnTheirCells() throws {
        let text = "标题\n前\t文 e\u{301}共同体ＡＢ共同。\n"
        var r = Reader(corpus: try TestSupport.corpus(text), columns: 40, rows: 10)
        S.type(&r, [.char("/")] + S.chars("共同") + [.enter])
        let screen = ReaderView.draw(r)
        let y = r.textTop
        let marked = (0..<screen.width).filter { screen[$0, y].style.contains(.match) }
        let expected = (0..<screen.width).filter { x in
            let c = screen[x, y]
            if c.text == "共" || c.text == "同" { return true }
            // The continuation cell of a wide glyph that is marked.
            return c.isContinuation && x > 0 && (screen[x - 1, y].text == "共" || screen[x - 1, y].text == "同")
        }
        #expect(marked == expected, "\(screen.lines[y]) \(screen.styleLines[y])")
        #expect(marked.count == 8)
    }
}


/// Where the bold label of the status line ends.
enum PromptLabelProbe {
    static func labelEnd(_ screen: ScreenBuffer) -> Int {
        let y = screen.height - 1
        var end = 1
        for x in 0..<screen.width where screen[x, y].style.contains(.bold) { end = x + 1 }
        return end
    }
}
