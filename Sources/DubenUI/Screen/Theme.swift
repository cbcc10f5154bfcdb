/// How a terminal draws a cell: attributes and colours. What a `Theme` makes of a `Style`, and
/// what the terminal backend hands to ncurses (DubenTerminal); kept here so that every theme
/// can be tested without a terminal.
public struct CellLook: Hashable, Sendable, CustomStringConvertible {
    /// Attributes: the same bits as `Style`'s bold, dim, reverse and underline.
    public var attributes: Style
    /// A colour number (0–7 on an 8-colour terminal, 0–255 on a 256-colour one), or -1 for
    /// the terminal's own foreground or background.
    public var foreground: Int
    public var background: Int

    public init(attributes: Style = [], foreground: Int = -1, background: Int = -1) {
        self.attributes = attributes.intersection(CellLook.attributeBits)
        self.foreground = foreground
        self.background = background
    }

    /// The `Style` bits that are terminal attributes.
    public static let attributeBits: Style = [.bold, .dim, .reverse, .underline]

    /// "bold reverse fg=6 bg=-", for golden files and messages.
    public var description: String {
        var words: [String] = []
        if attributes.contains(.bold) { words.append("bold") }
        if attributes.contains(.dim) { words.append("dim") }
        if attributes.contains(.reverse) { words.append("reverse") }
        if attributes.contains(.underline) { words.append("underline") }
        if foreground >= 0 { words.append("fg=\(foreground)") }
        if background >= 0 { words.append("bg=\(background)") }
        return words.isEmpty ? "plain" : words.joined(separator: " ")
    }
}

/// A colour theme: how the styles the views draw with (accent, match, bar…) look on a terminal
/// of 8 or 256 colours, or without colour. Every theme keeps selection in reverse video, so a
/// selection shows the same way everywhere; `monochrome` uses attributes only (bold, reverse,
/// underline, dim), and is what every theme becomes on a terminal without colours.
public enum Theme: String, CaseIterable, Sendable {
    /// Cyan accent, black on yellow for matches, on the terminal's own colours.
    case `default`
    /// For a light background: dark blue accent, matches on light yellow, a light grey bar.
    case light
    /// For a dark background: light blue accent, matches on orange, a dark grey bar.
    case dark
    /// No colour: accent bold, matches reverse and underlined, bars dim or bold.
    case monochrome

    /// What `--theme` and the configuration file accept, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The theme in force: monochrome when `NO_COLOR` is set and not empty (no-color.org) or
    /// `--no-color` was given, else the one asked for (option, then configuration), else
    /// `default`.
    public static func choose(_ requested: Theme?, noColorFlag: Bool, environment: [String: String]) -> Theme {
        if noColorFlag || !(environment["NO_COLOR"] ?? "").isEmpty { return .monochrome }
        return requested ?? .default
    }

    /// The colours of a theme at one palette size.
    struct Palette {
        var accent: Int
        var matchForeground: Int
        var matchBackground: Int
        var barForeground: Int
        var barBackground: Int
    }

    /// The palette at `colors` colours (8 or more), nil for monochrome.
    func palette(colors: Int) -> Palette? {
        let wide = colors >= 256
        switch self {
        case .monochrome: return nil
        case .default:
            return Palette(accent: 6, matchForeground: 0, matchBackground: 3, barForeground: -1, barBackground: -1)
        case .light:
            return wide ? Palette(accent: 25, matchForeground: 16, matchBackground: 229, barForeground: 235, barBackground: 252)
                : Palette(accent: 4, matchForeground: 0, matchBackground: 3, barForeground: 0, barBackground: 7)
        case .dark:
            return wide ? Palette(accent: 117, matchForeground: 16, matchBackground: 214, barForeground: 252, barBackground: 238)
                : Palette(accent: 6, matchForeground: 0, matchBackground: 2, barForeground: 7, barBackground: 4)
        }
    }

    /// How a cell of `style` looks on a terminal of `colors` colours (0 when it has none or
    /// colour is off: then every theme looks as `monochrome`).
    ///
    /// The style's own attributes are kept; then a bar takes the bar's colours, the accent its
    /// foreground, a match its colours (reversed inside a selection). Monochrome: accent bold,
    /// a match underlined and reverse — not reverse inside a selection, so it still shows.
    public func look(for style: Style, colors: Int) -> CellLook {
        var look = CellLook(attributes: style)
        guard colors >= 8, let palette = palette(colors: colors) else {
            if style.contains(.accent) { look.attributes.insert(.bold) }
            // A match toggles reverse, so that inside a selection it is the one not reversed.
            if style.contains(.match) { look.attributes.formSymmetricDifference(.reverse); look.attributes.insert(.underline) }
            return look
        }
        if style.contains(.bar) {
            look.foreground = palette.barForeground
            look.background = palette.barBackground
        }
        if style.contains(.accent) { look.foreground = palette.accent }
        if style.contains(.match) {
            look.foreground = palette.matchForeground
            look.background = palette.matchBackground
        }
        return look
    }
}
