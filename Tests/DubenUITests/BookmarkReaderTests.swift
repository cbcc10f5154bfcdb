import DubenModel
import DubenStore
import DubenUI
import Foundation
import Testing

@Suite("Bookmarks in the reader")
struct BookmarkReaderTests {
    typealias S = UITestSupport

    @Test func bookmarkOpensOnItsPassageAfterAWidthChangeAndDeleteUndo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duben-ui-bm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = BookmarkStore(path: dir.appendingPathComponent("b.json").path)
        var r = Reader(corpus: S.bundled, columns: 80, rows: 24, bookmarkStore: store)
        S.type(&r, [.tab] + Array(repeating: Key.char("]"), count: 9) + [.char("m")] + S.chars("笔记") + [.enter])
        #expect(try store.read().count == 1)
        let block = r.top.block
        // Elsewhere, at another width, the list still opens on the passage.
        S.type(&r, [.char("g"), .resize(columns: 43, rows: 15), .char("B"), .enter])
        #expect(r.top.block == block && r.top.row == 0)
        #expect(r.currentQuotation?.citation.occasion == "同美国总统特朗普通电话")
        // x deletes, u restores, while the list is open.
        S.type(&r, [.char("B"), .char("x")])
        #expect(try store.read().isEmpty)
        S.type(&r, [.char("u"), .escape])
        #expect(try store.read().count == 1)
        #expect(try store.read().first?.note == "笔记")
    }

    @Test func unreadableFileMakesBookmarksReadOnly() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duben-ui-bm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("b.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        var r = Reader(corpus: S.bundled, columns: 80, rows: 24, bookmarkStore: BookmarkStore(path: path))
        #expect(r.bookmarksReadOnly != nil)
        S.type(&r, [.char("m")])
        #expect(r.prompt == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not json")
    }

    @Test func bookmarkingAQuotationMarksAllItsParagraphs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("duben-ui-bm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = BookmarkStore(path: dir.appendingPathComponent("b.json").path)
        var r = Reader(corpus: S.bundled, columns: 80, rows: 60, bookmarkStore: store)
        S.type(&r, [.tab])
        while !(r.document.text(of: r.top.block).hasPrefix("重大传染性疾病")) {
            let before = r.top
            S.type(&r, [.char("]")])
            try #require(r.top != before, "the quotation is in the collection")
        }
        let q = try #require(r.currentQuotation)
        #expect(q.blocks.count == 7)
        S.type(&r, [.char("m"), .enter])
        let saved = try #require(try store.read().first)
        #expect(saved.quote.exact.split(separator: "\n").count == 7)
        #expect(saved.citation?.occasion.contains("二十国集团领导人特别峰会") == true)
        // Every row of the seven paragraphs carries the margin marker, the citation does not.
        let screen = ReaderView.draw(r).lines
        let marked = screen.filter { $0.hasPrefix("▌") }.count
        let rows = q.blocks.reduce(0) { $0 + r.layout.lines(ofBlock: $1).count }
        #expect(marked == rows)
        #expect(!screen.contains { $0.hasPrefix("▌") && $0.contains("（2020年3月26日") })
    }
}
