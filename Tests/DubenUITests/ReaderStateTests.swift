import DubenLayout
import DubenModel
import DubenTestSupport
import DubenUI
import Foundation
import Testing

@Suite("Reader state")
struct ReaderStateTests {
    typealias S = UITestSupport

    /// A long document in few blocks (the first 256 KiB of a book) is not wrapped whole for
    /// the status line before the first frame: its line count is estimated.
    @Test func theLinePositionIsExactForShortDocumentsAndEstimatedForLongOnes() throws {
        let paragraph = "　　" + String(repeating: "中国人民团结一心，", count: 50) + "\n\n"
        for (count, exact) in [(20, true), (300, false)] {
            let corpus = try TestSupport.corpus("一篇长文\n\n" + String(repeating: paragraph, count: count))
            let r = Reader(corpus: corpus, columns: 80, rows: 24)
            #expect(r.document.blocks.count < 5_000)
            #expect(r.linePosition.exact == exact, "\(count) paragraphs, \(r.document.range.count) bytes")
            #expect(r.linePosition.total >= count)
        }
    }

    @Test func pagingToTheEndAndBack() {
        var r = S.reader(80, 24)
        let total = r.linePosition.total
        _ = r.handle(.char("G"))
        #expect(r.linePosition.line == total - r.textHeight + 1)
        #expect(r.percent == 100)
        _ = r.handle(.char(" "))
        #expect(r.linePosition.line == total - r.textHeight + 1, "cannot page past the end")
        _ = r.handle(.char("g"))
        #expect(r.linePosition.line == 1)
        _ = r.handle(.char("b"))
        #expect(r.linePosition.line == 1)
        _ = r.handle(.char("f"))
        #expect(r.linePosition.line == r.textHeight + 1)
        _ = r.handle(.char("u"))
        #expect(r.linePosition.line == r.textHeight + 1 - r.textHeight / 2)
        _ = r.handle(.ctrl("n"))
        _ = r.handle(.down)
        _ = r.handle(.enter)
        _ = r.handle(.up)
        #expect(r.linePosition.line == r.textHeight + 1 - r.textHeight / 2 + 2)
        _ = r.handle(.wheelDown)
        #expect(r.linePosition.line == r.textHeight + 1 - r.textHeight / 2 + 5)
    }

    @Test func percentJump() {
        var r = S.reader(80, 24)
        S.type(&r, S.chars("50%"))
        let p = r.linePosition
        #expect(p.line == (p.total - 1) / 2 + 1)
        #expect(r.count == nil)
    }

    @Test func headingsAndDocuments() {
        var r = S.reader(80, 24)
        _ = r.handle(.tab)
        #expect(r.documentIndex == 1)
        // The document opens on its first heading; } twice goes to the third.
        _ = r.handle(.char("}"))
        _ = r.handle(.char("}"))
        #expect(r.top.block == r.document.toc[2].block)
        _ = r.handle(.char("{"))
        #expect(r.top.block == r.document.toc[1].block)
        _ = r.handle(.backTab)
        _ = r.handle(.backTab)
        #expect(r.documentIndex == 2)
        _ = r.handle(.tab)
        #expect(r.documentIndex == 0)
        _ = r.handle(.tab)
        #expect(r.documentIndex == 1)
        #expect(r.top.block == r.document.toc[1].block, "a document reopens where it was left")
    }

    @Test func tableOfContentsJumpAndClose() {
        var r = S.reader(80, 24)
        S.type(&r, [.tab, .char("t")])
        #expect(r.overlay == .tableOfContents(selected: 0))
        S.type(&r, [.char("j"), .char("j"), .enter])
        #expect(r.overlay == .none)
        #expect(r.top.block == r.document.toc[2].block)
        S.type(&r, [.char("t"), .char("q")])
        #expect(r.overlay == .none)
        #expect(r.handle(.char("q")).last == .quit)
    }

    @Test func libraryOpensADocument() {
        var r = S.reader(80, 24)
        S.type(&r, [.char("L"), .char("G"), .enter])
        #expect(r.documentIndex == 2)
    }

    @Test func searchAcrossDocumentsWithWrap() {
        var r = S.reader(80, 24)
        S.type(&r, [.char("/")] + S.chars("特朗普") + [.enter])
        #expect(r.documentIndex == 1)
        let first = r.top
        var seen = [r.top]
        for _ in 0..<4 { _ = r.handle(.char("n")); seen.append(r.top) }
        #expect(Set(seen.map(\.block)).count == 5)
        _ = r.handle(.char("n"))
        #expect(r.message?.hasSuffix("search wrapped to the first document") == true)
        #expect(r.message?.hasPrefix("match 1/5") == true)
        #expect(r.top == first)
        _ = r.handle(.char("N"))
        #expect(r.message?.hasSuffix("search wrapped to the last document") == true)
        #expect(r.top == seen.last)
    }

    @Test func searchFoldsWidthAndCase() {
        #expect(TextMatcher("ＣＯＶＩＤ")?.matches(in: "covid-19 and COVID") == [0..<5, 13..<18])
        #expect(TextMatcher("2020")?.matches(in: "２０２０年") == [0..<4])
        var r = S.reader(80, 24)
        S.type(&r, [.char("/")] + S.chars("zzzz不存在") + [.enter])
        #expect(r.message == "Pattern not found: zzzz不存在")
    }

    @Test func promptEditingRemovesWholeCharacters() {
        var e = LineEditor()
        for c in "秦岭e\u{301}" { _ = e.handle(.char(c)) }
        _ = e.handle(.backspace)
        #expect(e.text == "秦岭")
        _ = e.handle(.backspace)
        #expect(e.text == "秦")
        #expect(e.handle(.escape) == .cancelled)
        var r = S.reader(80, 24)
        S.type(&r, [.char("/"), .char("x"), .escape])
        #expect(r.prompt == nil)
        #expect(r.search == nil)
    }

    @Test func resizeKeepsTheFirstVisibleCharacter() {
        var r = S.reader(80, 24)
        S.type(&r, [.tab, .char(" "), .char(" "), .char("j")])
        let block = r.top.block
        let offset = r.topOffset
        let firstChar = r.layout.lines(ofBlock: block)[r.top.row].text.first
        for (c, rows) in [(40, 12), (120, 40), (25, 6), (80, 24)] {
            _ = r.handle(.resize(columns: c, rows: rows))
            #expect(r.top.block == block)
            let line = r.layout.lines(ofBlock: block)[r.top.row]
            #expect(line.start <= offset && offset < max(line.end, line.start + 1), "size \(c)x\(rows)")
        }
        #expect(r.layout.lines(ofBlock: block)[r.top.row].text.first == firstChar)
    }

    @Test func tooSmallRecovers() {
        var r = S.reader(80, 24)
        _ = r.handle(.resize(columns: 10, rows: 3))
        #expect(r.isTooSmall)
        #expect(ReaderView.draw(r).lines[0] == "too small")
        _ = r.handle(.char("j"))
        _ = r.handle(.resize(columns: 80, rows: 24))
        #expect(!r.isTooSmall)
        #expect(ReaderView.draw(r).lines[0].contains("习近平在陕西考察时强调"))
    }

    @Test func neverCrashesOnAnySize() {
        var r = S.reader(80, 24)
        for c in 0...30 {
            for rows in [0, 1, 2, 5, 6, 7, 11, 12, 13] {
                _ = r.handle(.resize(columns: c, rows: rows))
                _ = r.handle(.char("G"))
                let screen = ReaderView.draw(r)
                #expect(screen.width == c && screen.height == rows)
            }
        }
    }

    @Test func widthOverrideAndAmbiguousPadding() {
        var r = Reader(corpus: S.bundled, columns: 80, rows: 24, width: 30, ambiguousWidth: 2)
        #expect(r.textWidth == 30)
        let screen = ReaderView.draw(r)
        for line in screen.lines.dropFirst(2).dropLast(2) {
            #expect(DisplayWidth(ambiguousWidth: 2).width(of: line.trimmingCharacters(in: .whitespaces)) <= 30)
        }
        _ = r.handle(.resize(columns: 20, rows: 10))
        #expect(r.textWidth == 20)
    }

    @Test func helpListsEveryBindingOfEveryContext() throws {
        var r = S.reader(100, 200)
        _ = r.handle(.char("h"))
        let text = ReaderView.draw(r).lines.joined(separator: "\n")
        for (context, bindings) in KeyBindings.table {
            if context != .reader { #expect(text.contains(context.title), "help lacks the section \(context.title)") }
            for b in bindings {
                #expect(text.contains(b.names.joined(separator: ", ")) && text.contains(b.summary), "help lacks \(b.summary)")
            }
        }
    }

    /// Docs/KEYS.md holds the table of each context between `<!-- keys: CONTEXT -->` and
    /// `<!-- end keys -->`, exactly as `KeyBindings.markdownTable` makes it, and no other
    /// key table. `DUBEN_RECORD=1` regenerates those parts of the page.
    @Test func keysDocumentIsGeneratedFromTheTable() throws {
        let url = S.repoRoot.appendingPathComponent("Docs/KEYS.md")
        var doc = try String(contentsOf: url, encoding: .utf8)
        var stale: [KeyContext] = []
        for context in KeyContext.allCases {
            let open = "<!-- keys: \(context.rawValue) -->\n", close = "<!-- end keys -->"
            guard let a = doc.range(of: open), let b = doc.range(of: close, range: a.upperBound..<doc.endIndex) else {
                Issue.record("Docs/KEYS.md has no generated table for \(context.rawValue)")
                continue
            }
            let table = KeyBindings.markdownTable(context)
            if doc[a.upperBound..<b.lowerBound] != table {
                stale.append(context)
                doc.replaceSubrange(a.upperBound..<b.lowerBound, with: table)
            }
        }
        let rows = doc.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Keys") && !$0.hasPrefix("| ---") }
        #expect(rows.count == KeyBindings.table.reduce(0) { $0 + $1.bindings.count }, "Docs/KEYS.md has key rows outside the generated tables")
        if !stale.isEmpty {
            if ProcessInfo.processInfo.environment["DUBEN_RECORD"] != nil {
                try doc.write(to: url, atomically: true, encoding: .utf8)
            }
            Issue.record("Docs/KEYS.md is stale for \(stale.map(\.rawValue)); DUBEN_RECORD=1 swift test --filter keysDocument regenerates it")
        }
    }

    @Test func helpScrollsWithinItsLines() {
        var r = S.reader(80, 12)
        _ = r.handle(.char("h"))
        S.type(&r, [.char("G")])
        guard case .help(let lastTop) = r.overlay else { Issue.record("help closed"); return }
        #expect(lastTop > 3)
        S.type(&r, [.char("g"), .char("j"), .enter, .down])
        #expect(r.overlay == .help(scroll: 3))
        S.type(&r, [.char("k")])
        #expect(r.overlay == .help(scroll: 2))
        S.type(&r, [.char("G")])
        #expect(r.overlay == .help(scroll: lastTop))
        S.type(&r, [.char("j"), .pageDown])
        #expect(r.overlay == .help(scroll: lastTop), "no scrolling past the last line")
        S.type(&r, [.char("g"), .char("k"), .pageUp])
        #expect(r.overlay == .help(scroll: 0))
        S.type(&r, [.char("h")])
        #expect(r.overlay == .none)
    }

    @Test func controlCharactersNeverReachTheScreen() throws {
        let text = "标题\n正文\u{1B}]52;c;ZXZpbA==\u{07}和\u{1B}[2J以及\u{9B}1m。\n"
        let r = Reader(corpus: try TestSupport.corpus(text), columns: 40, rows: 10)
        let screen = ReaderView.draw(r)
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
        #expect(screen.lines.joined().contains("␛]52;c;ZXZpbA==␇"))
    }
}
