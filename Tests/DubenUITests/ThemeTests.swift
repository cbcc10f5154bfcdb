import DubenStore
import DubenTestSupport
import DubenUI
import Testing

/// Themes: which one is in force (NO_COLOR, --no-color), what each makes of the styles at 8
/// and 256 colours and without colour, and golden screens of the looks a terminal would draw.
@Suite("Themes")
struct ThemeTests {
    typealias S = UITestSupport

    @Test func noColorForcesMonochromeWhateverWasAsked() {
        for asked in [nil] + Theme.allCases.map(Optional.some) {
            #expect(Theme.choose(asked, noColorFlag: false, environment: ["NO_COLOR": "1"]) == .monochrome)
            #expect(Theme.choose(asked, noColorFlag: true, environment: [:]) == .monochrome)
        }
        // Set but empty does not count (no-color.org).
        #expect(Theme.choose(.dark, noColorFlag: false, environment: ["NO_COLOR": ""]) == .dark)
        #expect(Theme.choose(nil, noColorFlag: false, environment: [:]) == .default)
        #expect(Theme.choose(.light, noColorFlag: false, environment: ["TERM": "xterm"]) == .light)
    }

    /// The parts a reader must tell apart, by the styles the views give them.
    static let parts: [(name: String, style: Style)] = [
        ("text", []), ("selection", .reverse), ("match", .match), ("match in selection", [.match, .reverse]),
        ("bookmark margin", .accent), ("status line", [.dim, .bar]),
    ]

    @Test(arguments: Theme.allCases, [0, 8, 256])
    func selectionMatchMarginAndStatusLineDiffer(theme: Theme, colors: Int) {
        let looks = Self.parts.map { theme.look(for: $0.style, colors: colors) }
        for i in looks.indices {
            for j in looks.indices where j > i {
                #expect(looks[i] != looks[j], "\(theme) at \(colors) colours: \(Self.parts[i].name) and \(Self.parts[j].name) both \(looks[i])")
            }
        }
        // Only the colours the terminal has; none without colour or in monochrome.
        for raw in 0...UInt8.max {
            let look = theme.look(for: Style(rawValue: raw), colors: colors)
            let limit = colors == 0 || theme == .monochrome ? 0 : colors
            #expect(look.foreground < limit && look.background < limit, "\(theme) \(colors): \(look)")
        }
    }

    @Test func monochromeIsEveryThemeWithoutColour() {
        for theme in Theme.allCases {
            for raw in 0...UInt8.max {
                let style = Style(rawValue: raw)
                #expect(theme.look(for: style, colors: 0) == Theme.monochrome.look(for: style, colors: 256))
            }
        }
        #expect(Theme.monochrome.look(for: .match, colors: 0) == CellLook(attributes: [.reverse, .underline]))
        #expect(Theme.monochrome.look(for: .accent, colors: 0) == CellLook(attributes: .bold))
    }

    /// A screen with every part: the quotation collection with a bookmark, a search's matches
    /// and a selection, at 60×14.
    static func screen() -> ScreenBuffer {
        var world = MemoryWorld()
        var r = Reader(corpus: S.bundled, columns: 60, rows: 14, bookmarks: BookmarkState([], availability: .writable))
        S.run(&r, &world, [.tab, .char("]"), .char("m"), .enter])
        S.type(&r, [.char("/")] + S.chars("疫情") + [.enter, .char("v"), .char("j")])
        return ReaderView.draw(r)
    }

    /// The screen as a terminal draws it in a theme: the text, then a letter per cell for
    /// its look, with the looks named under it.
    static func snapshot(_ screen: ScreenBuffer, theme: Theme, colors: Int) -> String {
        var letters: [CellLook: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var rows: [String] = []
        for y in 0..<screen.height {
            var row = "|"
            for x in 0..<screen.width {
                let look = theme.look(for: screen[x, y].style, colors: colors)
                if letters[look] == nil {
                    letters[look] = alphabet[letters.count % alphabet.count]
                    legend.append("\(letters[look]!) \(look)")
                }
                row.append(letters[look]!)
            }
            rows.append(row)
        }
        let text = screen.lines.map { "|" + $0 }.joined(separator: "\n")
        return "\(theme.rawValue) at \(colors) colours\n\(text)\n--- looks ---\n\(rows.joined(separator: "\n"))\n\(legend.joined(separator: "\n"))\n"
    }

    @Test(arguments: [(Theme.default, 8), (.default, 256), (.light, 8), (.light, 256), (.dark, 8), (.dark, 256), (.monochrome, 256)])
    func goldenLooks(theme: Theme, colors: Int) throws {
        try Golden.assertText(Self.snapshot(Self.screen(), theme: theme, colors: colors), "theme-\(theme.rawValue)-\(colors).txt")
    }
}

extension Golden {
    /// A golden file of `Golden/` in this target.
    static func assertText(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.assert(text, matches: name, in: UITestSupport.goldenDirectory, sourceLocation: sourceLocation)
    }
}
