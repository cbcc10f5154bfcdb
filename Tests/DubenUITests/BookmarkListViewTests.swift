import DubenLayout
import DubenModel
import DubenStore
import DubenUI
import Foundation
import Testing

/// The bookmark list's drawing: aligned columns, dates for dated documents, the selected note
/// in full, a word after each change.
@Suite("Bookmark list view")
struct BookmarkListViewTests {
    typealias S = UITestSupport

    /// Three bookmarks: a quotation in the collection, a sentence of the speech with a long
    /// note, and one in the first report.
    static func filled(_ columns: Int, _ rows: Int = 24) -> (Reader, MemoryWorld) {
        var world = MemoryWorld()
        var r = Reader(corpus: S.bundled, columns: columns, rows: rows, bookmarks: BookmarkState([], availability: .writable))
        S.run(&r, &world, [.char("j"), .char("j"), .char("m")] + S.chars("考察") + [.enter])
        S.run(&r, &world, [.tab, .char("]"), .char("m")] + S.chars("疫情") + [.enter])
        let long = String(repeating: "这是一条很长的笔记，说明为什么这一句重要。", count: 6)
        S.run(&r, &world, [.char("/")] + S.chars("一诺千金") + [.enter, .char("m")] + S.chars(long) + [.enter])
        return (r, world)
    }

    @Test func columnsAreAlignedByDisplayWidthAndEveryDatedDocumentHasADate() throws {
        var (r, _) = Self.filled(120)
        _ = r.handle(.char("B"))
        let screen = ReaderView.draw(r)
        let rows = Array(screen.lines[1...3])
        let measure = DisplayWidth()
        // The document column starts at the same display column on every row.
        let starts = rows.map { row -> Int in
            let prefix = row.prefix { !"习团在".contains($0) }
            return measure.width(of: String(prefix))
        }
        #expect(Set(starts).count == 1, "\(rows)")
        #expect(rows.contains { $0.contains("2018-02-12") }, "the speech's own date: \(rows)")
        #expect(rows.contains { $0.contains("2020-04-20") }, "the report's dateline")
        #expect(!rows.joined().contains("—"), "every bookmark here is in a dated document: \(rows)")
        for row in screen.lines { #expect(measure.width(of: row) <= 120) }
    }

    @Test func theSelectedRowShowsItsNoteInFullAndANarrowScreenCutsWithAnEllipsis() throws {
        var (r, world) = Self.filled(60, 30)
        _ = r.handle(.char("B"))
        let speech = try #require(r.sortedBookmarks.firstIndex { $0.quote.exact.contains("一诺千金") })
        for _ in 0..<speech { _ = r.handle(.char("j")) }
        let screen = ReaderView.draw(r)
        let note = try #require(world.bookmarks.first { $0.quote.exact.contains("一诺千金") }?.note)
        let shown = screen.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(shown.contains(note), "the whole note, wrapped under its row")
        #expect(screen.lines.contains { $0.contains("…") }, "cut columns end with …")
        for row in screen.lines { #expect(DisplayWidth().width(of: row) <= 60) }
    }

    @Test func editingANoteIsConfirmed() throws {
        var (r, world) = Self.filled(80)
        S.run(&r, &world, [.char("B"), .char("e"), .ctrl("u")] + S.chars("新") + [.enter])
        #expect(r.message == "Note saved")
        #expect(ReaderView.draw(r).lines.last?.contains("Note saved") == true)
    }
}
