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
}
