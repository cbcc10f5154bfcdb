import DubenUI
import Testing

/// Golden screens (text and style) from the in-memory buffer at 80×24 and 40×12.
@Suite("Golden screens")
struct GoldenScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    @Test(arguments: sizes)
    func firstPage(columns: Int, rows: Int) throws {
        let r = UITestSupport.reader(columns, rows)
        try UITestSupport.assertGolden("first-page-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test(arguments: sizes)
    func afterPaging(columns: Int, rows: Int) throws {
        var r = UITestSupport.reader(columns, rows)
        UITestSupport.type(&r, [.char(" "), .char(" "), .char("j")])
        try UITestSupport.assertGolden("after-paging-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test(arguments: sizes)
    func tableOfContentsOpen(columns: Int, rows: Int) throws {
        var r = UITestSupport.reader(columns, rows)
        UITestSupport.type(&r, [.tab, .char("t"), .char("j")])
        try UITestSupport.assertGolden("toc-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test(arguments: sizes)
    func helpOpen(columns: Int, rows: Int) throws {
        var r = UITestSupport.reader(columns, rows)
        UITestSupport.type(&r, [.char("h")])
        try UITestSupport.assertGolden("help-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test(arguments: sizes)
    func searchHighlight(columns: Int, rows: Int) throws {
        var r = UITestSupport.reader(columns, rows)
        UITestSupport.type(&r, [.char("/")] + UITestSupport.chars("秦岭") + [.enter])
        try UITestSupport.assertGolden("search-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test(arguments: sizes)
    func timeline(columns: Int, rows: Int) throws {
        var r = UITestSupport.reader(columns, rows)
        UITestSupport.type(&r, [.tab, .char("@")] + UITestSupport.chars("2020-03-27") + [.enter, .char("T")])
        try UITestSupport.assertGolden("timeline-\(columns)x\(rows)", ReaderView.draw(r))
    }

    @Test func tinyTerminal() throws {
        try UITestSupport.assertGolden("tiny-19x5", ReaderView.draw(UITestSupport.reader(19, 5)))
        try UITestSupport.assertGolden("smallest-20x6", ReaderView.draw(UITestSupport.reader(20, 6)))
    }
}
