import DubenLayout
import DubenModel
import DubenTestSupport
import DubenUI
import Testing

/// The screen buffer is the one place where text becomes cells: placeholders and tab stops by
/// the documented rule (Docs/LAYOUT.md), the same as the wrapper's, and as `DisplayWidth`
/// measures.
@Suite("Screen buffer")
struct ScreenBufferTests {
    static let texts = [
        "a\tb",
        "\t首\t行。",
        "一\u{1B}[31m红\u{1B}[0m色\u{07}铃",
        "\u{1B}]52;c;ZXZpbA==\u{07}剪贴板",
        "\u{202E}txet desrever\u{202C}\u{2066}隔离\u{2069}\u{200F}",
        "NUL\u{0}DEL\u{7F}C1\u{9B}NEL\u{85}LS\u{2028}CR\r",
        "组合e\u{301}字符，“引号”……——",
        "👨\u{200D}👩\u{200D}👧🇨🇳👍🏽",
    ]

    /// Row `y` as cells.
    static func row(_ s: ScreenBuffer, _ y: Int) -> [Cell] { (0..<s.width).map { s[$0, y] } }

    @Test func controlsTabsAndBidiBecomePlaceholdersAndTabStops() {
        var s = ScreenBuffer(width: 30, height: 1)
        let end = s.put("a\tb\u{1B}c\u{202E}d\t\u{7}", x: 3, y: 0)
        // The tab after "a" (one cell in) goes to the next multiple of 4 from x = 3.
        #expect(s.lines[0] == "   a   b␛c⁑d   ␇")
        #expect(end == 3 + 13)
        #expect(s[4, 0].text == " " && s[7, 0].text == "b")
        #expect(!s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    /// The same text through the wrapper and through `put` gives the same cells.
    @Test(arguments: texts, [1, 2])
    func putDrawsWhatTheWrapperLaysOut(_ text: String, ambiguous: Int) {
        let options = LayoutOptions(width: 60, ambiguousWidth: ambiguous, indent: .none)
        let lines = LineWrapper(options: options).wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.count == 1)
        var raw = ScreenBuffer(width: 64, height: 1, measure: options.measure)
        let rawEnd = raw.put(text, x: 2, y: 0)
        var laidOut = ScreenBuffer(width: 64, height: 1, measure: options.measure)
        let lineEnd = laidOut.put(lines[0], x: 2, y: 0)
        #expect(raw == laidOut, "\(raw.lines[0]) vs \(laidOut.lines[0])")
        #expect(rawEnd == lineEnd && rawEnd - 2 == lines[0].width)
    }

    /// `width(of:)` is what `put` advances; `truncate` fits what `put` draws.
    @Test(arguments: texts, [1, 2])
    func widthAndTruncateAgreeWithPut(_ text: String, ambiguous: Int) {
        let m = DisplayWidth(ambiguousWidth: ambiguous)
        var s = ScreenBuffer(width: 80, height: 1, measure: m)
        #expect(s.put(text, x: 5, y: 0) - 5 == m.width(of: text))
        for columns in 1...m.width(of: text) {
            let cut = m.truncate(text, to: columns)
            var t = ScreenBuffer(width: 80, height: 1, measure: m)
            let end = t.put(cut, x: 1, y: 0)
            #expect(end - 1 == m.width(of: cut) && end - 1 <= columns, "\(columns): \(cut)")
        }
    }

    @Test func wideGlyphsAndAmbiguousWidthTwo() {
        var s = ScreenBuffer(width: 6, height: 1)
        s.put("中“a", x: 0, y: 0)
        #expect(s[0, 0].text == "中" && s[0, 0].width == 2)
        #expect(s[1, 0].isContinuation)
        #expect(s[2, 0].text == "“" && s[2, 0].width == 1)
        #expect(s[3, 0].text == "a")

        var wide = ScreenBuffer(width: 6, height: 1, measure: DisplayWidth(ambiguousWidth: 2))
        #expect(wide.put("中“a", x: 0, y: 0) == 5)
        #expect(wide[2, 0].text == "“" && wide[2, 0].width == 2)
        #expect(wide[3, 0].isContinuation)
        #expect(wide[4, 0].text == "a")

        // A wide glyph that would straddle the edge leaves spaces instead.
        var edge = ScreenBuffer(width: 5, height: 1)
        #expect(edge.put("一二三", x: 0, y: 0) == 5)
        #expect(edge.lines[0] == "一二" && edge[4, 0] == Cell.blank)
        // A tab is clipped at the edge like any other cell.
        var tab = ScreenBuffer(width: 6, height: 1)
        #expect(tab.put("ab\tc", x: 1, y: 0, maxX: 4) == 4)
        #expect(Self.row(tab, 0).map(\.text).joined() == " ab   ")
    }

    @Test func aLoneMarkJoinsTheCellBefore() {
        var s = ScreenBuffer(width: 6, height: 1)
        s.put("e", x: 0, y: 0)
        s.put("\u{301}x", x: 1, y: 0)
        #expect(s[0, 0].text == "e" && s[1, 0].text == "x", "nothing before it in its own text: dropped")
        var t = ScreenBuffer(width: 6, height: 1)
        t.put("\u{1B}\u{301}e\u{301}", x: 0, y: 0)
        #expect(t[0, 0].text == "␛\u{301}" && t[1, 0].text == "e\u{301}")
    }

    /// Putting a wrapped line draws the same cells as putting its text.
    @Test func puttingALineEqualsPuttingItsText() {
        for (width, ambiguous) in [(40, 1), (23, 2), (9, 1)] {
            let options = LayoutOptions(width: width, ambiguousWidth: ambiguous)
            var lines: [DisplayLine] = []
            for doc in TestSupport.bundled.documents {
                let layout = DocumentLayout(document: doc, options: options)
                for b in doc.blocks.indices { lines += layout.lines(ofBlock: b) }
            }
            for text in Self.texts {
                lines += LineWrapper(options: options).wrap(text, block: 0, kind: .paragraph, indented: true)
            }
            for line in lines {
                var a = ScreenBuffer(width: width + 4, height: 1, measure: options.measure)
                var b = a
                let x = 2 + line.indent
                #expect(a.put(line, x: x, y: 0) == b.put(line.text, x: x, y: 0))
                #expect(a == b, "\(line.text)")
                // Clipped the same way too.
                var c = ScreenBuffer(width: width + 4, height: 1, measure: options.measure)
                var d = c
                c.put(line, x: x, y: 0, maxX: x + line.width / 2)
                d.put(line.text, x: x, y: 0, maxX: x + line.width / 2)
                #expect(c == d, "\(line.text)")
            }
        }
    }
}
