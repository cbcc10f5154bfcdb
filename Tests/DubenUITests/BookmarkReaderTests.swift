import DubenModel
import DubenStore
import DubenUI
import Foundation
import Testing

/// Bookmarks in the reader, without a disk: keys produce effects, and results fed back change
/// the state. `MemoryWorld` plays the session's part.
@Suite("Bookmarks in the reader")
struct BookmarkReaderTests {
    typealias S = UITestSupport

    /// A reader on the bundled texts with writable bookmarks.
    static func reader(_ columns: Int = 80, _ rows: Int = 24, bookmarks: [Bookmark] = []) -> Reader {
        Reader(corpus: S.bundled, columns: columns, rows: rows, bookmarks: BookmarkState(bookmarks, availability: .writable))
    }

    @Test func bookmarkKeyYieldsAnAddEffectAndChangesNothingUntilItIsWritten() throws {
        var r = Self.reader()
        S.type(&r, [.tab] + Array(repeating: Key.char("]"), count: 9) + [.char("m")] + S.chars("笔记"))
        let effects = r.handle(.enter)
        guard case .bookmarks(.add(let draft))? = effects.first, effects.count == 1 else {
            Issue.record("expected one add effect, got \(effects)")
            return
        }
        #expect(draft.id == "" && draft.created == "", "ids and times are stamped by the session")
        #expect(draft.note == "笔记")
        #expect(draft.citation?.occasion == "同美国总统特朗普通电话")
        #expect(r.bookmarks.items.isEmpty, "nothing is kept before the write succeeded")
        let stored = draft.stamped(id: "id-1", now: "2026-11-30T00:00:00Z")
        r.apply(.bookmarkAdded(stored))
        #expect(r.bookmarks.items == [stored])
        #expect(r.message == "Bookmarked (1 in all)")
    }

    @Test func deleteAndUndoAreEffectsOnTheListsBookmark() throws {
        var world = MemoryWorld()
        var r = Self.reader()
        S.run(&r, &world, [.tab, .char("]"), .char("m"), .enter, .char("]"), .char("]"), .char("m"), .enter])
        #expect(world.bookmarks.count == 2)
        S.type(&r, [.char("B"), .char("j")])
        let victim = r.sortedBookmarks[1]
        #expect(r.handle(.char("x")) == [.bookmarks(.remove(victim))])
        // Fed back: gone from the list, kept for undo.
        r.apply(.bookmarkRemoved(victim))
        #expect(r.bookmarks.items.count == 1)
        #expect(r.overlay == .bookmarks(BookmarkListState(selected: 0, deleted: [victim])))
        #expect(r.handle(.char("u")) == [.bookmarks(.restore(victim))])
        r.apply(.bookmarkRestored(victim))
        #expect(r.bookmarks.items.count == 2)
        #expect(r.overlay == .bookmarks(BookmarkListState(selected: 0, deleted: [])))
        #expect(r.message == "Restored")
    }

    @Test func editingANoteIsAnEffect() throws {
        var world = MemoryWorld()
        var r = Self.reader()
        S.run(&r, &world, [.tab, .char("]"), .char("m")] + S.chars("旧") + [.enter])
        let id = try #require(world.bookmarks.first?.id)
        S.type(&r, [.char("B"), .char("e"), .ctrl("u")] + S.chars("新的笔记"))
        #expect(r.handle(.enter) == [.bookmarks(.setNote(id: id, note: "新的笔记"))])
        S.type(&r, [.char("e"), .ctrl("u")])
        #expect(r.handle(.enter) == [.bookmarks(.setNote(id: id, note: nil))], "an empty note clears it")
    }

    @Test func exportIsAnEffectWithTheSortedBookmarks() throws {
        var world = MemoryWorld()
        var r = Self.reader()
        S.run(&r, &world, [.tab, .char("]"), .char("]"), .char("m"), .enter, .char("g"), .char("m"), .enter])
        S.type(&r, [.char("E"), .ctrl("u")] + S.chars("csv 导出.csv"))
        let effects = r.handle(.enter)
        #expect(effects == [.export(r.sortedBookmarks, format: .csv, path: "导出.csv")])
        #expect(r.sortedBookmarks.map(\.block) == r.sortedBookmarks.map(\.block).sorted())
        // A bad request is answered at once, with no effect.
        S.type(&r, [.char("E"), .ctrl("u")] + S.chars("docx out"))
        #expect(r.handle(.enter).isEmpty)
        #expect(r.notice?.severity == .error)
        // E in the bookmark list asks too.
        S.type(&r, [.char("B"), .char("E")])
        #expect(r.prompt?.kind == .export)
    }

    @Test func quittingSavesWhereEachDocumentWasLeft() {
        var r = Self.reader()
        S.type(&r, [.char(" "), .tab, .char("]"), .char("]")])
        let first = ReadingPosition(block: r.page.left[0]?.block ?? -1, offset: r.page.left[0]?.offset ?? -1)
        let effects = r.handle(.char("q"))
        #expect(effects == [.savePositions([S.bundled.documents[0].id: first,
                                            S.bundled.documents[1].id: ReadingPosition(block: r.top.block, offset: r.topOffset)],
                                           current: S.bundled.documents[1].id, place: S.bundled.documents[1].place),
                            .quit])
        #expect(first.block > 0, "the first document was left after a page")
        let place = S.bundled.documents[1].place
        #expect(place?.range == S.bundled.documents[1].range && place?.id == S.bundled.documents[1].id,
                "where the document lies is saved with it")
    }

    @Test func aReadOnlyFileYieldsNoWriteEffects() {
        var r = Reader(corpus: S.bundled, columns: 80, rows: 24,
                       bookmarks: BookmarkState(availability: .readOnly(reason: "b.json: cannot read bookmarks (not valid JSON)")))
        #expect(r.notice?.severity == .error && r.message?.contains("read-only") == true)
        #expect(r.handle(.char("m")).isEmpty)
        #expect(r.prompt == nil)
        #expect(r.message?.contains("b.json") == true)
        #expect(r.handle(.char("q")) == [.quit], "positions are not saved beside a file that could not be read")
    }

    @Test func aFailedEffectIsShownOnTheStatusLine() throws {
        var world = MemoryWorld()
        world.failure = .error("/home/a/.local/share/duben/bookmarks.json: cannot write: No space left on device")
        var r = Self.reader(100, 12)
        S.run(&r, &world, [.tab, .char("]"), .char("m"), .enter])
        #expect(world.bookmarks.isEmpty)
        #expect(r.bookmarks.items.isEmpty)
        let screen = ReaderView.draw(r)
        let status = screen.lines[11]
        #expect(status.contains("bookmarks.json: cannot write: No space left on device"), "the status line names the file: \(status)")
        #expect(screen.styleLines[11].dropFirst().hasPrefix("A"), "an error is drawn in the accent style")
        // The next key clears it.
        _ = r.handle(.char("j"))
        #expect(r.notice == nil)
    }

    @Test func reanchoringIsAnEffectOfTheStart() throws {
        let doc = S.bundled.documents[2]
        var b = try #require(Bookmark.make(in: doc, block: 5, offset: 2, length: 10, id: "x", now: "t"))
        b.block = 7  // The text moved: the passage is now found elsewhere.
        var r = Self.reader(bookmarks: [b])
        let effects = r.start()
        guard case .bookmarks(.reanchor(let moved))? = effects.first else { Issue.record("no re-anchoring effect: \(effects)"); return }
        #expect(moved.map(\.block) == [5])
        #expect(r.bookmarks.items.first?.block == 5)
        #expect(r.start().isEmpty, "only once")
    }

    @Test func bookmarkingAQuotationMarksAllItsParagraphs() throws {
        var world = MemoryWorld()
        var r = Self.reader(80, 60)
        S.type(&r, [.tab])
        while !(r.document.text(of: r.top.block).hasPrefix("重大传染性疾病")) {
            let before = r.top
            S.type(&r, [.char("]")])
            try #require(r.top != before, "the quotation is in the collection")
        }
        let q = try #require(r.currentQuotation)
        #expect(q.blocks.count == 7)
        S.run(&r, &world, [.char("m"), .enter])
        let saved = try #require(world.bookmarks.first)
        #expect(saved.quote.exact.split(separator: "\n").count == 7)
        #expect(saved.citation?.occasion.contains("二十国集团领导人特别峰会") == true)
        // Every row of the seven paragraphs carries the margin marker, the citation does not.
        let screen = ReaderView.draw(r).lines
        let marked = screen.filter { $0.hasPrefix("▌") }.count
        let rows = q.blocks.reduce(0) { $0 + r.layout.lines(ofBlock: $1).count }
        #expect(marked == rows)
        #expect(!screen.contains { $0.hasPrefix("▌") && $0.contains("（2020年3月26日") })
    }

    @Test func theListFiltersWithTheOneMatcher() throws {
        var world = MemoryWorld()
        var r = Self.reader()
        // One bookmark in the report, two in the collection (one with a note in full-width letters).
        S.run(&r, &world, [.char("m"), .enter, .tab, .char("]"), .char("m"), .enter, .char("]"), .char("m")] + S.chars("ＷＨＯ") + [.enter])
        #expect(world.bookmarks.count == 3)
        S.type(&r, [.char("B"), .char("/")] + S.chars("who") + [.enter])
        guard case .bookmarks(let state) = r.overlay else { Issue.record("the list closed"); return }
        #expect(state.filter == "who")
        let listed = r.listedBookmarks(filter: state.filter)
        #expect(listed.map(\.note) == ["ＷＨＯ"])
        #expect(ReaderView.draw(r).lines[0].contains("Bookmarks · 1 of 3 · filter: who"))
        // x acts on the listed bookmark; E exports the listed ones.
        #expect(r.handle(.char("x")) == [.bookmarks(.remove(listed[0]))])
        S.type(&r, [.char("E"), .ctrl("u")] + S.chars("md out.md"))
        #expect(r.handle(.enter) == [.export(listed, format: .markdown, path: "out.md")])
        // Esc clears the filter first, then closes.
        S.type(&r, [.escape])
        guard case .bookmarks(let cleared) = r.overlay else { Issue.record("the list closed"); return }
        #expect(cleared.filter.isEmpty)
        S.type(&r, [.escape])
        #expect(r.overlay == .none)
        // A filter nothing holds says so.
        S.type(&r, [.char("B"), .char("/")] + S.chars("不存在的词") + [.enter])
        #expect(ReaderView.draw(r).lines.joined().contains("Nothing matches 不存在的词."))
    }
}

