import DubenModel
import DubenStore
import DubenUI
import Foundation
import Testing

/// Selecting sentences (v), and what m and y keep with and without a selection.
@Suite("Selection and passages")
struct SelectionTests {
    typealias S = UITestSupport

    static func reader(_ columns: Int = 80, _ rows: Int = 24) -> Reader {
        Reader(corpus: S.bundled, columns: columns, rows: rows, bookmarks: BookmarkState([], availability: .writable))
    }

    /// Whether `text` is whole sentences: it starts where a sentence of its block starts and
    /// ends where one ends.
    static func isWholeSentences(_ b: Bookmark, in reader: Reader) -> Bool {
        let doc = try! #require(S.bundled.documents.first { $0.id == b.document })
        let first = doc.sentences(of: b.block)
        let parts = b.quote.exact.split(separator: "\n", omittingEmptySubsequences: false)
        let lastBlock = b.block + parts.count - 1
        let endOffset = parts.count == 1 ? b.offset + b.length : parts.last!.unicodeScalars.count
        return first.contains { $0.lowerBound == b.offset } && doc.sentences(of: lastBlock).contains { $0.upperBound == endOffset }
    }

    /// The speech, searched for 一诺千金 (the match's line at the top).
    static func atYiNuo(_ columns: Int = 80, _ rows: Int = 24) -> Reader {
        var r = reader(columns, rows)
        S.type(&r, [.char("/")] + S.chars("一诺千金") + [.enter])
        return r
    }

    @Test func vSelectsTheFirstSentenceThatBeginsOnScreenAndJExtends() throws {
        var world = MemoryWorld()
        var r = Self.atYiNuo()
        S.run(&r, &world, [.char("v")])
        let one = try #require(r.selection)
        #expect(one.first == one.last)
        #expect(r.message?.hasPrefix("Selected ") == true && r.message?.contains("· 1 sentence ") == true)
        S.run(&r, &world, [.char("j"), .char("m")] + S.chars("承诺") + [.enter])
        let b = try #require(world.bookmarks.first)
        #expect(b.quote.exact.contains("一诺千金"))
        #expect(SentenceBreaker.sentences(in: b.quote.exact).count == 2)
        #expect(Self.isWholeSentences(b, in: r))
        #expect(b.note == "承诺")
        #expect(r.selection == nil, "bookmarking ends the selection")
    }

    @Test func kNeverLeavesFewerThanOneSentenceAndEscCancels() throws {
        var r = Self.atYiNuo()
        S.type(&r, [.char("v"), .char("j"), .char("j"), .char("k"), .char("k"), .char("k"), .char("k")])
        let sel = try #require(r.selection)
        #expect(sel.first == sel.last)
        _ = r.handle(.escape)
        #expect(r.selection == nil)
    }

    @Test func bracesMoveByParagraphAndTheSelectionCrossesBlocks() throws {
        var r = Self.atYiNuo()
        S.type(&r, [.char("v"), .char("}")])
        let toEnd = try #require(r.selection)
        #expect(toEnd.last.block == toEnd.first.block)
        #expect(toEnd.last.index == r.document.sentences(of: toEnd.first.block).count - 1)
        S.type(&r, [.char("}")])
        let next = try #require(r.selection)
        #expect(next.last.block > toEnd.first.block, "a second } reaches into the next paragraph")
        let size = try #require(r.selectionSize)
        #expect(size.sentences > 2 && size.characters > 50)
        S.type(&r, [.char("{")])
        #expect(r.selection?.last.block == toEnd.first.block)
        S.type(&r, [.char("{")])
        #expect(r.selection?.last == r.selection?.first)
    }

    @Test func extendingPastTheBottomScrollsTheSelectionIntoView() throws {
        var r = Self.atYiNuo(60, 12)
        S.type(&r, [.char("v")] + Array(repeating: Key.char("j"), count: 12))
        let sel = try #require(r.selection)
        #expect(sel.last.block > r.top.block || r.top.block == sel.last.block)
        // The end of the selection is drawn: some row holds a reverse-video cell, and the
        // last selected sentence's last characters are on screen.
        let screen = ReaderView.draw(r)
        #expect(screen.styleLines.contains { $0.contains("R") })
        let last = r.document.sentences(of: sel.last.block)[sel.last.index]
        let text = Array(r.document.text(of: sel.last.block).unicodeScalars)
        let tail = String(String.UnicodeScalarView(text[(last.upperBound - 2)..<last.upperBound]))
        #expect(screen.lines.joined().contains(tail))
    }

    @Test func theSelectionIsDrawnInReverseVideoOnlyWhereSelected() throws {
        var r = Self.atYiNuo()
        S.type(&r, [.char("v")])
        let screen = ReaderView.draw(r)
        let reversed = screen.styleLines.enumerated().filter { $0.element.contains("R") }.map(\.offset)
        #expect(reversed.count >= 1 && reversed.count <= 2, "one short sentence: one or two rows")
        S.type(&r, [.escape])
        #expect(!ReaderView.draw(r).styleLines.contains { $0.contains("R") })
    }

    @Test func mWithoutSelectionKeepsAWholeSentenceNeverAScreenLine() throws {
        var world = MemoryWorld()
        var r = Self.atYiNuo()
        // Two lines down: the top line now starts in the middle of a sentence.
        S.run(&r, &world, [.char("j"), .char("j")])
        let lines = r.layout.lines(ofBlock: r.top.block)
        let sentenceStarts = Set(r.document.sentences(of: r.top.block).map(\.lowerBound))
        #expect(!sentenceStarts.contains(lines[r.top.row].start), "the test needs a top line that starts mid-sentence")
        S.run(&r, &world, [.char("m"), .enter])
        let b = try #require(world.bookmarks.first)
        #expect(Self.isWholeSentences(b, in: r))
        #expect(b.offset >= lines[r.top.row].start, "the first sentence that begins on screen")
        #expect(b.quote.exact.last == "。")
    }

    @Test func yCopiesThePassageWithItsCitationAndSaysWhere() throws {
        var world = MemoryWorld()
        var r = Self.atYiNuo()
        S.run(&r, &world, [.char("v"), .char("j"), .char("y")])
        let copied = try #require(world.clipboard.first)
        #expect(copied.contains("一诺千金。"))
        #expect(copied.contains("\n"), "passage, then the citation on its own line")
        #expect(copied.contains("习近平"))
        #expect(r.message?.hasPrefix("Copied ") == true && r.message?.hasSuffix("characters to memory") == true)
        #expect(r.selection == nil)
    }

    @Test func yWithNothingAvailableSaysSoAndKeepsTheSelection() throws {
        var r = Self.atYiNuo()
        S.type(&r, [.char("v")])
        let effects = r.handle(.char("y"))
        guard case .copy? = effects.first else { Issue.record("expected a copy effect, got \(effects)"); return }
        r.apply(.notCopied(.warning("Nothing copied: no clipboard tool")))
        #expect(r.message == "Nothing copied: no clipboard tool")
        #expect(r.selection != nil)
    }

    @Test func leavingTheDocumentDropsTheSelection() {
        var r = Self.atYiNuo()
        S.type(&r, [.char("v"), .tab])
        #expect(r.selection == nil)
    }
}

extension SelectionTests {
    @Test func aSearchIntoAnotherDocumentEndsTheSelection() {
        var r = Self.reader()
        S.type(&r, [.char("v")])
        #expect(r.selection != nil)
        S.type(&r, [.char("/")] + S.chars("一诺千金") + [.enter])
        #expect(r.documentIndex == 2)
        #expect(r.selection == nil)
    }
}
