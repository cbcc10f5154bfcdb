import DubenLayout
import DubenModel
import DubenTestSupport
import Foundation
import Testing

/// One rule from text to cells: the wrapper, `DisplayWidth` and (in DubenUITests) the screen
/// buffer cut text into the same clusters, and turn controls and tabs into the same things.
@Suite("Shown text")
struct ShownTextTests {
    static let hostile = [
        "a\tb",
        "\t首\t行",
        "一\u{1B}[31m红\u{1B}[0m色\u{07}铃",
        "\u{202E}txet desrever\u{202C}\u{2066}隔离\u{2069}\u{200E}",
        "NUL\u{0}DEL\u{7F}C1\u{9B}NEL\u{85}LS\u{2028}CR\r",
        "组合e\u{301}字符\u{1B}\u{301}，“引号”……",
        "👨\u{200D}👩\u{200D}👧🇨🇳👍🏽1\u{FE0F}\u{20E3}",
        "\u{301}开头的组合符",
        "x\u{FFFF}y\u{E0001}z",
    ]

    /// The text the clusters of `s` show: placeholders, tabs as spaces.
    static func shownText(_ s: String, _ measure: DisplayWidth) -> String {
        var out = ""
        for c in measure.clusters(of: s) {
            switch c.shown {
            case .asIs: out += String(s.unicodeScalars[c.scalars])
            case .tab: out += String(repeating: " ", count: c.cells)
            case .placeholder(let p): out.unicodeScalars.append(p)
            }
        }
        return out
    }

    @Test func theOneRuleForControlsAndTabs() {
        #expect(Sanitizer.shown(0x1B, width: -1) == .placeholder("␛"))
        #expect(Sanitizer.shown(0x0A, width: -1) == .placeholder("␊"))
        #expect(Sanitizer.shown(0x7F, width: -1) == .placeholder("␡"))
        #expect(Sanitizer.shown(0x9B, width: -1) == .placeholder("¿"))
        #expect(Sanitizer.shown(0x2028, width: 0) == .placeholder("␤"))
        #expect(Sanitizer.shown(0x202E, width: 0) == .placeholder("⁑"))
        #expect(Sanitizer.shown(0x200F, width: 0) == .placeholder("⁑"))
        #expect(Sanitizer.shown(0xFFFF, width: -1) == .placeholder("\u{FFFD}"))
        #expect(Sanitizer.shown(0x09, width: -1) == .tab)
        #expect(Sanitizer.shown(0x4E00, width: 2) == .asIs)
        #expect(Sanitizer.shown(0x301, width: 0) == .asIs)
        #expect((0..<9).map { Sanitizer.tabWidth(atColumn: $0) } == [4, 3, 2, 1, 4, 3, 2, 1, 4])
    }

    @Test func tabsAdvanceToStopsCountedFromTheStartOfTheText() {
        let m = DisplayWidth()
        #expect(m.width(of: "\t") == 4)
        #expect(m.width(of: "a\tb") == 5)
        #expect(m.width(of: "中文\t") == 8)
        #expect(m.width(of: "abc\t\t") == 8)
        #expect(Self.shownText("a\tb", m) == "a   b")
        #expect(Self.shownText("\u{1B}]0;t\u{07}", m) == "␛]0;t␇")
    }

    /// The wrapper's line text is what the clusters show, and its width is `width(of:)`.
    @Test(arguments: hostile, [1, 2])
    func theWrapperShowsWhatTheScreenShows(_ text: String, ambiguous: Int) {
        let options = LayoutOptions(width: 200, ambiguousWidth: ambiguous, indent: .none)
        let lines = LineWrapper(options: options).wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.count == 1)
        #expect(lines[0].text == Self.shownText(text, options.measure))
        #expect(lines[0].width == options.measure.width(of: text))
    }

    /// At every width, a line's clusters carry its text and cells: they add up to its width.
    @Test(arguments: hostile)
    func linesCarryTheirClustersAndCells(_ text: String) {
        for width in [4, 5, 7, 9, 12, 80] {
            for ambiguous in [1, 2] {
                let options = LayoutOptions(width: width, ambiguousWidth: ambiguous)
                for line in LineWrapper(options: options).wrap(text, block: 0, kind: .paragraph, indented: true) {
                    var bytes: [UInt8] = []
                    var cells = 0
                    line.forEachCluster { utf8, w in
                        bytes += utf8
                        cells += w
                        return true
                    }
                    #expect(bytes == Array(line.utf8))
                    #expect(line.indent + cells == line.width, "\(width) \(line.text)")
                }
            }
        }
    }

    @Test func linesOfTheCorpusCarryTheirCells() {
        for doc in TestSupport.bundled.documents {
            let layout = DocumentLayout(document: doc, options: LayoutOptions(width: 37, ambiguousWidth: 2))
            for b in doc.blocks.indices {
                for line in layout.lines(ofBlock: b) {
                    var cells = 0
                    var clusters = 0
                    line.forEachCluster { _, w in
                        cells += w
                        clusters += 1
                        return true
                    }
                    #expect(line.indent + cells == line.width)
                    #expect(clusters <= line.text.unicodeScalars.count)
                }
            }
        }
    }

    @Test(arguments: hostile)
    func truncateAgreesWithWidth(_ text: String) {
        let m = DisplayWidth()
        let full = m.width(of: text)
        #expect(m.truncate(text, to: full) == text)
        for columns in 1..<full {
            let cut = m.truncate(text, to: columns)
            #expect(cut.hasSuffix("…"))
            #expect(m.width(of: cut) <= columns, "\(columns): \(cut)")
        }
    }

    @Test func displayLineStaysForty() {
        #expect(MemoryLayout<DisplayLine>.stride == 40)
    }

    @Test func layoutCacheKeepsLayoutsOfItsOptions() {
        let corpus = TestSupport.bundled
        let cache = LayoutCache(options: LayoutOptions(width: 40))
        let first = cache.layout(1, of: corpus)
        #expect(cache.layout(1, of: corpus) === first)
        cache.set(options: LayoutOptions(width: 40))
        #expect(cache.layout(1, of: corpus) === first)
        cache.set(options: LayoutOptions(width: 50))
        #expect(cache.options.width == 50)
        let second = cache.layout(1, of: corpus)
        #expect(second !== first && second.options.width == 50)
    }
}
