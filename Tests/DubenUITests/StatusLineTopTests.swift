import DubenUI
import Testing

/// `status-line = "top"`: the page's status line under the title, the text below it, the
/// prompt there too; lists keep their footer (and prompts) at the bottom.
@Suite("Status line at the top")
struct StatusLineTopTests {
    typealias S = UITestSupport

    static func reader(_ columns: Int = 80, _ rows: Int = 24) -> Reader {
        var r = S.reader(columns, rows)
        r.statusLine = .top
        return r
    }

    @Test(arguments: [(80, 24), (40, 10)])
    func golden(columns: Int, rows: Int) throws {
        var r = Self.reader(columns, rows)
        S.type(&r, [.tab, .char("]")])
        try S.assertGolden("status-top-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test func theStatusLineIsUnderTheTitleAndTheTextFillsTheRest() {
        let r = Self.reader()
        let lines = ReaderView.draw(r).lines
        #expect(lines[1].contains("line 1/"))
        #expect(lines[2].hasPrefix("───"))
        #expect(!lines[23].contains("line 1/") && !lines[23].hasPrefix("───"))
        #expect(r.textTop == 3 && r.textHeight == 21)
        // The page is what is shown: Space moves the top by the text rows.
        let bottom = S.reader(80, 24)
        #expect(bottom.textHeight == 20)
        var paged = r
        _ = paged.handle(.char(" "))
        #expect(paged.linePosition.line == r.linePosition.line + 21)
    }

    @Test func promptsGoOnTheStatusLineOnThePageAndAtTheBottomOverALists() {
        var r = Self.reader()
        _ = r.handle(.char("/"))
        #expect(ReaderView.cursor(r)?.y == 1)
        #expect(ReaderView.draw(r).lines[1].contains("/"))
        var list = Self.reader()
        S.type(&list, [.char("B"), .char("/")])
        #expect(ReaderView.cursor(list)?.y == 23)
    }
}
