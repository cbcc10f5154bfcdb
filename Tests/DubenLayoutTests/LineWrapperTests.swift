import DubenLayout
import DubenModel
import DubenTestSupport
import Foundation
import Testing

@Suite("Wrapping")
struct LineWrapperTests {
    func wrap(_ text: String, width: Int, indented: Bool = false, ambiguous: Int = 1) -> [DisplayLine] {
        LineWrapper(options: LayoutOptions(width: width, ambiguousWidth: ambiguous)).wrap(text, block: 0, kind: .paragraph, indented: indented)
    }

    @Test func everyWidthOverTheWholeCorpus() {
        var problems: [String] = []
        for width in 8...120 {
            let options = LayoutOptions(width: width)
            for doc in LayoutChecks.bundled.documents {
                let layout = DocumentLayout(document: doc, options: options)
                for b in doc.blocks.indices {
                    let lines = layout.lines(ofBlock: b).map(\.rendered)
                    for p in LayoutChecks.problems(lines: lines, blockText: doc.text(of: b), width: width) {
                        problems.append("width \(width), \(doc.id) block \(b): \(p)")
                    }
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
    }

    @Test func cjkWidthsAndNoLineStartsWithClosingPunctuation() {
        // 4 columns hold two characters: "一二，" would need 6, and the comma must not start
        // the next line, so "二" moves down with it; likewise "四。".
        let lines = wrap("一二，三四。", width: 4).map(\.text)
        #expect(lines == ["一", "二，", "三", "四。"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        let lines = wrap("甲乙丙《丁戊》", width: 8).map(\.text)
        #expect(lines == ["甲乙丙", "《丁戊》"])
    }

    @Test func dashesAndEllipsesStayTogether() {
        for text in ["一二三——四五", "一二三……四五"] {
            let lines = wrap(text, width: 7).map(\.text)
            #expect(!lines.contains { $0.hasSuffix("—") && !$0.hasSuffix("——") }, "\(lines)")
            #expect(!lines.contains { $0.hasSuffix("…") && !$0.hasSuffix("……") }, "\(lines)")
            #expect(lines.joined() == text)
        }
    }

    @Test(arguments: ["海拔1700米的月亮垭", "发展5G网络", "抗击COVID-19疫情", "援助2000万美元物资"])
    func numbersAndWordsStayWhole(_ text: String) {
        let unit = ["1700米", "5G", "COVID-19", "2000万美元"].first { text.contains($0) }!
        // The unit stays whole wherever it fits on a line ("2000万美元" needs 10 cells).
        for width in max(8, DisplayWidth().width(of: unit))...16 {
            let lines = wrap(text, width: width).map(\.text)
            #expect(lines.contains { $0.contains(unit) }, "width \(width): \(lines)")
        }
    }

    @Test func wordLongerThanTheLineIsBrokenRatherThanOverflowing() {
        let lines = wrap("Pneumonoultramicroscopicsilicovolcanoconiosis", width: 8)
        #expect(lines.allSatisfy { $0.width <= 8 })
        #expect(lines.map(\.text).joined() == "Pneumonoultramicroscopicsilicovolcanoconiosis")
    }

    @Test func indentationKeptOrDropped() {
        let kept = wrap("一二三四五六七八九十", width: 10, indented: true)
        #expect(kept.map(\.rendered) == ["\u{3000}\u{3000}一二三", "四五六七八", "九十"])
        let none = LineWrapper(options: LayoutOptions(width: 10, indent: .none)).wrap("一二三四五六", block: 0, kind: .paragraph, indented: true)
        #expect(none.map(\.rendered) == ["一二三四五", "六"])
        let heading = LineWrapper(options: LayoutOptions(width: 10)).wrap("一、标题", block: 0, kind: .heading(level: 1), indented: true)
        #expect(heading.first?.indent == 0)
    }

    @Test func ambiguousWidthTwoReservesTwoCells() {
        let text = "“甲”“乙”"
        #expect(wrap(text, width: 8, ambiguous: 1).map(\.width) == [8])
        let wide = wrap(text, width: 8, ambiguous: 2)
        #expect(wide.allSatisfy { $0.width <= 8 })
        #expect(wide.count == 2)
    }

    @Test func tabsExpandToTheNextStop() {
        let lines = wrap("a\tb", width: 20)
        #expect(lines.first?.text == "a   b")
        #expect(lines.first?.width == 5)
    }

    @Test func linesCarryTheirTextPositions() {
        let lines = wrap("一二三四五六七八九十", width: 6)
        #expect(lines.map(\.start) == [0, 3, 6, 9])
        #expect(lines.last?.end == 10)
    }

    @Test func layoutIsLazy() {
        let doc = LayoutChecks.bundled.documents[1]
        let layout = DocumentLayout(document: doc, options: LayoutOptions(width: 40))
        _ = layout.lines(ofBlock: 5)
        #expect(layout.wrappedBlockCount == 1)
    }
}

/// The layout cache keeps at most its limit of documents, the least recently used going first.
@Suite struct LayoutCacheLimitTests {
    @Test func theLeastRecentlyUsedLayoutGoesFirst() throws {
        let corpus = TestSupport.bundled
        #expect(corpus.documents.count >= 3)
        let cache = LayoutCache(options: LayoutOptions(width: 40), limit: 2)
        let first = cache.layout(0, of: corpus)
        _ = cache.layout(1, of: corpus)
        #expect(cache.layout(0, of: corpus) === first)
        _ = cache.layout(2, of: corpus)
        #expect(cache.count == 2)
        #expect(cache.layout(0, of: corpus) === first, "0 was used after 1: 1 went")
        #expect(cache.count == 2)
    }
}
