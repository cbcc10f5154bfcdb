import DubenLayout
import DubenModel
import Foundation
import Testing

@Suite("Hostile text")
struct HostileTextTests {
    let wrapper = LineWrapper(options: LayoutOptions(width: 20))

    func output(_ text: String) -> String {
        wrapper.wrap(text, block: 0, kind: .paragraph, indented: false).map(\.rendered).joined(separator: "\n")
    }

    /// No C0/C1 control, DEL or bidi control may survive.
    func isInert(_ s: String) -> Bool {
        !s.unicodeScalars.contains { u in
            let v = u.value
            return v < 0x20 && v != 0x0A || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }
    }

    @Test(arguments: [
        "标题\u{1B}[2J\u{1B}[H清屏",              // CSI: clear screen, home
        "\u{1B}]0;pwned\u{07}文字",                 // OSC 0: set title
        "\u{1B}]2;pwned\u{1B}\\文字",               // OSC 2 with ST
        "\u{1B}]52;c;ZXZpbA==\u{07}剪贴板",         // OSC 52: clipboard
        "\u{9B}31m八位CSI\u{9D}0;t\u{9C}",          // C1 CSI/OSC/ST
        "NUL\u{0}DEL\u{7F}",
        "\u{202E}txet desrever\u{202C}\u{2066}隔离\u{2069}",
    ])
    func controlsBecomeVisiblePlaceholders(_ text: String) {
        let out = output(text)
        #expect(isInert(out), "\(out.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(out.unicodeScalars.count >= text.unicodeScalars.count - 1)
    }

    @Test func escapeIsShownAsItsPicture() {
        #expect(output("a\u{1B}[31mb") == "a␛[31mb")
        #expect(output("x\u{7F}y\u{0}z") == "x␡y␀z")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let bytes: [UInt8] = Array("文字".utf8) + [0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80] + Array("结尾。很长的有效中文文字内容足够多。".utf8)
        let decoded = try SourceDecoder.decode(bytes)
        #expect(decoded.replacements >= 3)
        let text = String(decoding: decoded.bytes, as: UTF8.self)
        let lines = wrapper.wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.allSatisfy { $0.width <= 20 })
        #expect(lines.map(\.text).joined() == text)
    }

    @Test func megabyteLineWithoutBreakOpportunities() {
        let text = String(repeating: "x", count: 1 << 20)
        let lines = LineWrapper(options: LayoutOptions(width: 80)).wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.count == (1 << 20) / 80 + 1)
        #expect(lines.allSatisfy { $0.width <= 80 })
    }

    @Test func emojiZWJSequencesAreNeverSplit() {
        let family = "👨\u{200D}👩\u{200D}👧"
        let text = String(repeating: family, count: 5)
        let lines = LineWrapper(options: LayoutOptions(width: 8)).wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.allSatisfy { $0.width <= 8 })
        #expect(lines.map(\.text) == Array(repeating: family, count: 5))
    }

    @Test func combiningMarksStayWithTheirBase() {
        let text = String(repeating: "e\u{301}", count: 30)  // é as e + combining acute
        let lines = LineWrapper(options: LayoutOptions(width: 8)).wrap(text, block: 0, kind: .paragraph, indented: false)
        #expect(lines.allSatisfy { $0.width <= 8 && !$0.text.unicodeScalars.first!.properties.isDiacritic })
        #expect(lines.map(\.text).joined() == text)
        #expect(lines.first?.width == 8)
    }

    @Test func aZWJChainWiderThanTheLineIsCutNotOverflowing() {
        // Ten emoji joined by ZWJ: 20 cells, wider than any line of 8.
        let chain = Array(repeating: "👩", count: 10).joined(separator: "\u{200D}")
        let lines = LineWrapper(options: LayoutOptions(width: 8)).wrap(chain, block: 0, kind: .paragraph, indented: false)
        #expect(lines.allSatisfy { $0.width <= 8 })
        #expect(lines.map(\.text).joined() == chain)
        // A sequence that fits a line stays whole.
        #expect(LineWrapper(options: LayoutOptions(width: 8)).wrap("👨\u{200D}👩\u{200D}👧", block: 0, kind: .paragraph, indented: false).count == 1)
    }

    @Test func theFirstLineDropsItsIndentRatherThanOverflow() {
        // Width 9, indentation 4: the 6-cell family does not fit after it.
        let family = "👨\u{200D}👩\u{200D}👧"
        let lines = LineWrapper(options: LayoutOptions(width: 9)).wrap(family + "中文", block: 0, kind: .paragraph, indented: true)
        #expect(lines.allSatisfy { $0.width <= 9 })  // a line's width counts its indentation
        #expect(lines.first?.indent == 0 && lines.first?.text.hasPrefix(family) == true)
        // Text that fits after the indentation keeps it.
        #expect(LineWrapper(options: LayoutOptions(width: 9)).wrap("中文", block: 0, kind: .paragraph, indented: true).first?.indent == 4)
    }
}
